using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Application.Notifications;

/// <summary>
/// Tells the partners by e-mail that their route was registered or rejected (issue 15): every active coordinator of
/// every partner institution gets a notice with the route's name and a link to it (and, for a rejection, the reason) –
/// never a pupil. Called after the action was saved; the messages go through the outbox, so the action never waits
/// for, or fails with, the mail server.
/// </summary>
public sealed class RouteNotices(
    IApplicationDbContextFactory contexts, IEmailRecipients recipients, IEmailOutbox outbox, IOptions<EmailOptions> options,
    ILogger<RouteNotices> logger)
{
    internal const string Footer =
        "Deze e-mail is automatisch verstuurd door Doorlopende leerroutes, omdat je coördinator bent bij een partner van "
        + "deze leerroute. Antwoorden op deze e-mail worden niet gelezen.";

    public Task RouteRegisteredAsync(Guid routeId, CancellationToken cancellationToken = default) =>
        NotifyAsync(routeId, rejected: false, cancellationToken);

    public Task RouteRejectedAsync(Guid routeId, CancellationToken cancellationToken = default) =>
        NotifyAsync(routeId, rejected: true, cancellationToken);

    private async Task NotifyAsync(Guid routeId, bool rejected, CancellationToken cancellationToken)
    {
        if (!outbox.IsEnabled)
        {
            return;
        }

        try
        {
            await using var db = await contexts.CreateAsync(cancellationToken);
            var route = await db.Routes.AsNoTracking().Where(r => r.Id == routeId)
                .Select(r => new { r.Code, r.Definition.Name, r.RejectionReason, Partners = r.Partners.Select(p => p.InstitutionId).ToList() })
                .SingleAsync(cancellationToken);
            var link = options.Value.LinkTo($"leerroutes/{routeId}");
            var coordinators = await recipients.CoordinatorsAsync(route.Partners, cancellationToken);
            foreach (var coordinator in coordinators)
            {
                outbox.Enqueue(rejected
                    ? Rejected(coordinator, routeId, route.Name, route.Code, route.RejectionReason, link)
                    : Registered(coordinator, routeId, route.Name, route.Code, link));
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The route was saved; a notice that cannot be prepared must not turn that into an error for the user.
            logger.LogError(ex, "Notices for route {RouteId} not prepared", routeId);
        }
    }

    private static EmailMessage Registered(UserContext to, Guid routeId, string name, string code, Uri link)
    {
        var (text, html) = new MailText()
            .Paragraph("Beste coördinator,")
            .Paragraph($"De beheerder heeft de leerroute \"{name}\" ({code}) geregistreerd. Je instelling is partner in deze leerroute.")
            .Paragraph("Meld je eigen aanbod nu in RIO en bevestig dat op de RIO-checklist van de leerroute.")
            .Link("Bekijk de leerroute", link)
            .Build(Footer);
        return new EmailMessage(to, $"Leerroute geregistreerd: {name}", text, html, AuditEvent.RouteNoticeSent(routeId, "leerroute geregistreerd"));
    }

    private static EmailMessage Rejected(UserContext to, Guid routeId, string name, string code, string? reason, Uri link)
    {
        var (text, html) = new MailText()
            .Paragraph("Beste coördinator,")
            .Paragraph($"De beheerder heeft de leerroute \"{name}\" ({code}) afgewezen. Je instelling is partner in deze leerroute.")
            .Paragraph("Reden van de afwijzing:\n" + (reason ?? "(geen reden opgegeven)"))
            .Paragraph("Pas de leerroute aan en dien hem opnieuw in, of trek hem in als hij niet doorgaat.")
            .Link("Bekijk de leerroute", link)
            .Build(Footer);
        return new EmailMessage(to, $"Leerroute afgewezen: {name}", text, html, AuditEvent.RouteNoticeSent(routeId, "leerroute afgewezen"));
    }
}
