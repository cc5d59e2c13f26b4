using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils.Import;

/// <summary>
/// What the import tests share: a fresh registered route per test, pupil numbers no other test uses, CSV files as Excel
/// writes them, and the import as a coordinator calls it.
/// </summary>
public sealed class ImportKit(AppFactory app)
{
    public const string Header = ImportCsv.Header;

    private static int _sequence = 900_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The first school day of the current school year plus two weeks: a normal start date for a new route.</summary>
    public static DateOnly Start => SchoolYear.Containing(DutchTime.Today(DateTime.UtcNow)).FirstDay.AddDays(16);

    public static string Date(DateOnly date) => ImportCsv.Date(date);

    /// <summary>
    /// A valid onderwijsnummer that no other test in this run uses, so tests that share a database never meet each other's
    /// pupils. Numbers from 10900000x up stay clear of the demo pupils.
    /// </summary>
    public static string NewNumber()
    {
        while (true)
        {
            if (ImportCsv.PupilNumber(Interlocked.Increment(ref _sequence)) is { } number)
            {
                return number;
            }
        }
    }

    /// <summary>One data row; the defaults make a valid pupil of 15 starting on <see cref="Start"/> in the vo-fase.</summary>
    public static string Row(
        string number, string lastName = "Jansen", string prefix = "", string firstName = "Sanne", string? birthDate = null,
        string? startDate = null, string phase = "vo", string phaseFrom = "") =>
        ImportCsv.Row(Start, number, lastName, prefix, firstName, birthDate, startDate, phase, phaseFrom);

    /// <summary>A file as Dutch Excel saves "CSV UTF-8": byte-order mark, CR LF line ends.</summary>
    public static byte[] File(params string[] lines) => ImportCsv.File(bom: true, Header, lines);

    public static byte[] File(bool bom, string header, params string[] lines) => ImportCsv.File(bom, header, lines);

    /// <summary>A new registered route of Horizon (vo) and ROC Rivierenland (mbo), of the current school year.</summary>
    public async Task<Guid> NewRouteAsync(string name = "Importroute")
    {
        var workflow = new RouteWorkflow(app);
        var route = await workflow.CreateAsync($"{name} {Guid.NewGuid().ToString("N")[..8]}");
        await workflow.ReadyAndSubmitAsync(route);
        RouteWorkflow.Ok(await workflow.RegisterAsync(route));
        return route;
    }

    public async Task<PupilImportPreview> PreviewAsync(
        Guid routeId, byte[] file, string asUser = SignIn.VoCoordinator, PupilImportChoice? choice = null)
    {
        await using var content = new MemoryStream(file);
        return await (await app.ServiceAsAsync<ImportPupils>(asUser)).PreviewAsync(routeId, content, choice, cancellationToken: Ct);
    }

    /// <summary>A preview of a stream that cannot seek, as a browser upload arrives: its length is not known up front.</summary>
    public async Task<PupilImportPreview> PreviewOneWayAsync(Guid routeId, byte[] file)
    {
        await using var content = new OneWayStream(file);
        return await (await app.ServiceAsAsync<ImportPupils>(SignIn.VoCoordinator)).PreviewAsync(routeId, content, cancellationToken: Ct);
    }

    public async Task<PupilImportOutcome> ConfirmAsync(PupilImportPreview preview, string asUser = SignIn.VoCoordinator) =>
        await (await app.ServiceAsAsync<ImportPupils>(asUser)).ConfirmAsync(preview, cancellationToken: Ct);

    /// <summary>Preview and confirm; the preview must be free of errors.</summary>
    public async Task<(PupilImportPreview Preview, PupilImportOutcome Outcome)> ImportAsync(
        Guid routeId, byte[] file, string asUser = SignIn.VoCoordinator)
    {
        var preview = await PreviewAsync(routeId, file, asUser);
        Assert.False(preview.HasErrors, string.Join(Environment.NewLine, preview.Errors));
        var outcome = await ConfirmAsync(preview, asUser);
        Assert.True(outcome.IsSuccess, string.Join(Environment.NewLine, outcome.Errors));
        return (preview, outcome);
    }

    /// <summary>How many pupils, enrolments and phase registrations the database holds.</summary>
    public async Task<(int Pupils, int Enrolments, int Phases)> StoredAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        return (await db.Pupils.CountAsync(Ct), await db.Enrolments.CountAsync(Ct), await db.Set<PhaseRegistration>().CountAsync(Ct));
    }

    /// <summary>The enrolments of a route with their pupil's number and phases.</summary>
    public async Task<List<(string Number, Enrolment Enrolment)>> EnrolmentsAsync(Guid routeId)
    {
        await using var db = await app.OpenDbContextAsync();
        var rows = await (from e in db.Enrolments.Where(e => e.RouteId == routeId)
                          join p in db.Pupils on e.PupilId equals p.Id
                          select new { p.Number, Enrolment = e }).AsNoTracking().ToListAsync(Ct);
        return rows.Select(r => (r.Number.Value, r.Enrolment)).ToList();
    }
}

/// <summary>A stream that only reads forward and does not know its length.</summary>
internal sealed class OneWayStream(byte[] content) : Stream
{
    private readonly MemoryStream _inner = new(content);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
