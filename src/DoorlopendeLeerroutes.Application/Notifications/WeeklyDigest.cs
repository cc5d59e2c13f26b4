using System.Globalization;
using DoorlopendeLeerroutes.Application.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Application.Notifications;

/// <summary>
/// The weekly digest (R-TASK-1): in the weeks before 1 October (<see cref="DigestSchedule"/>) every active coordinator
/// with open tasks gets one e-mail with the same list as their start page (<see cref="IOpenTasks"/>), each task with an
/// absolute link – never a pupil number or name. Each coordinator's digest of a week is claimed in the store before
/// anything is sent, so several app instances, or several runs, send it once; a coordinator with nothing to do that week
/// gets no mail. A send that fails gives the claim back, so the next run tries again.
/// </summary>
public sealed class WeeklyDigest(
    IEmailSender sender, IEmailRecipients recipients, IOpenTasks openTasks, ISentDigests sentDigests, EmailDelivery delivery,
    IOptions<EmailOptions> options, TimeProvider time, ILogger<WeeklyDigest> logger)
{
    private const string Footer =
        "Deze e-mail is automatisch verstuurd door Doorlopende leerroutes, omdat je coördinator bent. Je krijgt dit overzicht "
        + "van 1 september tot de teldatum van 1 oktober elke maandag, zolang er iets te doen is. Antwoorden op deze e-mail "
        + "worden niet gelezen.";

    /// <summary>Sends the digests that are due now and not sent yet; returns how many were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!sender.IsEnabled || DigestSchedule.DueWeek(now) is not { } week)
        {
            return 0;
        }

        var handled = await sentDigests.HandledAsync(week, cancellationToken);
        var coordinators = await recipients.CoordinatorsAsync(null, cancellationToken);
        var sent = 0;
        foreach (var coordinator in coordinators.Where(c => !handled.Contains(c.UserId)))
        {
            if (await SendOneAsync(coordinator, week, DutchTime.Today(now), cancellationToken))
            {
                sent++;
            }
        }

        logger.LogInformation("Weekly digest of {WeekStart:yyyy-MM-dd}: {SentCount} sent", week, sent);
        return sent;
    }

    private async Task<bool> SendOneAsync(UserContext coordinator, DateOnly week, DateOnly today, CancellationToken cancellationToken)
    {
        if (!await sentDigests.TryClaimAsync(coordinator.UserId, week, cancellationToken))
        {
            return false; // another run or instance has it
        }

        try
        {
            var tasks = await openTasks.ForAsync(coordinator, cancellationToken);
            if (tasks.IsEmpty)
            {
                // Nothing to do: the claim stays, so this coordinator's week is decided and no mail follows this week.
                await sentDigests.CompleteAsync(coordinator.UserId, week, 0, cancellationToken);
                return false;
            }

            if (await delivery.DeliverAsync(Digest(coordinator, tasks, week, today), cancellationToken))
            {
                await sentDigests.CompleteAsync(coordinator.UserId, week, tasks.Tasks.Count, cancellationToken);
                return true;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Weekly digest for user {UserId} failed", coordinator.UserId);
        }

        await sentDigests.ReleaseAsync(coordinator.UserId, week, CancellationToken.None);
        return false;
    }

    private EmailMessage Digest(UserContext to, OpenTaskList tasks, DateOnly week, DateOnly today)
    {
        var settings = options.Value;
        var countDate = DigestSchedule.Window(today.Year).Last;
        var daysLeft = countDate.DayNumber - today.DayNumber;
        var count = tasks.Tasks.Count;
        var (text, html) = new MailText()
            .Paragraph("Beste coördinator,")
            .Paragraph($"Dit staat nog voor je klaar in Doorlopende leerroutes (stand van {today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}). "
                       + (daysLeft == 0 ? "Vandaag is de teldatum." : $"Nog {Days(daysLeft)} tot de teldatum van 1 oktober."))
            .List(tasks.Tasks.Select(t => (t.Text, settings.LinkTo(t.Link), t.DaysLeft is { } left ? "nog " + Days(left) : null)))
            .Link("Naar je startpagina", settings.LinkTo(string.Empty))
            .Build(Footer);
        var subject = $"Weekoverzicht: {count} {(count == 1 ? "taak" : "taken")} voor de teldatum van 1 oktober";
        return new EmailMessage(to, subject, text, html, AuditEvent.TaskDigestSent(week, count));
    }

    private static string Days(int days) => days == 1 ? "1 dag" : $"{days} dagen";
}
