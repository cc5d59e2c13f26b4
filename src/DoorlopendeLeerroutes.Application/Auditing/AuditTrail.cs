namespace DoorlopendeLeerroutes.Application.Auditing;

/// <summary>
/// What the audit log records: sign-ins and account and institution changes (issue 3), and every disclosure of personal
/// data and every refused attempt to reach another institution's data (R-PRIV-2, R-PRIV-3). The numbers are stored as
/// text, so they may be regrouped; never reuse a number for another meaning.
/// </summary>
public enum AuditKind
{
    SignedIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignInRefusedDisabled = 4,
    SignedOut = 5,
    PasswordChanged = 6,
    UserCreated = 10,
    UserChanged = 11,
    UserDisabled = 12,
    UserEnabled = 13,
    PasswordReset = 14,
    InstitutionCreated = 20,
    InstitutionChanged = 21,

    // Issue 16: institutions as reference data (R-MON-1): one line per import file.
    InstitutionsImported = 23,

    // Issue 16: a pupil's leerweg changed (R-MON-3), on the pupil page or by an import.
    TrackChanged = 29,

    // Disclosures and changes of personal data (R-PRIV-2).
    PupilPageViewed = 30,
    FundingPhaseLookedUp = 31,
    CountExported = 32,
    PupilsImported = 33,
    PupilEnrolled = 34,
    PhaseRecorded = 35,
    EnrolmentEnded = 36,
    AgreementDownloaded = 37,
    PhaseFileUploaded = 38,
    PhaseDifferencesExported = 39,

    // Refusals (R-PRIV-2, R-PRIV-3).
    AccessRefused = 40,
    PupilNumberRefused = 41,
    PupilNumberLimitReached = 42,
    PupilNumberBlocked = 43,

    // Second factor (R-AUTH-2).
    SecondFactorSetUp = 50,
    SecondFactorRemoved = 51,
    SecondFactorFailed = 52,
    RecoveryCodeUsed = 53,
    RecoveryCodesRenewed = 54,
    PasskeyAdded = 55,
    PasskeyRemoved = 56,

    // Signing in through a federation (R-AUTH-1).
    ExternalSignInRefused = 60,
    ExternalLoginLinked = 61,
    ExternalLoginRemoved = 62,
    ExternalAccountCreated = 63,

    // API clients ("koppelingen", issue 14): managing them, and every call one makes (R-PRIV-2).
    ApiClientCreated = 70,
    ApiClientRevoked = 71,
    ApiCall = 72,

    // E-mail (issue 15): a notice or digest was sent to the person on the line (to whom and what kind, never the content).
    RouteNoticeSent = 80,
    TaskDigestSent = 81,

    // The monitor (issue 16, R-MON-3): an administrator exported its figures (counts only, no pupil).
    MonitorExported = 82,
}

/// <summary>What kind of thing an audit line is about; with <see cref="AuditEvent.ObjectId"/> it names the object.</summary>
public enum AuditObject
{
    Route = 1,
    Enrolment = 2,
    Agreement = 3,
    SchoolYear = 4,
    ApiClient = 5,
}

/// <summary>
/// A typed audit event: what happened to which object. Who did it, and for which institution, comes with the
/// <see cref="UserContext"/> it is recorded for. It never holds a pupil number: a pupil is named by its internal id.
/// </summary>
public sealed record AuditEvent(AuditKind Kind, AuditObject? ObjectKind = null, Guid? ObjectId = null)
{
    /// <summary>The pupil the event discloses or changes, for "wie heeft deze gegevens bekeken".</summary>
    public Guid? PupilId { get; init; }

    /// <summary>How many rows or pupils (an export, an import, refused numbers).</summary>
    public int? Count { get; init; }

    /// <summary>A short text key, e.g. the school year of an export ("2025-2026").</summary>
    public string? Subject { get; init; }

    /// <summary>A short explanation in Dutch; never personal data.</summary>
    public string? Detail { get; init; }

    public static AuditEvent PupilPageViewed(Guid enrolmentId, Guid pupilId) =>
        new(AuditKind.PupilPageViewed, AuditObject.Enrolment, enrolmentId) { PupilId = pupilId };

    public static AuditEvent FundingPhaseLookedUp(Guid pupilId, int enrolments) =>
        new(AuditKind.FundingPhaseLookedUp) { PupilId = pupilId, Count = enrolments };

    public static AuditEvent CountExported(string schoolYear, string format, int rows) =>
        new(AuditKind.CountExported, AuditObject.SchoolYear) { Subject = schoolYear, Detail = format, Count = rows };

    public static AuditEvent PupilsImported(Guid routeId, int rowsStored, int unchanged) =>
        new(AuditKind.PupilsImported, AuditObject.Route, routeId)
        {
            Count = rowsStored, Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unchanged} ongewijzigd"),
        };

    public static AuditEvent PupilEnrolled(Guid enrolmentId, Guid pupilId, string? detail = null) =>
        new(AuditKind.PupilEnrolled, AuditObject.Enrolment, enrolmentId) { PupilId = pupilId, Detail = detail };

    public static AuditEvent PhaseRecorded(Guid enrolmentId, Guid pupilId, string? detail = null) =>
        new(AuditKind.PhaseRecorded, AuditObject.Enrolment, enrolmentId) { PupilId = pupilId, Detail = detail };

    /// <summary>R-MON-3: the pupil's leerweg in this enrolment changed; <paramref name="detail"/> says where (e.g. "importeren").</summary>
    public static AuditEvent TrackChanged(Guid enrolmentId, Guid pupilId, string? detail = null) =>
        new(AuditKind.TrackChanged, AuditObject.Enrolment, enrolmentId) { PupilId = pupilId, Detail = detail };

    /// <summary>R-MON-1: an institutions file was imported: how many institutions were added or changed, and how many not.</summary>
    public static AuditEvent InstitutionsImported(int added, int changed, int unchanged) =>
        new(AuditKind.InstitutionsImported)
        {
            Count = added + changed,
            Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{added} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd"),
        };

    public static AuditEvent EnrolmentEnded(Guid enrolmentId, Guid pupilId) =>
        new(AuditKind.EnrolmentEnded, AuditObject.Enrolment, enrolmentId) { PupilId = pupilId };

    public static AuditEvent AgreementDownloaded(Guid agreementId, Guid routeId) =>
        new(AuditKind.AgreementDownloaded, AuditObject.Agreement, agreementId) { Detail = "van leerroute " + routeId };

    /// <summary>An object of another institution that exists but is out of the user's scope: answered as "not found".</summary>
    public static AuditEvent PhaseFileUploaded(Guid routeId, DateOnly date, int rows) =>
        new(AuditKind.PhaseFileUploaded, AuditObject.Route, routeId) { Subject = date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), Count = rows };

    public static AuditEvent PhaseDifferencesExported(Guid routeId, DateOnly date, int rows) =>
        new(AuditKind.PhaseDifferencesExported, AuditObject.Route, routeId) { Subject = date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), Count = rows };

    public static AuditEvent AccessRefused(AuditObject what, Guid id, string detail) =>
        new(AuditKind.AccessRefused, what, id) { Detail = detail };

    /// <summary>A page or endpoint the user's role does not allow (403). The path holds ids at most, never a pupil number.</summary>
    public static AuditEvent Forbidden(string path) => new(AuditKind.AccessRefused) { Detail = "geen recht op " + path };

    /// <summary>Numbers of pupils the user may not see, refused in a form, an import or a look-up (R-PRIV-1/3).</summary>
    public static AuditEvent PupilNumberRefused(int numbers, string where, Guid? routeId = null) =>
        new(AuditKind.PupilNumberRefused, routeId is null ? null : AuditObject.Route, routeId) { Count = numbers, Detail = where };

    public static AuditEvent PupilNumberLimitReached(int limit) =>
        new(AuditKind.PupilNumberLimitReached) { Count = limit };

    /// <summary>An API client was created; <paramref name="clientId"/> is its OAuth client id, never its secret.</summary>
    public static AuditEvent ApiClientCreated(Guid id, string clientId, string detail) =>
        new(AuditKind.ApiClientCreated, AuditObject.ApiClient, id) { Subject = clientId, Detail = detail };

    public static AuditEvent ApiClientRevoked(Guid id, string clientId) =>
        new(AuditKind.ApiClientRevoked, AuditObject.ApiClient, id) { Subject = clientId };

    /// <summary>One call to the API (R-PRIV-2): method and route template (never a pupil number), and the status.</summary>
    public static AuditEvent ApiCall(string method, string pathTemplate, int status) =>
        new(AuditKind.ApiCall) { Subject = method, Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pathTemplate} → {status}") };

    public static AuditEvent PupilNumberBlocked(string where) => new(AuditKind.PupilNumberBlocked) { Detail = where };

    /// <summary>A notice about a route was e-mailed to the person the line is recorded for; <paramref name="what"/> says which.</summary>
    public static AuditEvent RouteNoticeSent(Guid routeId, string what) =>
        new(AuditKind.RouteNoticeSent, AuditObject.Route, routeId) { Detail = what };

    /// <summary>The monitor of <paramref name="schoolYear"/> was exported as a workbook of <paramref name="sheets"/> sheets (R-MON-3).</summary>
    public static AuditEvent MonitorExported(string schoolYear, int sheets) =>
        new(AuditKind.MonitorExported, AuditObject.SchoolYear) { Subject = schoolYear, Detail = "xlsx", Count = sheets };

    /// <summary>The weekly digest of the week starting <paramref name="weekStart"/> was e-mailed, listing <paramref name="tasks"/> tasks (R-TASK-1).</summary>
    public static AuditEvent TaskDigestSent(DateOnly weekStart, int tasks) =>
        new(AuditKind.TaskDigestSent)
        {
            Count = tasks, Detail = "week van " + weekStart.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
        };
}

/// <summary>One line of the audit log as administrators see it. Never holds a password, token or pupil number.</summary>
public sealed record AuditEntryView(
    DateTime At,
    AuditKind Kind,
    string? ActorEmail,
    string? ActorName,
    Guid? ActorInstitutionId,
    string? Institution,
    string? Subject,
    AuditObject? ObjectKind,
    Guid? ObjectId,
    int? Count,
    string? Detail);

/// <summary>The administrator's filter on the audit log; every part optional.</summary>
public sealed record AuditFilter(
    IReadOnlyCollection<AuditKind>? Kinds = null,
    string? Person = null,
    Guid? InstitutionId = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public static readonly AuditFilter None = new();
}

/// <summary>The stored audit log.</summary>
public interface IAuditTrail
{
    /// <summary>An account event; <paramref name="actorUserId"/> is explicit because at sign-in nobody is signed in yet.</summary>
    /// <param name="subject">Whom or what it is about: an e-mail address typed at sign-in, or an institution's BRIN.</param>
    Task RecordAsync(
        AuditKind kind, Guid? actorUserId, string? subject, string? detail, CancellationToken cancellationToken = default);

    /// <summary>An event by a signed-in user, stored with their institution.</summary>
    Task RecordAsync(UserContext user, AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Several events by a signed-in user in one save (a bulk action).</summary>
    Task RecordAsync(UserContext user, IReadOnlyCollection<AuditEvent> auditEvents, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the events of a change to <paramref name="db"/>, the context that stores the change: they are saved by the
    /// same <c>SaveChanges</c> (and transaction), so a change is never stored without its line, nor a line without its
    /// change. Views and refusals, which store nothing else, use <see cref="RecordAsync(UserContext, AuditEvent, CancellationToken)"/>.
    /// </summary>
    void RecordWith(IApplicationDbContext db, UserContext user, IReadOnlyCollection<AuditEvent> auditEvents);

    /// <summary>How many events of <paramref name="kind"/> the user caused since <paramref name="sinceUtc"/>, summing their counts.</summary>
    Task<int> CountSinceAsync(Guid userId, AuditKind kind, DateTime sinceUtc, CancellationToken cancellationToken = default);

    Task<PagedResult<AuditEntryView>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Every line that matches, newest first, for the export.</summary>
    IAsyncEnumerable<AuditEntryView> ReadAllAsync(AuditFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Who saw or changed this pupil's data: views, look-ups, enrolments, phase changes and ends by administrators and by
    /// people of <paramref name="institutionIds"/> (null: everyone's), and the count exports that held the pupil: an
    /// export by an administrator, or by an institution in <paramref name="countedAt"/> for that school year.
    /// </summary>
    Task<IReadOnlyList<AuditEntryView>> PupilHistoryAsync(
        Guid pupilId, IReadOnlyCollection<Guid>? institutionIds, IReadOnlyCollection<(string SchoolYear, Guid InstitutionId)> countedAt,
        CancellationToken cancellationToken = default);

    /// <summary>Removes the lines older than <paramref name="cutoffUtc"/> (retention); returns how many.</summary>
    Task<int> RemoveOlderThanAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default);
}
