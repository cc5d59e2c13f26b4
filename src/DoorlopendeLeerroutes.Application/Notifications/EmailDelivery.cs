using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Application.Notifications;

/// <summary>
/// A send that failed, described without personal data (no address, no content): what went wrong with the connection
/// or which status the mail server answered.
/// </summary>
public sealed class EmailNotSentException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>
/// Sends one message and records it in the audit log (R-PRIV-2: to whom and what kind). A failure is logged with the
/// recipient's user id and the reason only, and reported as false: it never reaches the person whose action caused it.
/// </summary>
public sealed class EmailDelivery(IEmailSender sender, IAuditTrail audit, ILogger<EmailDelivery> logger)
{
    public async Task<bool> DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception itself may quote the address the server refused; the log gets the safe description only.
            logger.LogWarning(
                "E-mail {EmailKind} to user {UserId} not sent: {Reason}",
                message.Audit.Kind, message.To.UserId, ex is EmailNotSentException ? ex.Message : ex.GetType().Name);
            return false;
        }

        try
        {
            await audit.RecordAsync(message.To, message.Audit, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "E-mail {EmailKind} to user {UserId} sent, but its audit line was not stored", message.Audit.Kind, message.To.UserId);
        }

        logger.LogInformation("E-mail {EmailKind} sent to user {UserId}", message.Audit.Kind, message.To.UserId);
        return true;
    }
}
