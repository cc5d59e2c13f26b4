using System.Net;
using System.Net.Sockets;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Notifications;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Notifications;

/// <summary>
/// Issue 15: e-mail is optional. Without an SMTP host nothing is sent and nothing fails; a mail server that is down
/// never breaks the action that caused a notice; a half-finished configuration stops the start with a Dutch message
/// that names the setting.
/// </summary>
public sealed class EmailSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_an_SMTP_host_a_rejection_succeeds_and_nothing_is_sent()
    {
        await using var app = new AppFactory();

        var id = await SubmitAndRejectAsync(app, "Zonder mailserver");

        Assert.False(app.Services.GetRequiredService<IEmailOutbox>().IsEnabled);
        Assert.False(app.Services.GetRequiredService<IEmailSender>().IsEnabled);
        Assert.Equal(0, await NoticesAuditedAsync(app, id));
        Assert.Contains("E-mail is off", await app.ReadLogAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_mail_server_down_a_rejection_succeeds_and_the_failure_is_logged_without_the_address()
    {
        await using var app = new DeadServerApp();

        var id = await SubmitAndRejectAsync(app, "Mailserver plat");
        await app.OutboxIdleAsync();

        Assert.Equal(0, await NoticesAuditedAsync(app, id));
        var log = await app.ReadLogAsync();
        Assert.Contains("not sent: no connection with the mail server", log, StringComparison.Ordinal);
        Assert.DoesNotContain(SignIn.MboCoordinator, log, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(app.Received());
    }

    [Fact]
    public async Task A_host_without_sender_or_public_address_stops_the_start_and_names_each_setting_in_Dutch()
    {
        await using var app = new HalfConfiguredApp();

        var error = Record.Exception(() => app.Server);

        Assert.NotNull(error);
        var message = string.Join("\n", Messages(error));
        Assert.Contains("Email:From ontbreekt", message, StringComparison.Ordinal);
        Assert.Contains("App:PublicBaseUrl ontbreekt", message, StringComparison.Ordinal);
        Assert.Contains("Email:Smtp:Security 'Tls99' is onbekend", message, StringComparison.Ordinal);
        Assert.Contains("Email:Smtp:Password ontbreekt", message, StringComparison.Ordinal);
    }

    /// <summary>A new route, submitted and rejected through the route page's entry; asserts the rejection succeeded.</summary>
    private static async Task<Guid> SubmitAndRejectAsync(AppFactory app, string name)
    {
        var flow = new RouteWorkflow(app);
        var id = await flow.CreateAsync(name);
        await flow.ReadyAndSubmitAsync(id);

        var rejected = await (await app.ServiceAsAsync<PerformRouteAction>(SignIn.Administrator)).ExecuteAsync(
            id, (await flow.DetailsAsync(id)).Version, RouteAction.Reject, new RouteActionAnswers("Nog niet compleet."), Ct);

        Assert.True(rejected.IsSuccess, rejected.ToString());
        Assert.Equal(RouteStatus.Rejected, (await flow.DetailsAsync(id)).Status);
        return id;
    }

    private static async Task<int> NoticesAuditedAsync(AppFactory app, Guid routeId)
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.AuditLog.CountAsync(a => a.Kind == AuditKind.RouteNoticeSent && a.ObjectId == routeId, Ct);
    }

    private static IEnumerable<string> Messages(Exception error)
    {
        for (var e = (Exception?)error; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }

    /// <summary>E-mail on, but the configured port has no server behind it.</summary>
    private sealed class DeadServerApp : MailApp
    {
        private readonly int _closedPort = ClosedPort();

        protected override int SmtpPort => _closedPort;

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }

    /// <summary>A host, but no sender, no public address, an unknown security mode and a user name without password.</summary>
    private sealed class HalfConfiguredApp : MailApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Email:From"] = string.Empty,
                ["App:PublicBaseUrl"] = string.Empty,
                ["Email:Smtp:Security"] = "Tls99",
                ["Email:Smtp:UserName"] = "smtp-gebruiker",
            }));
        }
    }
}
