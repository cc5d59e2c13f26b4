using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Application.Counting;

/// <summary>
/// Keeps the stored count (<see cref="CountedEnrolment"/>, issue 17) equal to what <see cref="FundingCount"/> gives on the
/// data as it is now. A school year is counted in full the first time it is asked for; after that, every save that
/// touches an enrolment, its phases or its route leaves a <see cref="CountInvalidation"/> in the same transaction, and the
/// next reader counts exactly those enrolments again before reading. So the rules stay in <see cref="FundingCount"/>, a
/// later (or late, R-COUNT-3) registration is in the very next answer, and a page open only sums stored lines.
/// </summary>
internal static class CountSnapshot
{
    /// <summary>Refreshes are serialised, so two instances never count the same enrolment from different moments.</summary>
    private const string LockName = "DoorlopendeLeerroutes.CountSnapshot";

    /// <summary>Invalidations per round: keeps the lists of route and enrolment ids well under SQL Server's parameter limit.</summary>
    private const int InvalidationsPerRound = 500;

    /// <summary>Lines per save while a whole year is counted: bounds the change tracker (60,000 lines in a national year).</summary>
    private const int LinesPerSave = 5_000;

    /// <summary>Counts what changed since the last reader, and <paramref name="year"/> in full if it never was; else does nothing.</summary>
    public static async Task EnsureCurrentAsync(IApplicationDbContext db, SchoolYear year, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (!await db.CountInvalidations.AnyAsync(cancellationToken) && await db.CountedYears.AnyAsync(y => y.SchoolYear == year, cancellationToken))
        {
            return;
        }

        using var measurement = AppTelemetry.MeasureCount("refresh");
        await using var transaction = await db.BeginSerialisedTransactionAsync(LockName, cancellationToken);
        var years = await db.CountedYears.AsNoTracking().Select(y => y.SchoolYear).ToListAsync(cancellationToken);
        await RecountInvalidatedAsync(db, years, nowUtc, cancellationToken);
        if (!years.Contains(year))
        {
            await CountAsync(db, db.Enrolments, year, nowUtc, cancellationToken);
            db.CountedYears.Add(new CountedYear(year, nowUtc));
            await db.SaveChangesAsync(cancellationToken);
            await db.UpdateCountStatisticsAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task RecountInvalidatedAsync(
        IApplicationDbContext db, List<SchoolYear> years, DateTime nowUtc, CancellationToken cancellationToken)
    {
        while (true)
        {
            var round = await db.CountInvalidations.AsNoTracking().OrderBy(i => i.Id).Take(InvalidationsPerRound).ToListAsync(cancellationToken);
            if (round.Count == 0)
            {
                return;
            }

            var routeIds = round.Select(i => i.RouteId).OfType<Guid>().Distinct().ToList();
            var enrolmentIds = round.Select(i => i.EnrolmentId).OfType<Guid>().Distinct().ToList();
            if (years.Count > 0)
            {
                var affected = db.Enrolments.Where(e => routeIds.Contains(e.RouteId) || enrolmentIds.Contains(e.Id));

                // Out go the lines stored under these routes (so also those of an enrolment that moved to another route,
                // ended before a count date, or was removed) and of these enrolments; in come the lines of what is there
                // now. Two deletes, each along an index.
                await db.CountedEnrolments
                    .Where(c => years.Contains(c.SchoolYear) && routeIds.Contains(c.RouteId))
                    .ExecuteDeleteAsync(cancellationToken);
                await db.CountedEnrolments
                    .Where(c => enrolmentIds.Contains(c.EnrolmentId) || affected.Select(e => e.Id).Contains(c.EnrolmentId))
                    .ExecuteDeleteAsync(cancellationToken);
                foreach (var year in years)
                {
                    await CountAsync(db, affected, year, nowUtc, cancellationToken);
                }
            }

            var done = round.Select(i => i.Id).ToList();
            await db.CountInvalidations.Where(i => done.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Counts <paramref name="enrolments"/> for <paramref name="year"/> with <see cref="FundingCount"/> and stores the lines.</summary>
    private static async Task CountAsync(
        IApplicationDbContext db, IQueryable<Enrolment> enrolments, SchoolYear year, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var result = await CalculateAsync(enrolments, db.Routes, year, nowUtc, cancellationToken);

        // Only new rows: nothing to detect, and the save interceptors need not look for changes either.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in result.Lines.Chunk(LinesPerSave))
            {
                db.CountedEnrolments.AddRange(chunk.Select(l => CountedEnrolment.From(year, l)));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// R-COUNT-1…6 by <see cref="FundingCount"/> over the enrolments of <paramref name="enrolments"/> that are active on the
    /// count date (R-COUNT-2): their facts, their phase registrations and their route's entry year, each read flat.
    /// </summary>
    public static async Task<CountResult> CalculateAsync(
        IQueryable<Enrolment> enrolments, IQueryable<Route> routes, SchoolYear year, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var countDate = year.CountDate;
        var active = enrolments.Where(e => e.StartDate <= countDate && (e.EndDate == null || e.EndDate >= countDate));
        var facts = await active
            .Select(e => new { e.Id, e.PupilId, e.RouteId, e.StartDate, e.EndDate, e.VoInstitutionId, e.MboInstitutionId })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // A collection inside the enrolment query would make EF Core sort and group every registration by enrolment (1.7
        // times slower at 50,000 pupils, docs/benchmarks.md). Only registrations in force by the count date can decide
        // the count (R-COUNT-3), so later ones are not read.
        var phases = (await active
                .SelectMany(e => e.Phases.Where(r => r.ValidFrom <= countDate), (e, r) => new { EnrolmentId = e.Id, r.Phase, r.ValidFrom, r.RecordedAt })
                .AsNoTracking()
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.EnrolmentId, r => new PhaseRecord(r.Phase, r.ValidFrom, r.RecordedAt));

        var entryYears = await routes.Where(r => active.Any(e => e.RouteId == r.Id))
            .Select(r => new { r.Id, r.Definition.EntryYear })
            .ToDictionaryAsync(r => r.Id, r => r.EntryYear, cancellationToken);

        var input = facts.Select(e => new CountEnrolment(
            e.Id, e.PupilId, e.RouteId, entryYears[e.RouteId], e.StartDate, e.EndDate, e.VoInstitutionId, e.MboInstitutionId, phases[e.Id].ToList()));
        return FundingCount.Calculate(year, input, nowUtc);
    }
}

/// <summary>
/// Brings the stored count up to date outside any page open (run by a background job on every instance): counts what
/// changed since the last reader, and the current school year in full the first time, so the first person to open
/// /teldatum after a busy morning or a new deployment does not wait for it.
/// </summary>
public sealed class RefreshStoredCount(IApplicationDbContextFactory contexts, TimeProvider time)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await CountSnapshot.EnsureCurrentAsync(db, SchoolYear.Containing(DutchTime.Today(now)), now, cancellationToken);
    }
}
