using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Application.Counting;

/// <summary>Totals of one institution on the count date.</summary>
public sealed record InstitutionCountRow(string Brin, string Name, int FundedAsVo, int FundedAsMbo, int WithoutPhase);

/// <summary>Totals of one route on the count date.</summary>
public sealed record RouteCountRow(string Code, string Name, int InVoPhase, int InMboPhase, int WithoutPhase, int LateChanges);

/// <summary>The count of a school year in figures only: no pupil is named (the rows per pupil belong to the report).</summary>
public sealed record CountOverview(
    SchoolYear SchoolYear,
    DateOnly CountDate,
    DateTime CutoffUtc,
    bool IsPreview,
    int Pupils,
    int WarningsNoPhase,
    int WarningsDifferFromExpected,
    IReadOnlyList<InstitutionCountRow> Institutions,
    IReadOnlyList<RouteCountRow> Routes)
{
    /// <summary>Rows of the table per institution in all its pages (<see cref="Institutions"/> may hold one page).</summary>
    public int InstitutionRows { get; init; } = Institutions.Count;

    /// <summary>Rows of the table per route in all its pages (<see cref="Routes"/> may hold one page).</summary>
    public int RouteRows { get; init; } = Routes.Count;
}

/// <summary>
/// The 1 October count (R-COUNT-1…6) of one school year in figures: the stored lines of <see cref="FundingCount"/> summed
/// by the database, then totalled per institution by <see cref="FundingCount.Totalise(IEnumerable{CountGroup})"/>.
/// </summary>
public sealed class CountOverviewQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    /// <summary>The figures with both tables whole (the API, the start page).</summary>
    public Task<CountOverview> ExecuteAsync(SchoolYear year, CancellationToken cancellationToken = default) =>
        ExecuteAsync(year, null, null, cancellationToken);

    /// <summary>
    /// The figures with one page of each table: /teldatum keeps only what it shows, nationally 713 institutions and
    /// 1,500 routes (issue 17).
    /// </summary>
    public async Task<CountOverview> ExecuteAsync(
        SchoolYear year, PageRequest? institutionsPage, PageRequest? routesPage, CancellationToken cancellationToken = default)
    {
        using var measurement = AppTelemetry.MeasureCount("totals"); // issue 17: dlr.count.duration and the span dlr.count
        await using var db = await contexts.CreateAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var lines = await ScopedCount.LinesAsync(db, scope, year, now, cancellationToken);
        var groups = await ScopedCount.Groups(lines, cancellationToken);
        var routes = await ScopedCount.RoutesAsync(db, groups.Select(g => g.RouteId), cancellationToken);

        var totals = FundingCount.Totalise(groups.Select(g => new CountGroup(g.VoInstitutionId, g.MboInstitutionId, g.Phase, g.Pupils)));
        var institutionIds = totals.Select(t => t.InstitutionId).ToList();
        var institutions = await db.Institutions
            .Where(i => institutionIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Brin, i.Name })
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        var institutionRows = totals
            .Select(t => new InstitutionCountRow(
                institutions[t.InstitutionId].Brin.Value, institutions[t.InstitutionId].Name, t.FundedAsVo, t.FundedAsMbo,
                t.WithoutPhase))
            .OrderBy(r => r.Name)
            .ToList();

        var routeRows = groups
            .GroupBy(g => g.RouteId)
            .Select(perRoute => new RouteCountRow(
                routes[perRoute.Key].Code, routes[perRoute.Key].Name,
                Sum(perRoute, g => g.Phase == Phase.Vo), Sum(perRoute, g => g.Phase == Phase.Mbo), Sum(perRoute, g => g.Phase is null),
                Sum(perRoute, g => g.Status == CountStatus.CountedLateChange)))
            .OrderBy(r => r.Code)
            .ToList();

        return new CountOverview(
            year, year.CountDate, FundingCount.CutoffUtc(year), FundingCount.IsPreview(year, now), Sum(groups, _ => true),
            Sum(groups, g => g.Phase is null), Sum(groups, g => g.DiffersFromExpected),
            Page(institutionRows, institutionsPage), Page(routeRows, routesPage))
        {
            InstitutionRows = institutionRows.Count,
            RouteRows = routeRows.Count,
        };
    }

    private static List<T> Page<T>(List<T> rows, PageRequest? page) =>
        page is null ? rows : rows.Skip(page.Skip).Take(page.Take).ToList();

    private static int Sum(IEnumerable<ScopedCount.CountedGroup> groups, Func<ScopedCount.CountedGroup, bool> which) =>
        groups.Where(which).Sum(g => g.Pupils);
}
