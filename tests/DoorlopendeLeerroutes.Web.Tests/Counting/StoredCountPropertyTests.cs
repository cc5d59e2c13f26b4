using CsCheck;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Counting;

/// <summary>
/// Issue 17: the count is read from stored lines (<see cref="CountSnapshot"/>) that later saves keep current. On thousands
/// of generated phase histories – registrations recorded just before, at and just after the Amsterdam cut-off of several
/// count dates, corrections, late registrations after a year was already counted, ended enrolments – the stored count
/// must give exactly what <see cref="FundingCount.Calculate"/> gives on the enrolments as they are: every line, the
/// totals per institution and per route, for the administrator and for a coordinator.
/// </summary>
public sealed class StoredCountPropertyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Iterations = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The three years compared: two whose count date has passed and the coming (or current) one.</summary>
    private static readonly SchoolYear[] Years =
    [
        SchoolYear.FromStartYear(SchoolYears.LastCounted.StartYear - 1),
        SchoolYears.LastCounted,
        SchoolYear.FromStartYear(SchoolYears.LastCounted.StartYear + 1),
    ];

    private int _nextNumber = 800_000; // far above what any other test makes (PupilNumbers holds about 909,000)
    private int _histories;

    /// <summary>One generated phase registration: which phase, from which count date it is offset, and when it is recorded.</summary>
    private sealed record Registration(Phase Phase, int YearIndex, int ValidFromOffsetDays, int CutoffOffsetSeconds);

    /// <summary>One generated pupil: where it starts, its registrations in the order they are recorded, whether it ends.</summary>
    private sealed record History(int RouteIndex, int StartYearIndex, int StartOffsetDays, Registration[] Registrations, int? EndAfterDays);

    /// <summary>Around the cut-off: a day, a minute, a second before; at it; a second, a minute, a day after; or weeks away.</summary>
    private static readonly Gen<int> AroundCutoff = Gen.OneOf(
        Gen.OneOf(-86_400, -60, -1, 0, 1, 60, 86_400),
        Gen.Int[-60 * 86_400, 60 * 86_400]);

    private static readonly Gen<Registration> RegistrationGen = Gen.Select(
        Gen.OneOf(Phase.Vo, Phase.Mbo), Gen.Int[0, Years.Length - 1], Gen.Int[-400, 30], AroundCutoff,
        (phase, year, validFrom, recorded) => new Registration(phase, year, validFrom, recorded));

    private static readonly Gen<History> HistoryGen = Gen.Select(
        Gen.Int[0, 100], Gen.Int[0, Years.Length - 1], Gen.Int[-420, 20], RegistrationGen.Array[0, 5],
        Gen.Int[0, 900].Nullable(),
        (route, startYear, startOffset, registrations, end) => new History(route, startYear, startOffset, registrations, end));

    /// <summary>A batch of pupils, then late registrations on some of them after the years were counted once.</summary>
    private static readonly Gen<(History[] Histories, Registration[] Late)> BatchGen =
        Gen.Select(HistoryGen.Array[25, 75], RegistrationGen.Array[0, 20]);

    [Fact]
    public async Task R_COUNT_1_to_6_the_stored_count_equals_FundingCount_on_generated_histories_including_late_registrations()
    {
        var routes = await RegisteredRoutesAsync();
        Assert.NotEmpty(routes);

        await BatchGen.SampleAsync(
            async batch =>
            {
                var added = await AddAsync(routes, batch.Histories);
                await AssertStoredCountIsFundingCountAsync();

                // Registrations made after the years were counted (and mostly after their cut-off): counted again by the
                // next reader, "te laat" where the cut-off had passed (R-COUNT-3).
                await AddLateRegistrationsAsync(added, batch.Late);
                await AssertStoredCountIsFundingCountAsync();
            },
            iter: Iterations, threads: 1, seed: null);

        Assert.True(_histories >= 1_000, $"Only {_histories} histories were generated and counted.");
    }

    private async Task<List<(Route Route, Guid Vo, Guid Mbo)>> RegisteredRoutesAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        var routes = await db.Routes.AsNoTracking().Where(r => r.Status == RouteStatus.Registered).ToListAsync(Ct);
        return [.. from r in routes
                   from vo in r.PartnersIn(Sector.Vo)
                   from mbo in r.PartnersIn(Sector.Mbo)
                   select (r, vo.InstitutionId, mbo.InstitutionId)];
    }

    private async Task<List<Guid>> AddAsync(List<(Route Route, Guid Vo, Guid Mbo)> routes, History[] histories)
    {
        await using var db = await app.OpenDbContextAsync();
        var today = DutchTime.Today(DateTime.UtcNow);
        var added = new List<Guid>();
        foreach (var history in histories)
        {
            var (route, vo, mbo) = routes[history.RouteIndex % routes.Count];
            var coordinator = Actor.Coordinator(Guid.NewGuid(), vo);
            var start = Years[history.StartYearIndex].CountDate.AddDays(history.StartOffsetDays);
            if (start < route.Definition.FirstSchoolYear.FirstDay)
            {
                start = route.Definition.FirstSchoolYear.FirstDay;
            }

            var pupil = Pupil.Create(PupilNumbers.Make(_nextNumber++), $"Gegenereerd{_nextNumber}", null, "Eigenschap", start.AddYears(-14)).Value;
            var enrolment = Enrolment.Start(pupil, route, vo, mbo, start, [], coordinator, today);
            if (enrolment.IsFailure)
            {
                continue; // e.g. after the route's end: such a pupil is refused in the app too
            }

            foreach (var registration in history.Registrations)
            {
                Record(enrolment.Value, registration, coordinator);
            }

            if (history.EndAfterDays is { } days)
            {
                _ = enrolment.Value.End(start.AddDays(days), EnrolmentOutcome.Completed, null, coordinator);
            }

            db.Pupils.Add(pupil);
            db.Enrolments.Add(enrolment.Value);
            added.Add(enrolment.Value.Id);
            _histories++;
        }

        await db.SaveChangesAsync(Ct);
        return added;
    }

    private async Task AddLateRegistrationsAsync(List<Guid> added, Registration[] late)
    {
        if (added.Count == 0 || late.Length == 0)
        {
            return;
        }

        await using var db = await app.OpenDbContextAsync();
        for (var i = 0; i < late.Length; i++)
        {
            var id = added[(i * 7919) % added.Count];
            var enrolment = await db.Enrolments.SingleAsync(e => e.Id == id, Ct);
            Record(enrolment, late[i], Actor.Coordinator(Guid.NewGuid(), enrolment.VoInstitutionId));
        }

        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Records one generated registration; one the domain refuses (before the start, unchanged) is left out, as in the app.</summary>
    private static void Record(Enrolment enrolment, Registration registration, Actor coordinator)
    {
        var year = Years[registration.YearIndex];
        var validFrom = year.CountDate.AddDays(registration.ValidFromOffsetDays);
        var recordedAt = FundingCount.CutoffUtc(year).AddSeconds(registration.CutoffOffsetSeconds);
        _ = enrolment.RecordPhase(registration.Phase, validFrom, coordinator, recordedAt);
    }

    /// <summary>For every compared year: the stored count against <see cref="FundingCount.Calculate"/> on the enrolments read whole.</summary>
    private async Task AssertStoredCountIsFundingCountAsync()
    {
        var now = DateTime.UtcNow;
        await using var db = await app.OpenDbContextAsync();
        var enrolments = await db.Enrolments.AsNoTracking().ToListAsync(Ct); // with every phase registration
        var entryYears = await db.Routes.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Definition.EntryYear, Ct);
        var brins = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Brin.Value, Ct);
        var routeCodes = await db.Routes.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, Ct);
        var coordinator = await app.UserAsync(SignIn.VoCoordinator);

        foreach (var year in Years)
        {
            var expected = FundingCount.Calculate(
                year,
                enrolments.Select(e => new CountEnrolment(
                    e.Id, e.PupilId, e.RouteId, entryYears[e.RouteId], e.StartDate, e.EndDate, e.VoInstitutionId, e.MboInstitutionId,
                    [.. e.Phases.Select(p => p.ToRecord())])),
                now);

            // Every line, as the administrator's page of pupils shows it.
            var rows = await AllRowsAsync(SignIn.Administrator, year);
            Assert.Equal(
                expected.Lines.Select(l => Line(l, brins)).OrderBy(l => l.EnrolmentId),
                rows.Select(r => (r.EnrolmentId, r.Phase, r.FundedBy, r.Status, r.ExpectedPhase, r.NoPhaseWarning, r.DiffersFromExpected))
                    .OrderBy(l => l.EnrolmentId));

            // The totals, summed by the database, against the domain's.
            var overview = await (await app.ServiceAsAsync<CountOverviewQuery>(SignIn.Administrator)).ExecuteAsync(year, Ct);
            Assert.Equal(expected.Lines.Count, overview.Pupils);
            Assert.Equal(expected.Lines.Count(l => l.Warnings.Contains(CountWarning.NoPhase)), overview.WarningsNoPhase);
            Assert.Equal(expected.Lines.Count(l => l.Warnings.Contains(CountWarning.DiffersFromExpectedPhase)), overview.WarningsDifferFromExpected);
            Assert.Equal(
                expected.Totals.Select(t => (brins[t.InstitutionId], t.FundedAsVo, t.FundedAsMbo, t.WithoutPhase)).Order(),
                overview.Institutions.Select(i => (i.Brin, i.FundedAsVo, i.FundedAsMbo, i.WithoutPhase)).Order());
            Assert.Equal(
                expected.Lines.GroupBy(l => routeCodes[l.Enrolment.RouteId]).Select(g => (g.Key,
                    g.Count(l => l.Phase == Phase.Vo), g.Count(l => l.Phase == Phase.Mbo), g.Count(l => l.Phase is null),
                    g.Count(l => l.Status == CountStatus.CountedLateChange))).Order(),
                overview.Routes.GroupBy(r => r.Code).Select(g => (g.Key,
                    g.Sum(r => r.InVoPhase), g.Sum(r => r.InMboPhase), g.Sum(r => r.WithoutPhase), g.Sum(r => r.LateChanges))).Order());

            // R-ACCESS-1: a coordinator's stored count is the domain's count of their own institution's enrolments.
            var own = await AllRowsAsync(SignIn.VoCoordinator, year);
            Assert.Equal(
                expected.Lines.Where(l => l.Enrolment.VoInstitutionId == coordinator.InstitutionId || l.Enrolment.MboInstitutionId == coordinator.InstitutionId)
                    .Select(l => l.Enrolment.EnrolmentId).Order(),
                own.Select(r => r.EnrolmentId).Order());
        }
    }

    /// <summary>Every row of the page of pupils, page after page as the grid asks for them: they must follow without gaps.</summary>
    private async Task<List<CountPupilRow>> AllRowsAsync(string user, SchoolYear year)
    {
        var query = await app.ServiceAsAsync<CountPupilRowsQuery>(user);
        var rows = new List<CountPupilRow>();
        for (var page = 0; ; page++)
        {
            var result = await query.ExecuteAsync(year, new PageRequest(page, PageRequest.MaxPageSize), cancellationToken: Ct);
            rows.AddRange(result.Items);
            if (result.Items.Count < PageRequest.MaxPageSize)
            {
                Assert.Equal(result.TotalItems, rows.Count);
                Assert.Equal(rows.Count, rows.Select(r => r.EnrolmentId).Distinct().Count());
                return rows;
            }
        }
    }

    private static (Guid EnrolmentId, Phase? Phase, string? FundedBy, CountStatus Status, Phase ExpectedPhase, bool NoPhase, bool Differs) Line(
        CountLine line, Dictionary<Guid, string> brins) =>
        (line.Enrolment.EnrolmentId, line.Phase, line.FundedInstitutionId is { } funded ? brins[funded] : null, line.Status, line.ExpectedPhase,
            line.Warnings.Contains(CountWarning.NoPhase), line.Warnings.Contains(CountWarning.DiffersFromExpectedPhase));
}
