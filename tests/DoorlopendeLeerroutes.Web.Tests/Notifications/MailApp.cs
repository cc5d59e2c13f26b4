using System.Net;
using System.Text;
using DoorlopendeLeerroutes.Application.Notifications;
using DoorlopendeLeerroutes.Application.Tasks;
using DoorlopendeLeerroutes.Infrastructure.Notifications;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace DoorlopendeLeerroutes.Web.Tests.Notifications;

/// <summary>
/// The app with e-mail on, sending to an SMTP server inside the test process (netDumbster, on a free loopback port).
/// The digest's own schedule is off (<c>Email:Digest:Enabled=false</c>); tests start a run themselves, at a moment they
/// choose (<see cref="DigestAt"/>). The open tasks come from <see cref="Tasks"/>, a fake the test fills.
/// </summary>
public class MailApp : AppFactory
{
    public const string PublicBaseUrl = "https://leerroutes.example.nl/";

    public MailApp() => Smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).Build();

    /// <summary>A second instance on <paramref name="other"/>'s database, sending to the same SMTP server.</summary>
    protected MailApp(MailApp other)
        : base(other.Database)
    {
        Smtp = other.Smtp;
        Tasks = other.Tasks;
        OwnsSmtp = false;
    }

    public SimpleSmtpServer Smtp { get; }

    public FakeOpenTasks Tasks { get; } = new();

    private bool OwnsSmtp { get; } = true;

    /// <summary>Where the app sends; a subclass may point at a port where nobody listens.</summary>
    protected virtual int SmtpPort => Smtp.Configuration.Port;

    protected virtual string LogFolder => "logs";

    /// <summary>Whether the digest reads <see cref="Tasks"/> (set per test) instead of the app's own task list.</summary>
    protected virtual bool UsesFakeTasks => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "10",
            ["Email:From"] = "noreply@leerroutes.example",
            ["Email:Digest:Enabled"] = "false",
            ["App:PublicBaseUrl"] = PublicBaseUrl,
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(Database.Folder, LogFolder, "app-.log"),
        }));
        if (UsesFakeTasks)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IOpenTasks>(Tasks));
        }
    }

    /// <summary>Waits until the outbox has handled every queued message.</summary>
    public Task OutboxIdleAsync() =>
        Services.GetRequiredService<EmailOutbox>().WhenIdleAsync(TestContext.Current.CancellationToken);

    /// <summary>A digest run as if the clock said <paramref name="dutchLocalTime"/> (Amsterdam time).</summary>
    public async Task<int> DigestAt(DateTime dutchLocalTime)
    {
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(dutchLocalTime, DateTimeKind.Unspecified), Domain.Common.DutchTime.Zone);
        await using var scope = Services.CreateAsyncScope();
        var digest = ActivatorUtilities.CreateInstance<WeeklyDigest>(scope.ServiceProvider, new MovableClock(new DateTimeOffset(utc)));
        return await digest.RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Every message the SMTP server received, decoded.</summary>
    public IReadOnlyList<ReceivedMail> Received() =>
        Smtp.ReceivedEmail.Select(m => ReceivedMail.Parse(m.Data)).ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsSmtp)
        {
            Smtp.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>One received e-mail: the one addressee, subject, plain text and HTML.</summary>
public sealed record ReceivedMail(string To, string Subject, string Text, string Html, string Raw)
{
    public static ReceivedMail Parse(string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        using var message = MimeMessage.Load(stream);
        return new ReceivedMail(
            message.To.Mailboxes.Single().Address, message.Subject ?? string.Empty, message.TextBody ?? string.Empty, message.HtmlBody ?? string.Empty, raw);
    }

    /// <summary>Everything a reader of the mail sees.</summary>
    public string All => Subject + "\n" + Text + "\n" + Html;
}

/// <summary>Open tasks a test gives one person; everyone else has none.</summary>
public sealed class FakeOpenTasks : IOpenTasks
{
    private readonly Dictionary<Guid, OpenTaskList> _tasks = [];

    /// <summary>From now on only <paramref name="userId"/> has open tasks: these.</summary>
    public void Set(Guid userId, params OpenTask[] tasks)
    {
        lock (_tasks)
        {
            _tasks.Clear();
            _tasks[userId] = new OpenTaskList(tasks);
        }
    }

    public Task<OpenTaskList> ForAsync(Application.Common.UserContext user, CancellationToken cancellationToken = default)
    {
        lock (_tasks)
        {
            return Task.FromResult(_tasks.GetValueOrDefault(user.UserId) ?? new OpenTaskList([]));
        }
    }
}
