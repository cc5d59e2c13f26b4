using DoorlopendeLeerroutes.Application.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DoorlopendeLeerroutes.Infrastructure.Notifications;

/// <summary>
/// E-mail (issue 15): the <c>Email</c> settings, validated at start-up once a host is set; MailKit or, without a host,
/// a sender that sends nothing; the outbox; the weekly digest and its schedule.
/// </summary>
internal static class EmailSetup
{
    public static void AddEmail(IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.PublicBaseUrl = configuration[EmailOptions.PublicBaseUrlKey])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        // Chosen when first asked for, not here: hosts and tests may still add configuration.
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value is { IsEnabled: true } options
            ? new SmtpEmailSender(options, sp.GetRequiredService<TimeProvider>())
            : new NoEmailSender());
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IEmailOutbox>(sp => sp.GetRequiredService<EmailOutbox>());
        services.AddHostedService(sp => sp.GetRequiredService<EmailOutbox>());
        services.AddScoped<IEmailRecipients, EmailRecipients>();
        services.AddScoped<ISentDigests, SentDigests>();
        services.AddHostedService<WeeklyDigestJob>();
    }
}

/// <summary>
/// Once <c>Email:Smtp:Host</c> is set, everything else a message needs must be right, or the app does not start: the
/// messages name the setting, in Dutch. Without a host only stray credentials are refused (a host was forgotten).
/// </summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Problems(EmailOptions options)
    {
        var smtp = options.Smtp;
        var hasUser = !string.IsNullOrEmpty(smtp.UserName);
        var hasPassword = !string.IsNullOrEmpty(smtp.Password);
        if (!options.IsEnabled)
        {
            if (hasUser || hasPassword)
            {
                yield return "Email:Smtp:Host ontbreekt, terwijl Email:Smtp:UserName of Email:Smtp:Password is ingevuld. Vul de "
                             + "SMTP-server in, of laat de inloggegevens weg om e-mail uit te zetten.";
            }

            yield break;
        }

        if (smtp.Port is < 1 or > 65535)
        {
            yield return "Email:Smtp:Port moet tussen 1 en 65535 liggen (meestal 587, of 465 met SslOnConnect).";
        }

        if (!SmtpEmailSender.TryParseSecurity(smtp.Security, out _))
        {
            yield return $"Email:Smtp:Security '{smtp.Security}' is onbekend; kies StartTls, SslOnConnect, StartTlsWhenAvailable, Auto of None.";
        }

        if (hasUser && !hasPassword)
        {
            yield return "Email:Smtp:Password ontbreekt, terwijl Email:Smtp:UserName is ingevuld.";
        }

        if (hasPassword && !hasUser)
        {
            yield return "Email:Smtp:UserName ontbreekt, terwijl Email:Smtp:Password is ingevuld.";
        }

        if (smtp.TimeoutSeconds is < 1 or > 300)
        {
            yield return "Email:Smtp:TimeoutSeconds moet tussen 1 en 300 liggen.";
        }

        if (string.IsNullOrWhiteSpace(options.From))
        {
            yield return "Email:From ontbreekt: het afzenderadres van de e-mails (bijvoorbeeld noreply@leerroutes.example).";
        }
        else if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            yield return "Email:From is geen geldig e-mailadres.";
        }

        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            yield return $"{EmailOptions.PublicBaseUrlKey} ontbreekt: het adres waarop gebruikers de app openen (bijvoorbeeld "
                         + "https://leerroutes.example.nl/), nodig voor de links in e-mails.";
        }
        else if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var root) || root.Scheme is not ("https" or "http"))
        {
            yield return $"{EmailOptions.PublicBaseUrlKey} moet een volledig http- of https-adres zijn (bijvoorbeeld https://leerroutes.example.nl/).";
        }
    }
}
