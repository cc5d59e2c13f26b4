using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.ApiClients;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Web.Api;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Api;

/// <summary>
/// Issue 14, the Koppelingen page's use cases: a coordinator manages the clients of their own institution only
/// (R-ACCESS-1), with institution scopes; an administrator manages all and creates registry clients; viewers none.
/// </summary>
public sealed class ApiClientManagementTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_ACCESS_1_a_coordinator_creates_a_client_for_their_own_institution_whose_secret_gets_a_token()
    {
        var coordinator = await app.UserAsync(SignIn.VoCoordinator);
        var form = new ApiClientForm { Name = "Magister test", Scopes = [ApiScopes.ReadRoutes, ApiScopes.ReadCount], InstitutionId = Guid.NewGuid() };

        var created = await app.ServiceAs<CreateApiClient>(coordinator).ExecuteAsync(form, Ct);

        Assert.True(created.IsSuccess);
        await using var db = await app.OpenDbContextAsync();
        var record = await db.ApiClients.SingleAsync(c => c.Id == created.Value.Id, Ct);
        Assert.Equal(coordinator.InstitutionId, record.InstitutionId); // the form's institution is ignored for a coordinator
        Assert.Equal([ApiScopes.ReadRoutes, ApiScopes.ReadCount], record.ScopeList);
        Assert.DoesNotContain(created.Value.Secret, await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>>()
            .Select(a => a.ClientSecret).ToListAsync(Ct)); // only its hash is stored
        Assert.True(await db.AuditLog.AnyAsync(a => a.Kind == AuditKind.ApiClientCreated && a.ObjectId == record.Id && a.ActorUserId == coordinator.UserId, Ct));

        var token = await app.AccessTokenAsync(created.Value.ClientId, created.Value.Secret);
        Assert.False(string.IsNullOrEmpty(token));
    }

    [Fact]
    public async Task A_coordinator_cannot_give_the_registry_scope_and_must_name_the_client()
    {
        var create = await app.ServiceAsAsync<CreateApiClient>(SignIn.VoCoordinator);

        var result = await create.ExecuteAsync(new ApiClientForm { Name = " ", ForRegistry = true, Scopes = [ApiScopes.Registry] }, Ct);

        Assert.True(result.IsFailure);
        Assert.Contains(ApiClientErrors.NameRequired, result.Errors);
        Assert.Contains(ApiClientErrors.ScopeNotAllowed, result.Errors);
    }

    [Fact]
    public async Task A_viewer_can_neither_list_nor_create_clients()
    {
        var viewer = await app.UserAsync(SignIn.VoViewer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.ServiceAs<ApiClientListQuery>(viewer).ExecuteAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.ServiceAs<CreateApiClient>(viewer)
            .ExecuteAsync(new ApiClientForm { Name = "x", Scopes = [ApiScopes.ReadRoutes] }, Ct));
    }

    [Fact]
    public async Task R_ACCESS_1_a_coordinator_neither_sees_nor_revokes_another_institutions_client_and_the_attempt_is_recorded()
    {
        var unrelated = await app.UserAsync(SignIn.UnrelatedCoordinator);
        await using var db = await app.OpenDbContextAsync();
        var horizonClient = await db.ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == ApiClients.Horizon, Ct);

        var list = await app.ServiceAs<ApiClientListQuery>(unrelated).ExecuteAsync(Ct);
        Assert.NotEmpty(list);
        Assert.All(list, c => Assert.Equal(unrelated.InstitutionId, c.InstitutionId));

        var revoke = await app.ServiceAs<RevokeApiClient>(unrelated).ExecuteAsync(horizonClient.Id, Ct);

        Assert.Equal([ApiClientErrors.NotFound], revoke.Errors);
        Assert.Null((await db.ApiClients.AsNoTracking().SingleAsync(c => c.Id == horizonClient.Id, Ct)).RevokedAt);
        Assert.True(await db.AuditLog.AnyAsync(
            a => a.Kind == AuditKind.AccessRefused && a.ObjectId == horizonClient.Id && a.ActorUserId == unrelated.UserId, Ct));
        using var client = await app.ApiClientAsync(ApiClients.Horizon);
        Assert.False(string.IsNullOrEmpty(client.DefaultRequestHeaders.Authorization?.Parameter)); // still gets a token
    }

    [Fact]
    public async Task An_administrator_sees_every_client_creates_a_registry_client_and_revokes_it()
    {
        var administrator = await app.UserAsync(SignIn.Administrator);
        var created = await app.ServiceAs<CreateApiClient>(administrator).ExecuteAsync(
            new ApiClientForm { Name = "Register test", ForRegistry = true, Scopes = [ApiScopes.Registry, ApiScopes.ReadRoutes] }, Ct);
        Assert.True(created.IsSuccess);

        var list = await app.ServiceAs<ApiClientListQuery>(administrator).ExecuteAsync(Ct);
        Assert.Contains(list, c => c.ClientId == ApiClients.Horizon);
        Assert.Contains(list, c => c.ClientId == ApiClients.RocRivierenland);
        Assert.True(list.Single(c => c.Id == created.Value.Id).IsRegistryClient);

        Assert.True((await app.ServiceAs<RevokeApiClient>(administrator).ExecuteAsync(created.Value.Id, Ct)).IsSuccess);

        using var http = app.CreateClient();
        using var token = await ApiClients.RequestTokenAsync(http, created.Value.ClientId, created.Value.Secret);
        Assert.NotEqual(HttpStatusCode.OK, token.StatusCode);
        await using var db = await app.OpenDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Kind == AuditKind.ApiClientRevoked && a.ObjectId == created.Value.Id, Ct));
    }

    [Fact]
    public async Task The_Koppelingen_page_lists_a_coordinators_own_clients_only()
    {
        using var browser = await app.SignedInClientAsync(SignIn.VoCoordinator);

        var page = await browser.GetStringAsync("/koppelingen", Ct);

        Assert.Contains("<h1", page, StringComparison.Ordinal);
        Assert.Contains(ApiClients.Horizon, page, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiClients.RocRivierenland, page, StringComparison.Ordinal);
    }
}
