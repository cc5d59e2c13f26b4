using DoorlopendeLeerroutes.Application.Auditing;
using System.Diagnostics;
using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Web.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>
/// Issue 11, account hardening: an unknown address, a wrong password, a locked and a disabled account get the same words
/// after about the same time, so the login page does not tell whether an account exists.
/// </summary>
public sealed class SignInRefusalTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Unknown = "niemand@nergens.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_wrong_locked_and_disabled_accounts_get_the_same_message()
    {
        await LockAsync(SignIn.UnrelatedCoordinator);
        var disabled = await app.UserAsync(SignIn.VoViewer);
        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(disabled.UserId, disabled: true, Ct)).IsSuccess);

        var messages = new Dictionary<string, string>
        {
            ["unknown"] = await RefusalAsync(Unknown, "Helemaal-Fout-123"),
            ["wrong"] = await RefusalAsync(SignIn.MboCoordinator, "Helemaal-Fout-123"),
            ["locked, right password"] = await RefusalAsync(SignIn.UnrelatedCoordinator, AccountSeeder.DemoPassword),
            ["locked, wrong password"] = await RefusalAsync(SignIn.UnrelatedCoordinator, "Helemaal-Fout-123"),
            ["disabled, right password"] = await RefusalAsync(SignIn.VoViewer, AccountSeeder.DemoPassword),
        };

        Assert.All(messages, m => Assert.True(m.Value == SignInPolicy.RefusedMessage, $"{m.Key}: {m.Value}"));

        // The audit log (internal) still tells them apart.
        var log = (await (await app.ServiceAsAsync<AuditLogQuery>(SignIn.Administrator)).ListAsync(AuditFilter.None, new Application.Common.PageRequest(0, 200), Ct)).Items;
        Assert.Contains(log, e => e.Kind == AuditKind.LockedOut && e.Subject == SignIn.UnrelatedCoordinator);
        Assert.Contains(log, e => e.Kind == AuditKind.SignInRefusedDisabled && e.Subject == SignIn.VoViewer);
        Assert.Contains(log, e => e.Kind == AuditKind.SignInFailed && e.Subject == Unknown);
        Assert.True((await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(disabled.UserId, disabled: false, Ct)).IsSuccess);
    }

    [Fact]
    public async Task Unknown_wrong_and_locked_refusals_take_about_as_long()
    {
        await LockAsync(SignIn.MboViewer);

        // Three of each (the wrong password below the lockout's five), interleaved; medians, so one slow run on a busy
        // machine does not decide.
        var unknown = new List<TimeSpan>();
        var wrong = new List<TimeSpan>();
        var locked = new List<TimeSpan>();
        for (var run = 0; run < 3; run++)
        {
            unknown.Add(await TimedRefusalAsync(Unknown, "Helemaal-Fout-123"));
            wrong.Add(await TimedRefusalAsync(SignIn.VoCoordinator, "Helemaal-Fout-123"));
            locked.Add(await TimedRefusalAsync(SignIn.MboViewer, "Helemaal-Fout-123"));
        }

        var medians = new[] { Median(unknown), Median(wrong), Median(locked) };
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Median refusal unknown/wrong/locked: {string.Join(" / ", medians.Select(m => m.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        var floor = SignInPolicy.MinimumRefusalTime;
        Assert.All(medians, median => Assert.True(median >= floor * 0.95, $"A refusal took {median.TotalMilliseconds:0} ms, under the floor"));
        var spread = medians.Max() - medians.Min();
        Assert.True(
            spread < floor / 2,
            $"Medians unknown/wrong/locked: {string.Join(" / ", medians.Select(m => m.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
    }

    private async Task LockAsync(string email)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await RefusalAsync(email, "Fout-wachtwoord-" + attempt);
        }

        await using var db = await app.OpenDbContextAsync();
        Assert.True(db.Users.Single(u => u.Email == email).LockoutEnd > DateTimeOffset.UtcNow, $"{email} is not locked");
    }

    private async Task<string> RefusalAsync(string email, string password)
    {
        using var client = app.AnonymousClient();
        using var response = await SignIn.PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // no redirect: not signed in
        return SignIn.ErrorText(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The time of the POST alone (the form is fetched first, untimed).</summary>
    private async Task<TimeSpan> TimedRefusalAsync(string email, string password)
    {
        using var client = app.AnonymousClient();
        var token = SignIn.AntiforgeryTokenIn(await client.GetStringAsync("/account/login", Ct));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["ReturnUrl"] = string.Empty,
        });
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/account/login", content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        watch.Stop();
        Assert.Equal(SignInPolicy.RefusedMessage, SignIn.ErrorText(body));
        return watch.Elapsed;
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);
}
