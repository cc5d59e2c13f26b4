namespace DoorlopendeLeerroutes.Application.Notifications;

/// <summary>
/// The <c>Email</c> settings (issue 15). Without <see cref="SmtpOptions.Host"/> e-mail is off: nothing is sent and
/// nothing fails. Infrastructure validates the rest at start-up once a host is set.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Where the links in e-mails point; a setting of the app, not of e-mail alone.</summary>
    public const string PublicBaseUrlKey = "App:PublicBaseUrl";

    public const string DefaultFromName = "Doorlopende leerroutes";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender's address, e.g. <c>noreply@leerroutes.example</c>.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = DefaultFromName;

    /// <summary>Bound from <see cref="PublicBaseUrlKey"/>: the address at which people open the app.</summary>
    public string? PublicBaseUrl { get; set; }

    public DigestOptions Digest { get; set; } = new();

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The absolute address of an app-relative link such as <c>leerroutes/{id}</c>.</summary>
    public Uri LinkTo(string appRelative)
    {
        var root = PublicBaseUrl ?? throw new InvalidOperationException($"{PublicBaseUrlKey} is not set.");
        return new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), appRelative.TrimStart('/'));
    }
}

public sealed class SmtpOptions
{
    public const int DefaultPort = 587;

    public string? Host { get; set; }

    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// How the connection is secured: <c>StartTls</c> (default, port 587), <c>SslOnConnect</c> (port 465), <c>Auto</c>,
    /// <c>StartTlsWhenAvailable</c>, or <c>None</c> (only for a relay inside the own network).
    /// </summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long connecting, signing in and sending one message may take together.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

public sealed class DigestOptions
{
    /// <summary>Whether this instance runs the weekly digest's schedule; off in tests, which start a run themselves.</summary>
    public bool Enabled { get; set; } = true;
}
