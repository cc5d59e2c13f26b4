using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Privacy;

/// <summary>
/// R-PRIV-3: refused numbers are limited per person per day (here 3); past the limit every further attempt to enter a
/// pupil number is refused until the next Dutch day, and the administrator sees it.
/// </summary>
public sealed class PupilNumberLimitTests(LowLimitApp app) : IClassFixture<LowLimitApp>
{
    private readonly PrivacyKit _kit = new(app);
    private readonly ImportKit _import = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PRIV_3_limit_trips_blocks_every_way_in_until_the_next_day_and_administrators_see_it()
    {
        StartNextDay();
        var route = await _kit.GroeneValleiRouteAsync();
        var lookup = await app.ServiceAsAsync<FundingPhaseLookup>(SignIn.UnrelatedCoordinator);
        var today = DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime);

        // Three look-ups that find nothing use up the day's allowance; each still gets the ordinary answer.
        for (var i = 0; i < LowLimitApp.Limit; i++)
        {
            var (pupil, _) = await _kit.HorizonPupilAsync(skip: i);
            Assert.Equal([FundingPhaseLookup.NotFound], (await lookup.ExecuteAsync(pupil.Number.Value, today, Ct)).Errors);
        }

        // Now the look-up, the enrol form and the import all refuse before looking at the number.
        var blockedLookup = await lookup.ExecuteAsync(ImportKit.NewNumber(), today, Ct);
        var blockedImport = await _import.PreviewAsync(route, ImportKit.File(ImportKit.Row(ImportKit.NewNumber())), SignIn.UnrelatedCoordinator);
        Assert.Equal([PupilErrors.NumbersBlocked], blockedLookup.Errors);
        Assert.Equal([PupilErrors.NumbersBlocked.Message], blockedImport.Errors.Select(e => e.Text));

        // Another coordinator is not affected.
        var own = await (await app.ServiceAsAsync<FundingPhaseLookup>(SignIn.VoCoordinator))
            .ExecuteAsync((await _kit.HorizonPupilAsync()).Pupil.Number.Value, today, Ct);
        Assert.True(own.IsSuccess, own.ToString());

        // The administrator sees who reached the limit, and the blocked attempts.
        var reached = await (await app.ServiceAsAsync<AuditLogQuery>(SignIn.Administrator)).LimitReachedTodayAsync(Ct);
        var since = DutchTime.StartOfDayUtc(today);
        Assert.Contains(reached, l => l.ActorEmail == SignIn.UnrelatedCoordinator);
        var log = await _kit.AuditOfAsync(SignIn.UnrelatedCoordinator);
        Assert.Equal(2, log.Count(a => a.Kind == AuditKind.PupilNumberBlocked && a.At >= since));

        // The next Dutch day the allowance is back.
        app.Clock.MoveTo(new DateTimeOffset(DutchTime.EndOfDayUtc(today).AddMinutes(1), TimeSpan.Zero));
        var tomorrow = await lookup.ExecuteAsync(ImportKit.NewNumber(), today.AddDays(1), Ct);
        Assert.Equal([FundingPhaseLookup.NotFound], tomorrow.Errors);
    }

    [Fact]
    public async Task R_PRIV_3_one_file_with_more_refused_numbers_than_allowed_gets_no_answer_per_row()
    {
        StartNextDay();
        var route = await _kit.GroeneValleiRouteAsync();
        var rows = new List<string>();
        for (var i = 0; i < LowLimitApp.Limit + 2; i++)
        {
            var (pupil, _) = await _kit.HorizonPupilAsync(skip: i);
            rows.Add(ImportKit.Row(pupil.Number.Value, lastName: pupil.LastName, birthDate: ImportKit.Date(pupil.BirthDate)));
        }

        rows.Add(ImportKit.Row(ImportKit.NewNumber())); // a new pupil: would have been "nieuw"

        var preview = await _import.PreviewAsync(route, ImportKit.File([.. rows]), SignIn.UnrelatedCoordinator);

        Assert.Equal([PupilErrors.NumbersBlocked.Message], preview.Errors.Select(e => e.Text));
        Assert.Empty(preview.Lines);
        var log = await _kit.AuditOfAsync(SignIn.UnrelatedCoordinator);
        Assert.Contains(log, a => a.Kind == AuditKind.PupilNumberRefused && a.Count == LowLimitApp.Limit + 2);
        Assert.Contains(log, a => a.Kind == AuditKind.PupilNumberLimitReached);
    }

    /// <summary>Each test starts on a fresh Dutch day, so the allowance another test used up does not count.</summary>
    private void StartNextDay()
    {
        var today = DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime);
        app.Clock.MoveTo(new DateTimeOffset(DutchTime.EndOfDayUtc(today).AddHours(8), TimeSpan.Zero));
    }
}
