using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Tasks;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Notifications;

/// <summary>
/// R-TASK-1: from 1 September to 1 October every coordinator with open tasks gets one e-mail a week with the same list
/// as the start page, each with an absolute link, never a pupil number; coordinators with nothing to do get none; never
/// twice in a week, also with several app instances on one database. Each test uses its own week of September 2027
/// (1 September 2027 is a Wednesday).
/// </summary>
public sealed class WeeklyDigestTests(MailApp app) : IClassFixture<MailApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_TASK_1_R_PRIV_2_on_a_Monday_in_September_a_coordinator_with_open_tasks_gets_one_digest_with_links()
    {
        var vo = await app.UserAsync(SignIn.VoCoordinator);
        var routeId = Guid.NewGuid();
        app.Tasks.Set(
            vo.UserId,
            new OpenTask(OpenTaskKind.ConfirmRoute, "Bevestig de deelname aan leerroute Bouw en wonen", $"leerroutes/{routeId}"),
            new OpenTask(OpenTaskKind.PupilsWithoutPhase, "3 leerlingen zonder fase in leerroute Bouw en wonen", $"leerroutes/{routeId}/fasen",
                new DateOnly(2027, 10, 1), 25));
        app.Smtp.ClearReceivedEmail();

        var sent = await app.DigestAt(new DateTime(2027, 9, 6, 8, 0, 0));

        Assert.Equal(1, sent);
        var mail = Assert.Single(app.Received()); // the other coordinators have no open tasks: no mail
        Assert.Equal(SignIn.VoCoordinator, mail.To);
        Assert.StartsWith("Weekoverzicht: 2 taken", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Bevestig de deelname aan leerroute Bouw en wonen", mail.Text);
        Assert.Contains($"{MailApp.PublicBaseUrl}leerroutes/{routeId}", mail.Text);
        Assert.Contains($"href=\"{MailApp.PublicBaseUrl}leerroutes/{routeId}/fasen\"", mail.Html);
        Assert.Contains("nog 25 dagen", mail.Text);
        Assert.Contains("Nog 25 dagen tot de teldatum van 1 oktober", mail.Text);
        Assert.DoesNotMatch(PersonalData.NineDigits(), mail.All);

        await using var db = await app.OpenDbContextAsync();
        var audited = await db.AuditLog.Where(a => a.Kind == AuditKind.TaskDigestSent && a.Detail == "week van 06-09-2027").ToListAsync(Ct);
        var line = Assert.Single(audited);
        Assert.Equal(vo.UserId, line.ActorUserId);
        Assert.Equal(2, line.Count);
        Assert.DoesNotContain("Bouw", line.Detail, StringComparison.Ordinal); // what kind and to whom, not the content
    }

    [Fact]
    public async Task R_TASK_1_no_digest_before_1_September_before_seven_or_after_1_October()
    {
        var mbo = await app.UserAsync(SignIn.MboCoordinator);
        app.Tasks.Set(mbo.UserId, new OpenTask(OpenTaskKind.CorrectRejectedRoute, "Pas de afgewezen leerroute Zorg aan", "leerroutes/" + Guid.NewGuid()));
        app.Smtp.ClearReceivedEmail();

        Assert.Equal(0, await app.DigestAt(new DateTime(2027, 8, 30, 9, 0, 0))); // Monday before the window
        Assert.Equal(0, await app.DigestAt(new DateTime(2027, 9, 20, 6, 30, 0))); // Monday, before seven
        Assert.Equal(0, await app.DigestAt(new DateTime(2027, 10, 4, 9, 0, 0))); // Monday after 1 October
        Assert.Equal(0, await app.DigestAt(new DateTime(2028, 3, 6, 9, 0, 0)));

        Assert.Empty(app.Received());
    }

    [Fact]
    public async Task R_TASK_1_never_twice_in_the_same_week_also_not_from_a_second_instance_on_the_same_database()
    {
        var other = await app.UserAsync(SignIn.UnrelatedCoordinator);
        app.Tasks.Set(other.UserId, new OpenTask(OpenTaskKind.ConfirmRioRegistration, "Bevestig de RIO-melding van leerroute Groen", "leerroutes/" + Guid.NewGuid()));
        app.Smtp.ClearReceivedEmail();
        await using var second = new SecondInstance(app);

        var monday = await app.DigestAt(new DateTime(2027, 9, 13, 7, 5, 0));
        var wednesday = await app.DigestAt(new DateTime(2027, 9, 15, 12, 0, 0));
        var fromSecondInstance = await second.DigestAt(new DateTime(2027, 9, 13, 7, 10, 0));
        var nextWeek = await second.DigestAt(new DateTime(2027, 9, 20, 7, 0, 0));

        Assert.Equal(1, monday);
        Assert.Equal(0, wednesday);
        Assert.Equal(0, fromSecondInstance);
        Assert.Equal(1, nextWeek); // a new week, a new digest – from whichever instance runs first
        Assert.Equal(2, app.Received().Count(m => m.To == SignIn.UnrelatedCoordinator));
    }

    /// <summary>Another instance of the app on the same database and SMTP server (issue 17 runs several).</summary>
    private sealed class SecondInstance(MailApp first) : MailApp(first)
    {
        protected override string LogFolder => "logs-second";
    }
}
