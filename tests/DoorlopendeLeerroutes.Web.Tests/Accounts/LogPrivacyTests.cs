using System.Net;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Signing in, failing to, browsing and signing out leave no password, session cookie or pupil number in the log.</summary>
public sealed class LogPrivacyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Log_holds_no_password_session_token_or_pupil_number()
    {
        const string wrongPassword = "Geheim-Fout-Wachtwoord-42";
        using var client = app.AnonymousClient();
        using (await SignIn.PostLoginAsync(client, SignIn.VoCoordinator, wrongPassword))
        {
        }

        using var signIn = await SignIn.PostLoginAsync(client, SignIn.VoCoordinator, AccountSeeder.DemoPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dlr.sessie=", StringComparison.Ordinal));
        var token = cookie["dlr.sessie=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        foreach (var page in new[] { "/", "/leerroutes", "/leerlingen", "/teldatum" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page, TestContext.Current.CancellationToken)).StatusCode);
        }

        var log = await app.ReadLogAsync();
        Assert.NotEmpty(log);
        Assert.True(log.Contains("/account/login", StringComparison.Ordinal), log); // the requests themselves are logged
        Assert.DoesNotContain(wrongPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountSeeder.DemoPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..Math.Min(40, token.Length)], log, StringComparison.Ordinal);

        await using var db = await app.OpenDbContextAsync();
        var numbers = (await db.Pupils.ToListAsync(TestContext.Current.CancellationToken)).Select(p => p.Number.Value).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, number => Assert.DoesNotContain(number, log, StringComparison.Ordinal));
        Assert.DoesNotMatch(PersonalData.NineDigits(), log);
    }


}
