using System.Globalization;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Domain.Pupils;

/// <summary>
/// R-RECON-1/2: the checked rows of a partner's <c>fasen</c> file for one route and date, kept only as long as the
/// comparison needs them (<see cref="ExpiresAt"/>) so the other partner's upload can be compared with it. Never a full
/// pupil number: a row names the enrolment it matched (one the uploader may see), or only the masked number.
/// </summary>
public sealed class PhaseUpload : Entity
{
    /// <summary>An upload is never kept longer than this.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    private PhaseUpload(
        Guid routeId, Guid institutionId, Sector sector, DateOnly date, Guid uploadedBy, DateTime uploadedAt, string rows)
        : base(Guid.NewGuid())
    {
        RouteId = routeId;
        InstitutionId = institutionId;
        Sector = sector;
        Date = date;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        ExpiresAt = ExpiryFor(date, uploadedAt);
        Rows = rows;
    }

    // For EF Core.
    private PhaseUpload()
        : base(Guid.Empty)
    {
        Rows = string.Empty;
    }

    public Guid RouteId { get; private set; }

    public Guid InstitutionId { get; private set; }

    /// <summary>Whether this is the vo school's or the mbo institution's file.</summary>
    public Sector Sector { get; private set; }

    /// <summary>The date compared on (by default the count date).</summary>
    public DateOnly Date { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    /// <summary>The rows, one per line: <c>line;enrolmentId-or-empty;masked;VO|MBO;yyyy-MM-dd</c>.</summary>
    public string Rows { get; private set; }

    /// <summary>
    /// Until the end of the day after the compared date, at least one day and at most <see cref="MaxLifetime"/> after
    /// the upload.
    /// </summary>
    public static DateTime ExpiryFor(DateOnly date, DateTime uploadedAtUtc)
    {
        var dayAfter = date.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var atLeast = uploadedAtUtc.AddDays(1);
        var atMost = uploadedAtUtc + MaxLifetime;
        return dayAfter < atLeast ? atLeast : dayAfter > atMost ? atMost : dayAfter;
    }

    public static PhaseUpload Create(
        Guid routeId, Guid institutionId, Sector sector, DateOnly date, Guid uploadedBy, DateTime uploadedAtUtc,
        IEnumerable<StoredPhaseRow> rows) =>
        new(routeId, institutionId, sector, date, uploadedBy, DutchTime.EnsureUtc(uploadedAtUtc), string.Join('\n', rows.Select(r => r.ToText())));

    public IReadOnlyList<StoredPhaseRow> ReadRows() =>
        Rows.Length == 0 ? [] : Rows.Split('\n').Select(StoredPhaseRow.FromText).ToList();
}

/// <summary>One kept row of a <see cref="PhaseUpload"/>.</summary>
public sealed record StoredPhaseRow(int Line, Guid? EnrolmentId, string MaskedNumber, Phase Phase, DateOnly ValidFrom)
{
    internal string ToText() => string.Join(
        ';', Line.ToString(CultureInfo.InvariantCulture), EnrolmentId?.ToString() ?? string.Empty, MaskedNumber,
        Phase == Phase.Vo ? "VO" : "MBO", ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    internal static StoredPhaseRow FromText(string text)
    {
        var p = text.Split(';');
        return new StoredPhaseRow(
            int.Parse(p[0], CultureInfo.InvariantCulture), p[1].Length == 0 ? null : Guid.Parse(p[1]), p[2],
            p[3] == "VO" ? Phase.Vo : Phase.Mbo, DateOnly.ParseExact(p[4], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
