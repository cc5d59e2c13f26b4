using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Auditing;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Privacy;

/// <summary>
/// The app for the privacy tests: a clock the tests may move (the daily limit, retention, the import preview's lifetime)
/// and a limit on refused pupil numbers a test class chooses.
/// </summary>
public class PrivacyApp : AppFactory
{
    public MovableClock Clock { get; } = new();

    /// <summary>High by default, so the oracle tests never trip it by accident; the limit tests set a low one.</summary>
    protected virtual int RefusalsPerDay => 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Privacy:PupilNumberRefusalsPerDay"] = RefusalsPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The app with a daily limit of three refused pupil numbers.</summary>
public sealed class LowLimitApp : PrivacyApp
{
    public const int Limit = 3;

    protected override int RefusalsPerDay => Limit;
}

/// <summary>What the privacy tests share: a route of Groene Vallei, another school's pupil, the audit log as stored.</summary>
public sealed class PrivacyKit(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A registered route of Groene Vallei vmbo (21CD) and ROC Rivierenland, set up by Groene Vallei's coordinator: that
    /// coordinator may enrol and import here, but none of the demo pupils (all of De Horizon) is theirs.
    /// </summary>
    public async Task<Guid> GroeneValleiRouteAsync()
    {
        var workflow = new RouteWorkflow(app);
        var form = await workflow.NewFormAsync($"Groene route {Guid.NewGuid().ToString("N")[..8]}");
        await using (var db = await app.OpenDbContextAsync())
        {
            var groeneVallei = (await db.Institutions.AsNoTracking().ToListAsync(Ct)).Single(i => i.Brin.Value == "21CD");
            form.Partners[0] = new PartnerLine
            {
                InstitutionId = groeneVallei.Id, Name = groeneVallei.Name, Brin = "21CD", Sector = Sector.Vo,
            };
        }

        var created = await (await app.ServiceAsAsync<CreateRoute>(SignIn.UnrelatedCoordinator)).ExecuteAsync(form, Ct);
        RouteWorkflow.Ok(created);
        var route = created.Value;
        RouteWorkflow.Ok(await workflow.AddAgreementAsync(route, TestPdf.Agreement(), asUser: SignIn.UnrelatedCoordinator));
        RouteWorkflow.Ok(await workflow.ConfirmAsync(route, SignIn.UnrelatedCoordinator));
        RouteWorkflow.Ok(await workflow.ConfirmAsync(route, SignIn.MboCoordinator));
        RouteWorkflow.Ok(await workflow.SubmitAsync(route, SignIn.UnrelatedCoordinator));
        RouteWorkflow.Ok(await workflow.RegisterAsync(route));
        return route;
    }

    /// <summary>A demo pupil of De Horizon and ROC Rivierenland with an open enrolment: another school's pupil for Groene Vallei.</summary>
    public async Task<(Pupil Pupil, Enrolment Enrolment)> HorizonPupilAsync(int skip = 0)
    {
        await using var db = await app.OpenDbContextAsync();
        var horizon = (await db.Institutions.AsNoTracking().ToListAsync(Ct)).Single(i => i.Brin.Value == "05KO");
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.VoInstitutionId == horizon.Id && e.EndDate == null)
            .OrderBy(e => e.Id).Skip(skip).FirstAsync(Ct);
        var pupil = await db.Pupils.AsNoTracking().SingleAsync(p => p.Id == enrolment.PupilId, Ct);
        return (pupil, enrolment);
    }

    /// <summary>The audit lines of one person, oldest first, as stored.</summary>
    public async Task<List<AuditEntry>> AuditOfAsync(string email)
    {
        await using var db = await app.OpenDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
        return await db.AuditLog.AsNoTracking().Where(a => a.ActorUserId == user.Id).OrderBy(a => a.At).ToListAsync(Ct);
    }

    /// <summary>Every stored audit line as text, to prove no pupil number is in any of them.</summary>
    public async Task<string> WholeAuditLogAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        var lines = await db.AuditLog.AsNoTracking().ToListAsync(Ct);
        return string.Join('\n', lines.Select(a => $"{a.Kind}|{a.Subject}|{a.ObjectKind}|{a.ObjectId}|{a.PupilId}|{a.Count}|{a.Detail}"));
    }
}
