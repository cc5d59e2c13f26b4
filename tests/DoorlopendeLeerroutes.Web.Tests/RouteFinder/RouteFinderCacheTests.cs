using System.Net;
using DoorlopendeLeerroutes.Application.RouteFinder;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.RouteFinder;

/// <summary>
/// R-MON-2, "fast without an account": the finder's data set is cached; a save that changes it (a registration, an
/// institution) empties the cache at once, and anything else (another instance, a bulk update) shows after the expiry.
/// </summary>
public sealed class RouteFinderCacheTests(ClockAppFactory app) : IClassFixture<ClockAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RouteWorkflow _flow = new(app);

    [Fact]
    public async Task R_MON_2_a_registration_and_an_institution_change_show_at_once_the_cache_is_invalidated()
    {
        using var client = app.AnonymousClient();
        var before = await PageAsync(client); // fills the cache

        await _flow.RegisteredAsync("Zoeker net geregistreerd");
        await using (var db = await app.OpenDbContextAsync())
        {
            var green = await db.Institutions.SingleAsync(i => i.Brin == Brin.Create("27HK"), Ct);
            RouteWorkflow.Ok(green.SetPlace("Ede", Province.Gelderland, "Gelderse Vallei"));
            await db.SaveChangesAsync(Ct);
        }

        var after = await PageAsync(client);

        Assert.DoesNotContain("Zoeker net geregistreerd", before, StringComparison.Ordinal);
        Assert.Contains("Barneveld", before, StringComparison.Ordinal);
        Assert.Contains("Zoeker net geregistreerd", after, StringComparison.Ordinal);
        Assert.Contains("Groene Vallei mbo (AOC) (mbo) – Ede, Gelderland", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Barneveld", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_MON_2_a_change_that_bypasses_the_save_shows_once_the_cached_set_expires()
    {
        using var client = app.AnonymousClient();
        Assert.Contains("ROC Rivierenland", await PageAsync(client), StringComparison.Ordinal); // fills the cache

        // A bulk update passes no SaveChanges interceptor, like a change saved by another instance of the app.
        await using (var db = await app.OpenDbContextAsync())
        {
            await db.Institutions.Where(i => i.Brin == Brin.Create("25PG"))
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.Name, "Rivierenland Vakcollege mbo"), Ct);
        }

        var cached = await PageAsync(client);
        app.Clock.Advance(PublicRouteCache.Lifetime - TimeSpan.FromSeconds(5));
        var stillCached = await PageAsync(client);
        app.Clock.Advance(TimeSpan.FromSeconds(6));
        var expired = await PageAsync(client);

        Assert.Contains("ROC Rivierenland", cached, StringComparison.Ordinal);
        Assert.Contains("ROC Rivierenland", stillCached, StringComparison.Ordinal);
        Assert.DoesNotContain("ROC Rivierenland", expired, StringComparison.Ordinal);
        Assert.Contains("Rivierenland Vakcollege mbo", expired, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client) =>
        WebUtility.HtmlDecode(await client.GetStringAsync("/routes-zoeken?provincie=gelderland", Ct));
}
