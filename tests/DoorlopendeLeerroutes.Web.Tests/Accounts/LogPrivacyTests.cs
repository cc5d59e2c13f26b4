using System.Net;
using System.Text.RegularExpressions;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Signing in, failing to, browsing and signing out leave no password, session cookie or pupil number in the log.</summary>
public sealed partial class LogPrivacyTests(AppFactory app) : IClassFixture<AppFactory>
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

        var log = await ReadLogAsync();
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
        Assert.DoesNotMatch(NineDigits(), log);
    }

    private async Task<string> ReadLogAsync()
    {
        var text = string.Empty;
        foreach (var file in Directory.GetFiles(Path.Combine(app.Database.Folder, "logs"), "*.log"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text += await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        }

        return text;
    }

    // Any 9-digit run that is not part of a longer number (timestamps, ids) looks like a BSN or onderwijsnummer.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])")]
    private static partial Regex NineDigits();
}
