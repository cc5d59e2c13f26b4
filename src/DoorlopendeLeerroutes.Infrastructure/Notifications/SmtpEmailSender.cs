using System.Net.Sockets;
using DoorlopendeLeerroutes.Application.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DoorlopendeLeerroutes.Infrastructure.Notifications;

/// <summary>
/// Sends through the configured SMTP server with MailKit: one connection per message (digests are a few hundred a week
/// at most), secured as <see cref="SmtpOptions.Security"/> says, and the whole send bounded by
/// <see cref="SmtpOptions.TimeoutSeconds"/>. A failure becomes an <see cref="EmailNotSentException"/> that describes it
/// without the address or the server's own text (which may quote the address).
/// </summary>
internal sealed class SmtpEmailSender(EmailOptions options, TimeProvider time) : IEmailSender
{
    public bool IsEnabled => true;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Smtp;
        using var mime = Compose(message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), timeout.Token);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, timeout.Token);
            }

            await client.SendAsync(mime, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailNotSentException($"no answer from the mail server within {smtp.TimeoutSeconds} seconds", ex);
        }
        catch (SmtpCommandException ex)
        {
            throw new EmailNotSentException($"the mail server refused: {(int)ex.StatusCode} {ex.ErrorCode}", ex);
        }
        catch (AuthenticationException ex)
        {
            throw new EmailNotSentException("signing in to the mail server failed", ex);
        }
        catch (SslHandshakeException ex)
        {
            throw new EmailNotSentException("no secure connection with the mail server", ex);
        }
        catch (SocketException ex)
        {
            throw new EmailNotSentException($"no connection with the mail server ({ex.SocketErrorCode})", ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or IOException)
        {
            throw new EmailNotSentException($"the connection with the mail server failed ({ex.GetType().Name})", ex);
        }
    }

    /// <summary>The names <see cref="SmtpOptions.Security"/> accepts: MailKit's own.</summary>
    public static bool TryParseSecurity(string? value, out SecureSocketOptions security) =>
        Enum.TryParse(value, ignoreCase: true, out security) && !int.TryParse(value, out _);

    private static SecureSocketOptions Security(string value) =>
        TryParseSecurity(value, out var security) ? security : SecureSocketOptions.StartTls;

    private MimeMessage Compose(EmailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = time.GetUtcNow() };
        mime.From.Add(new MailboxAddress(options.FromName, options.From!)); // validated at start-up
        mime.To.Add(new MailboxAddress(string.Empty, message.To.Email));

        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }
}

/// <summary>E-mail is off (no <c>Email:Smtp:Host</c>): nothing is sent, nothing fails.</summary>
internal sealed class NoEmailSender : IEmailSender
{
    public bool IsEnabled => false;

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
