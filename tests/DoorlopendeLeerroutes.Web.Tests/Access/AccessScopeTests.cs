using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Application.Institutions;
using DoorlopendeLeerroutes.Application.Overview;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Access;

/// <summary>
/// R-ACCESS-1 in the Application layer, where every page and endpoint gets its data: each query returns only what the
/// user's institution may see, and each administrator action refuses everyone else.
/// </summary>
public sealed class AccessScopeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SignIn.VoCoordinator)]
    [InlineData(SignIn.VoViewer)]
    [InlineData(SignIn.MboCoordinator)]
    [InlineData(SignIn.UnrelatedCoordinator)]
    public async Task R_ACCESS_1_route_list_holds_only_routes_with_the_users_institution_as_partner(string email)
    {
        var user = await app.UserAsync(email);
        var query = app.ServiceAs<RouteListQuery>(user);

        var page = await query.ExecuteAsync(new PageRequest(0, 200), cancellationToken: Ct);

        await using var db = await app.OpenDbContextAsync();
        var expected = await db.Routes
            .Where(r => r.Partners.Any(p => p.InstitutionId == user.InstitutionId))
            .Where(r => r.Status != Domain.Routes.RouteStatus.Superseded && r.Status != Domain.Routes.RouteStatus.Withdrawn)
            .Select(r => r.Id).ToListAsync(Ct);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), page.Items.Select(i => i.Id).Order());
        Assert.Equal(expected.Count, page.TotalItems);
    }

    [Fact]
    public async Task R_ACCESS_1_administrator_sees_every_route()
    {
        var page = await (await app.ServiceAsAsync<RouteListQuery>(SignIn.Administrator)).ExecuteAsync(new PageRequest(0, 200), cancellationToken: Ct);

        await using var db = await app.OpenDbContextAsync();
        Assert.Equal(await db.Routes.CountAsync(Ct), page.TotalItems);
    }

    [Theory]
    [InlineData(SignIn.VoCoordinator)]
    [InlineData(SignIn.MboViewer)]
    [InlineData(SignIn.UnrelatedCoordinator)]
    public async Task R_ACCESS_1_count_counts_only_pupils_of_the_users_institution(string email)
    {
        var user = await app.UserAsync(email);
        var year = SchoolYear.Containing(DutchTime.Today(DateTime.UtcNow));

        var overview = await app.ServiceAs<CountOverviewQuery>(user).ExecuteAsync(year, Ct);
        var everything = await (await app.ServiceAsAsync<CountOverviewQuery>(SignIn.Administrator)).ExecuteAsync(year, Ct);

        await using var db = await app.OpenDbContextAsync();
        var own = await db.Institutions.SingleAsync(i => i.Id == user.InstitutionId, Ct);
        var expected = await db.Enrolments
            .Where(e => e.VoInstitutionId == own.Id || e.MboInstitutionId == own.Id)
            .Where(e => e.StartDate <= year.CountDate && (e.EndDate == null || e.EndDate >= year.CountDate))
            .CountAsync(Ct);
        Assert.Equal(expected, overview.Pupils);
        Assert.True(overview.Pupils < everything.Pupils);
        Assert.All(overview.Institutions, row => Assert.Contains(row.Brin, RelatedBrins(own.Brin.Value)));
    }

    [Theory]
    [InlineData(SignIn.VoCoordinator)]
    [InlineData(SignIn.UnrelatedCoordinator)]
    public async Task R_ACCESS_1_pupil_figures_and_home_page_count_only_own_pupils(string email)
    {
        var user = await app.UserAsync(email);
        var today = DutchTime.Today(DateTime.UtcNow);

        var figures = await app.ServiceAs<PupilsPerRouteQuery>(user).ExecuteAsync(Ct);
        var home = await app.ServiceAs<HomeOverviewQuery>(user).ExecuteAsync(Ct);

        await using var db = await app.OpenDbContextAsync();
        var expected = await db.Enrolments
            .Where(e => e.VoInstitutionId == user.InstitutionId || e.MboInstitutionId == user.InstitutionId)
            .CountAsync(e => e.StartDate <= today && (e.EndDate == null || e.EndDate >= today), Ct);
        Assert.Equal(expected, figures.Sum(f => f.Active));
        Assert.Equal(expected, home.ActiveEnrolments);
        Assert.NotNull(home.OwnInstitutionName);
    }

    [Theory]
    [InlineData(SignIn.VoCoordinator)]
    [InlineData(SignIn.VoViewer)]
    public async Task Administrator_actions_refuse_coordinators_and_viewers(string email)
    {
        var userList = await app.ServiceAsAsync<UserListQuery>(email);
        var createUser = await app.ServiceAsAsync<CreateUser>(email);
        var createInstitution = await app.ServiceAsAsync<CreateInstitution>(email);
        var institutionList = await app.ServiceAsAsync<InstitutionListQuery>(email);
        var form = new InstitutionForm { Brin = "99ZZ", Name = "Nieuw", Sector = Sector.Vo, BoardNumber = "12345", BoardName = "Bestuur" };

        await Assert.ThrowsAsync<AccessDeniedException>(() => userList.ExecuteAsync(new PageRequest(0, 10), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => createUser.ExecuteAsync(new UserForm { Email = "x@y.example", DisplayName = "X" }, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(
            async () => await (await app.ServiceAsAsync<AuditLogQuery>(email)).ListAsync(AuditFilter.None, new PageRequest(0, 10), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => createInstitution.ExecuteAsync(form, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => institutionList.ExecuteAsync(new PageRequest(0, 10), Ct));

        await using var db = await app.OpenDbContextAsync();
        Assert.False(await db.Institutions.AnyAsync(i => i.Name == "Nieuw", Ct));
    }

    [Fact]
    public async Task Anonymous_code_paths_get_no_data()
    {
        var query = app.ServiceAs<RouteListQuery>(null);

        await Assert.ThrowsAsync<AccessDeniedException>(() => query.ExecuteAsync(new PageRequest(0, 10), cancellationToken: Ct));
    }

    // A pupil's row names its vo school and its mbo institution, so the own institution's partners appear too.
    private static string[] RelatedBrins(string own) => own switch
    {
        "05KO" => ["05KO", "25PG"],
        "25PG" => ["05KO", "25PG", "12AB"],
        "21CD" => ["21CD", "27HK"],
        _ => [own],
    };
}
