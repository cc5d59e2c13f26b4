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
    IReadOnlyList<RouteCountRow> Routes);

/// <summary>Computes the 1 October count (R-COUNT-1…6) of one school year with the domain's <see cref="FundingCount"/>.</summary>
public sealed class CountOverviewQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<CountOverview> ExecuteAsync(SchoolYear year, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var (result, routes, _) = await ScopedCount.CalculateAsync(
            db, scope, year, time.GetUtcNow().UtcDateTime, withNumbers: false, cancellationToken);

        var institutionIds = result.Totals.Select(t => t.InstitutionId).ToList();
        var institutions = await db.Institutions
            .Where(i => institutionIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Brin, i.Name })
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        var institutionRows = result.Totals
            .Select(t => new InstitutionCountRow(
                institutions[t.InstitutionId].Brin.Value, institutions[t.InstitutionId].Name, t.FundedAsVo, t.FundedAsMbo,
                t.WithoutPhase))
            .OrderBy(r => r.Name)
            .ToList();

        var routeRows = result.Lines
            .GroupBy(l => l.Enrolment.RouteId)
            .Select(g => new RouteCountRow(
                routes[g.Key].Code, routes[g.Key].Name,
                g.Count(l => l.Phase == Phase.Vo), g.Count(l => l.Phase == Phase.Mbo), g.Count(l => l.Phase is null),
                g.Count(l => l.Status == CountStatus.CountedLateChange)))
            .OrderBy(r => r.Code)
            .ToList();

        return new CountOverview(
            year, year.CountDate, result.CutoffUtc, result.IsPreview, result.Lines.Count,
            result.Lines.Count(l => l.Warnings.Contains(CountWarning.NoPhase)),
            result.Lines.Count(l => l.Warnings.Contains(CountWarning.DiffersFromExpectedPhase)),
            institutionRows, routeRows);
    }
}
