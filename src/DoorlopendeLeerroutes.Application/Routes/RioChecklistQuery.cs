using System.Globalization;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Routes;

/// <summary>Whether one partner confirmed its RIO registration of this version (R-RIO-1), visible to every partner.</summary>
public sealed record RioPartnerStatus(
    Guid InstitutionId, string Name, string Brin, Sector Sector, DateOnly? ReportedOn, DateTime? ConfirmedAt, string? ConfirmedBy, bool IsOwn);

/// <summary>
/// The RIO section of a registered route version: the user's own checklist (none for administrators), every partner's
/// confirmation, and whether this user may confirm now.
/// </summary>
public sealed record RioChecklistView(
    Guid RouteId,
    string Code,
    int VersionNumber,
    Guid Version,
    RouteStatus Status,
    RioChecklist? Own,
    IReadOnlyList<RioPartnerStatus> Partners,
    bool CanConfirm,
    DateOnly? EarliestDate,
    DateOnly Today)
{
    public bool IsRegistered => Status == RouteStatus.Registered;

    public int NotConfirmed => Partners.Count(p => p.ReportedOn is null);
}

/// <summary>R-RIO-1: the RIO checklist of a route for its page, print view and CSV; null when the user may not see the route (R-ACCESS-1).</summary>
public sealed class RioChecklistQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<RioChecklistView?> ExecuteAsync(Guid routeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var route = await scope.Routes(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken);
        if (route is null)
        {
            await scope.RecordRefusalAsync(db, AuditObject.Route, routeId, "RIO-checklist openen", cancellationToken);
            return null;
        }

        var user = scope.User;
        var partnerIds = route.Partners.Select(p => p.InstitutionId).ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => partnerIds.Contains(i.Id)).ToListAsync(cancellationToken);
        var people = await db.UserNames(route.Partners.Select(p => p.RioConfirmedBy).OfType<Guid>().Distinct().ToList(), cancellationToken);
        var byId = institutions.ToDictionary(i => i.Id);
        var partners = route.Partners
            .Select(p => new RioPartnerStatus(
                p.InstitutionId, byId[p.InstitutionId].Name, byId[p.InstitutionId].Brin.Value, p.Sector, p.RioReportedOn,
                p.RioConfirmedAt, p.RioConfirmedBy is { } by ? people.GetValueOrDefault(by, "onbekend") : null,
                p.InstitutionId == user.InstitutionId))
            .OrderBy(p => p.Sector).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();

        var own = user.InstitutionId is { } institutionId ? RioChecklist.For(route, institutionId, institutions) : null;
        var actor = user.ToActor();
        return new RioChecklistView(
            route.Id, route.Code, route.VersionNumber, route.Version, route.Status, own, partners,
            actor.InstitutionId is { } mine && route.CanConfirmRio(mine, actor).IsSuccess,
            route.RioEarliestDate, DutchTime.Today(time.GetUtcNow().UtcDateTime));
    }
}

/// <summary>
/// The own checklist as CSV (docs/formats.md, "RIO-checklist": an export of this app, no exchange format): one row per item,
/// columns <c>Onderdeel;Waarde</c>, written by <see cref="Csv"/> (UTF-8 with byte-order mark, semicolons, formula-safe).
/// </summary>
public static class RioChecklistCsv
{
    public static readonly string[] Header = ["Onderdeel", "Waarde"];

    public static string FileName(RioChecklistView view) =>
        string.Create(CultureInfo.InvariantCulture, $"rio-checklist-{view.Code}-v{view.VersionNumber}.csv");

    /// <summary>The items in the order the print view shows them; shared so that page, print and file say the same.</summary>
    public static IReadOnlyList<(string Item, string Value)> Items(RioChecklist list)
    {
        var items = new List<(string, string)>
        {
            ("Leerroute", $"{list.RouteCode} {list.RouteName}"),
            ("Versie", list.RouteVersion.ToString(CultureInfo.InvariantCulture)),
            ("Eigen instelling", list.Own.Name),
            ("Eigen BRIN", list.Own.Brin),
            ("Kenmerk", list.Characteristic),
        };
        items.AddRange(list.CooperatingProviders.Select(p => ("Samenwerkende onderwijsaanbieder", $"{p.Name} ({p.Brin})")));
        items.Add(("Startdatum", Date(list.StartDate)));
        if (list.IsMboSide)
        {
            items.Add(list.Crebo is { } crebo ? ("Crebo", crebo) : ("Opleidingsdomein (nog geen crebo)", list.TrainingDomain ?? string.Empty));
            items.Add(("Niveau", list.Level is { } level ? ((int)level).ToString(CultureInfo.InvariantCulture) : string.Empty));
        }

        items.Add(("Gemeld in RIO op", list.Report is { } report ? Date(report.ReportedOn) : "nog niet bevestigd"));
        return items;
    }

    public static byte[] Write(RioChecklist list) =>
        Csv.Write(Items(list).Select(i => (IReadOnlyList<string>)[i.Item, i.Value]).Prepend(Header));

    private static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
