namespace DoorlopendeLeerroutes.Application.Notifications;

/// <summary>
/// One e-mail to one person: a Dutch subject, the same text as plain text and as simple HTML, and the audit line that
/// records that it was sent (R-PRIV-2: to whom and what kind, never the content). Never holds a pupil number or name.
/// </summary>
public sealed record EmailMessage(UserContext To, string Subject, string Text, string Html, AuditEvent Audit);

/// <summary>Sends one message now; throws when the mail server refuses or cannot be reached.</summary>
public interface IEmailSender
{
    /// <summary>False when no SMTP server is configured: then nothing is ever sent.</summary>
    bool IsEnabled { get; }

    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// Messages sent in the background, after the change that caused them was saved: a user action never waits for the
/// mail server, and a failed send never undoes or breaks it.
/// </summary>
public interface IEmailOutbox
{
    bool IsEnabled { get; }

    void Enqueue(EmailMessage message);
}

/// <summary>The people e-mails go to.</summary>
public interface IEmailRecipients
{
    /// <summary>
    /// Active coordinators (not disabled, with an e-mail address) of <paramref name="institutionIds"/>, or of every
    /// institution when null.
    /// </summary>
    Task<IReadOnlyList<UserContext>> CoordinatorsAsync(
        IReadOnlyCollection<Guid>? institutionIds, CancellationToken cancellationToken = default);
}

/// <summary>
/// Which coordinators' weekly digests are done (R-TASK-1). The store's unique key on (person, week) makes a claim
/// succeed once, however many app instances try.
/// </summary>
public interface ISentDigests
{
    /// <summary>The people whose digest of <paramref name="weekStart"/> is claimed or sent already.</summary>
    Task<IReadOnlySet<Guid>> HandledAsync(DateOnly weekStart, CancellationToken cancellationToken = default);

    /// <summary>Claims the person's digest of the week; false when another run (or instance) claimed it first.</summary>
    Task<bool> TryClaimAsync(Guid userId, DateOnly weekStart, CancellationToken cancellationToken = default);

    /// <summary>Records how many tasks the sent digest listed (0: nothing to do, no mail).</summary>
    Task CompleteAsync(Guid userId, DateOnly weekStart, int tasks, CancellationToken cancellationToken = default);

    /// <summary>Gives up a claim whose mail could not be sent, so a later run tries again.</summary>
    Task ReleaseAsync(Guid userId, DateOnly weekStart, CancellationToken cancellationToken = default);
}
