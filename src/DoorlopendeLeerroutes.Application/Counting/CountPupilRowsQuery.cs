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
/// R-ACCESS-1). The count is calculated per request (no copy of it kept per circuit); only the numbers of the shown page
/// are decrypted.
/// </summary>
public sealed class CountPupilRowsQuery(IApplicationDbContextFactory contexts, AccessScope scope, TimeProvider time)
{
    public async Task<PagedResult<CountPupilRow>> ExecuteAsync(
        SchoolYear year, PageRequest page, CountRowFilter filter = CountRowFilter.All, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var (result, routes, pupils) = await ScopedCount.CalculateAsync(
            db, scope, year, time.GetUtcNow().UtcDateTime, withNumbers: false, cancellationToken);

        var lines = filter switch
        {
            CountRowFilter.Warnings => result.Lines.Where(l => l.Warnings.Count > 0),
            CountRowFilter.LateChanges => result.Lines.Where(l => l.Status == CountStatus.CountedLateChange),
            _ => result.Lines,
        };
        var ordered = lines
            .OrderBy(l => routes[l.Enrolment.RouteId].Code, StringComparer.Ordinal)
            .ThenBy(l => pupils[l.Enrolment.PupilId].LastName, StringComparer.CurrentCulture)
            .ThenBy(l => pupils[l.Enrolment.PupilId].FirstName, StringComparer.CurrentCulture)
            .ThenBy(l => l.Enrolment.EnrolmentId)
            .ToList();
        var shown = ordered.Skip(page.Skip).Take(page.Take).ToList();

        var pupilIds = shown.Select(l => l.Enrolment.PupilId).Distinct().ToList();
        var masked = await db.Pupils.AsNoTracking().Where(p => pupilIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Number })
            .ToDictionaryAsync(p => p.Id, p => p.Number.Masked, cancellationToken);
        var fundedIds = shown.Select(l => l.FundedInstitutionId).OfType<Guid>().Distinct().ToList();
        var brins = await db.Institutions.AsNoTracking().Where(i => fundedIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Brin })
            .ToDictionaryAsync(i => i.Id, i => i.Brin.Value, cancellationToken);

        var rows = shown.Select(l =>
            {
                var route = routes[l.Enrolment.RouteId];
                return new CountPupilRow(
                    l.Enrolment.EnrolmentId, $"{route.Code} {route.Name}", pupils[l.Enrolment.PupilId].FullName, masked[l.Enrolment.PupilId],
                    l.Phase, l.FundedInstitutionId is { } funded ? brins[funded] : null, l.Status, l.ExpectedPhase,
                    l.Warnings.Contains(CountWarning.NoPhase), l.Warnings.Contains(CountWarning.DiffersFromExpectedPhase));
            })
            .ToList();
        return new PagedResult<CountPupilRow>(rows, ordered.Count);
    }
}
