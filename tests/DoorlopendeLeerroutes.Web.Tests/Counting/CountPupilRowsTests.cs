using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Counting;

/// <summary>R-COUNT-3…7: the count page's rows per pupil, paged on the server, masked, limited to the user's institution.</summary>
public sealed class CountPupilRowsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SchoolYear Counted => SchoolYears.LastCounted;

    [Fact]
    public async Task R_COUNT_7_the_page_rows_are_the_export_rows_with_masked_numbers()
    {
        var export = await (await app.ServiceAsAsync<CountExportQuery>(SignIn.VoCoordinator)).ExecuteAsync(Counted, "csv", Ct);
        var rows = await (await app.ServiceAsAsync<CountPupilRowsQuery>(SignIn.VoCoordinator)).ExecuteAsync(Counted, new PageRequest(0, 1000), cancellationToken: Ct);

        Assert.NotEmpty(export);
        Assert.Equal(export.Count, rows.TotalItems);
        Assert.Equal(
            export.Select(e => (e.Name, "*****" + e.PupilNumber[^4..], e.Phase, e.FundedBy, e.Status)).OrderBy(x => x.Name),
            rows.Items.Select(r => (r.Name, r.MaskedNumber, r.Phase, r.FundedBy, r.Status)).OrderBy(x => x.Name));
        Assert.All(rows.Items, r => Assert.Matches(@"^\*{5}\d{4}$", r.MaskedNumber));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_and_filters_select_the_right_rows()
    {
        var query = await app.ServiceAsAsync<CountPupilRowsQuery>(SignIn.MboCoordinator);
        var all = await query.ExecuteAsync(Counted, new PageRequest(0, 1000), cancellationToken: Ct);
        var first = await query.ExecuteAsync(Counted, new PageRequest(0, 5), cancellationToken: Ct);
        var second = await query.ExecuteAsync(Counted, new PageRequest(1, 5), cancellationToken: Ct);
        var late = await query.ExecuteAsync(Counted, new PageRequest(0, 1000), CountRowFilter.LateChanges, Ct);

        Assert.True(all.TotalItems > 10);
        Assert.Equal(all.Items.Take(10).Select(r => r.EnrolmentId), first.Items.Concat(second.Items).Select(r => r.EnrolmentId));
        Assert.NotEmpty(late.Items);
        Assert.Equal(all.Items.Where(r => r.Status == CountStatus.CountedLateChange).Select(r => r.EnrolmentId), late.Items.Select(r => r.EnrolmentId));
    }

    [Fact]
    public async Task R_COUNT_6_before_the_count_date_the_warning_filter_shows_pupils_without_phase_or_with_an_unexpected_one()
    {
        var upcoming = SchoolYear.FromStartYear(Counted.StartYear + 1);

        var warnings = await (await app.ServiceAsAsync<CountPupilRowsQuery>(SignIn.VoCoordinator))
            .ExecuteAsync(upcoming, new PageRequest(0, 1000), CountRowFilter.Warnings, Ct);
        var overview = await (await app.ServiceAsAsync<CountOverviewQuery>(SignIn.VoCoordinator)).ExecuteAsync(upcoming, Ct);

        Assert.All(warnings.Items, r => Assert.True(r.NoPhaseWarning || r.DiffersFromExpected));
        Assert.Equal(overview.WarningsNoPhase, warnings.Items.Count(r => r.NoPhaseWarning));
        Assert.Equal(overview.WarningsDifferFromExpected, warnings.Items.Count(r => r.DiffersFromExpected));
    }

    [Fact]
    public async Task R_ACCESS_1_an_unrelated_institution_sees_none_of_these_pupils()
    {
        var own = await (await app.ServiceAsAsync<CountPupilRowsQuery>(SignIn.VoCoordinator)).ExecuteAsync(Counted, new PageRequest(0, 1000), cancellationToken: Ct);
        var other = await (await app.ServiceAsAsync<CountPupilRowsQuery>(SignIn.UnrelatedCoordinator)).ExecuteAsync(Counted, new PageRequest(0, 1000), cancellationToken: Ct);

        Assert.NotEmpty(own.Items);
        Assert.Empty(other.Items.Select(r => r.EnrolmentId).Intersect(own.Items.Select(r => r.EnrolmentId)));
    }

    [Fact]
    public async Task The_totals_per_institution_and_route_come_a_page_at_a_time_with_the_number_of_rows_in_all_pages()
    {
        var query = await app.ServiceAsAsync<CountOverviewQuery>(SignIn.Administrator);
        var whole = await query.ExecuteAsync(Counted, Ct);
        var first = await query.ExecuteAsync(Counted, new PageRequest(0, 1), new PageRequest(0, 1), Ct);
        var second = await query.ExecuteAsync(Counted, new PageRequest(1, 1), new PageRequest(1, 1), Ct);

        Assert.True(whole.InstitutionRows > 1 && whole.RouteRows > 1);
        Assert.Equal((whole.InstitutionRows, whole.RouteRows), (first.InstitutionRows, first.RouteRows));
        Assert.Equal(whole.Institutions.Take(2), first.Institutions.Concat(second.Institutions));
        Assert.Equal(whole.Routes.Take(2), first.Routes.Concat(second.Routes));
        Assert.Equal(whole.Pupils, first.Pupils);
    }
}
