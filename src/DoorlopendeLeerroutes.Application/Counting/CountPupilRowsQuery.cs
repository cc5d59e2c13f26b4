using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Application.Counting;

/// <summary>Which pupil rows of the count page to show.</summary>
public enum CountRowFilter
{
    All = 0,

    /// <summary>The preview's warnings (R-COUNT-6): no phase, or another phase than expected.</summary>
    Warnings = 1,

    /// <summary>Counted, with a registration made too late to change the funding (R-COUNT-3).</summary>
    LateChanges = 2,
}

/// <summary>One pupil on the count page: masked number (R-PUPIL-8), phase on the count date, who is funded, status, warnings.</summary>
public sealed record CountPupilRow(
    Guid EnrolmentId,
    string Route,
    string Name,
    string MaskedNumber,
    Phase? Phase,
    string? FundedBy,
    CountStatus Status,
    Phase ExpectedPhase,
    bool NoPhaseWarning,
    bool DiffersFromExpected);

/// <summary>
/// The pupil rows of the count of one school year, a page at a time, limited to what the user may see (R-COUNT-7,
/// R-ACCESS-1), in the order of the export: route code, then surname and first name as Dutch sorts them. The database
/// counts the lines per route; only the routes the page falls in are read with their pupils' names, and only the shown
/// page's numbers are decrypted (masked, R-PUPIL-8). So a page costs the same whether the count has 100 or 60,000 lines.
/// </summary>
public sealed class CountPupilRowsQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<PagedResult<CountPupilRow>> ExecuteAsync(
        SchoolYear year, PageRequest page, CountRowFilter filter = CountRowFilter.All, CancellationToken cancellationToken = default)
    {
        using var measurement = AppTelemetry.MeasureCount("page"); // issue 17: dlr.count.duration and the span dlr.count
        await using var db = await contexts.CreateAsync(cancellationToken);
        var all = await ScopedCount.LinesAsync(db, scope, year, time.GetUtcNow().UtcDateTime, cancellationToken);
        var lines = filter switch
        {
            CountRowFilter.Warnings => all.Where(c => c.Phase == null || c.DiffersFromExpected),
            CountRowFilter.LateChanges => all.Where(c => c.Status == CountStatus.CountedLateChange),
            _ => all,
        };

        // Lines per route code (a route's versions share it), in code order: which codes the page falls in.
        var perRoute = await lines.GroupBy(c => c.RouteId).Select(g => new { RouteId = g.Key, Lines = g.Count() }).ToListAsync(cancellationToken);
        var routes = await ScopedCount.RoutesAsync(db, perRoute.Select(r => r.RouteId), cancellationToken);
        var perCode = perRoute
            .GroupBy(r => routes[r.RouteId].Code)
            .Select(g => (Code: g.Key, RouteIds: g.Select(r => r.RouteId).ToList(), Lines: g.Sum(r => r.Lines)))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        var total = perCode.Sum(c => c.Lines);

        var before = 0;
        var skipInFirst = 0;
        var shownRouteIds = new List<Guid>();
        foreach (var code in perCode)
        {
            if (before + code.Lines > page.Skip && before < page.Skip + page.Take)
            {
                if (shownRouteIds.Count == 0)
                {
                    skipInFirst = page.Skip - before;
                }

                shownRouteIds.AddRange(code.RouteIds);
            }

            before += code.Lines;
        }

        var candidates = await (from c in lines.Where(c => shownRouteIds.Contains(c.RouteId))
                                join p in db.Pupils on c.PupilId equals p.Id
                                select new { Line = c, p.FirstName, p.Prefix, p.LastName })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var shown = candidates
            .OrderBy(x => routes[x.Line.RouteId].Code, StringComparer.Ordinal)
            .ThenBy(x => x.LastName, StringComparer.CurrentCulture)
            .ThenBy(x => x.FirstName, StringComparer.CurrentCulture)
            .ThenBy(x => x.Line.EnrolmentId)
            .Skip(skipInFirst)
            .Take(page.Take)
            .ToList();

        var pupilIds = shown.Select(x => x.Line.PupilId).Distinct().ToList();
        var masked = await db.Pupils.AsNoTracking().Where(p => pupilIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Number })
            .ToDictionaryAsync(p => p.Id, p => p.Number.Masked, cancellationToken);
        var fundedIds = shown.Select(x => x.Line.FundedInstitutionId).OfType<Guid>().Distinct().ToList();
        var brins = await db.Institutions.AsNoTracking().Where(i => fundedIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Brin })
            .ToDictionaryAsync(i => i.Id, i => i.Brin.Value, cancellationToken);

        var rows = shown.Select(x =>
            {
                var line = x.Line;
                var route = routes[line.RouteId];
                var name = Pupil.FullNameOf(x.FirstName, x.Prefix, x.LastName);
                return new CountPupilRow(
                    line.EnrolmentId, $"{route.Code} {route.Name}", name, masked[line.PupilId], line.Phase,
                    line.FundedInstitutionId is { } funded ? brins[funded] : null, line.Status, line.ExpectedPhase,
                    line.Phase is null, line.DiffersFromExpected);
            })
            .ToList();
        return new PagedResult<CountPupilRow>(rows, total);
    }
}
