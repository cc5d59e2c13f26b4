using System.Globalization;
using System.Text;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Pupils.Reconciliation;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils.Reconciliation;

/// <summary>
/// "Fasen vergelijken" through the real app and database (R-RECON-1/2): upload, comparison, adoption in one transaction,
/// a stale page refused, and another institution's pupils never shown or changed (R-PRIV-1).
/// </summary>
public sealed class ReconcilePhasesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Header = "Leerlingnummer;Leerroutefase;Ingangsdatum";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_RECON_1_upload_lists_same_different_only_here_and_only_in_file_with_masked_numbers()
    {
        var (route, date, pupils) = await CarePupilsAsync(SignIn.VoCoordinator, 3);
        var (same, differs, _) = (pupils[0], pupils[1], pupils[2]);
        var stranger = await InvisibleNumberAsync(SignIn.VoCoordinator);
        var file = Csv(
            Row(same.Number, same.Here!.Value.Phase, same.Here.Value.ValidFrom),
            Row(differs.Number, Other(differs.Here!.Value.Phase), date),
            Row(stranger, Phase.Vo, date));

        var view = await (await Service(SignIn.VoCoordinator)).UploadAsync(route, date, file, Ct);

        Assert.Empty(view.Errors);
        Assert.True(view.HasOwnFile);
        Assert.Equal(PhaseComparisonKind.Same, Item(view, same.EnrolmentId).Kind);
        Assert.Equal(PhaseComparisonKind.DifferentPhase, Item(view, differs.EnrolmentId).Kind);
        Assert.Equal(PhaseComparisonKind.OnlyHere, Item(view, pupils[2].EnrolmentId).Kind);

        // R-PRIV-1: another institution's pupil is "only in the file", masked, with no name and no register side.
        var onlyInFile = Assert.Single(view.Items, i => i.Kind == PhaseComparisonKind.OnlyInFile);
        Assert.Equal("*****" + stranger[^4..], onlyInFile.MaskedNumber);
        Assert.Null(onlyInFile.Name);
        Assert.Null(onlyInFile.Register);
        Assert.All(view.Items, i => Assert.Matches(@"^\*{5}\d{4}$", i.MaskedNumber));

        // Differences first, the same last.
        Assert.Equal(PhaseComparisonKind.Same, view.Items[^1].Kind);

        // The kept upload holds no full number (R-PUPIL-8).
        await using var db = await app.OpenDbContextAsync();
        var kept = await db.PhaseUploads.AsNoTracking().SingleAsync(u => u.RouteId == route && u.Date == date, Ct);
        Assert.DoesNotContain(stranger, kept.Rows, StringComparison.Ordinal);
        Assert.DoesNotContain(same.Number, kept.Rows, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_RECON_1_adopting_records_new_phases_in_one_transaction_and_a_stale_page_is_refused()
    {
        var (route, date, pupils) = await CarePupilsAsync(SignIn.VoCoordinator, 2, date: new DateOnly(2031, 10, 1));
        var file = Csv(pupils.Select(p => Row(p.Number, Other(p.Here!.Value.Phase), date)).ToArray());
        var service = await Service(SignIn.VoCoordinator);
        var view = await service.UploadAsync(route, date, file, Ct);
        var choices = pupils.Select(p => Item(view, p.EnrolmentId))
            .Select(i => new PhaseAdoption(i.EnrolmentId!.Value, i.Register, i.Own!.Value)).ToList();
        var counts = await PhaseCountsAsync(pupils);

        // A page showing another register phase than the database holds now is stale: nothing is adopted.
        var stale = choices.Select(c => c with { Register = new PhaseOnDate(Other(c.File.Phase), c.File.ValidFrom.AddDays(-3)) }).ToList();
        var refused = await (await Service(SignIn.VoCoordinator)).AdoptAsync(route, date, stale, Ct);
        Assert.Equal(PhaseReconciliationErrors.Stale.Code, Assert.Single(refused.Errors).Code);
        Assert.Equal(counts, await PhaseCountsAsync(pupils));

        var adopted = await (await Service(SignIn.VoCoordinator)).AdoptAsync(route, date, choices, Ct);

        Assert.True(adopted.IsSuccess, adopted.ToString());
        Assert.Equal(2, adopted.Value.Pupils);
        Assert.Equal([date], adopted.Value.Dates);
        await using var db = await app.OpenDbContextAsync();
        var user = await app.UserAsync(SignIn.VoCoordinator);
        foreach (var pupil in pupils)
        {
            var stored = await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == pupil.EnrolmentId, Ct);
            Assert.Equal(Other(pupil.Here!.Value.Phase), stored.PhaseOn(date));
            Assert.Equal(counts[pupil.EnrolmentId] + 1, stored.Phases.Count);
            Assert.Equal(user!.UserId, stored.Phases.MaxBy(p => p.RecordedAt)!.RecordedBy); // R-PUPIL-4
        }

        // The same choices again: the comparison changed (all the same now), so the page is stale.
        var again = await (await Service(SignIn.VoCoordinator)).AdoptAsync(route, date, choices, Ct);
        Assert.Equal(PhaseReconciliationErrors.Stale.Code, Assert.Single(again.Errors).Code);
    }

    [Fact]
    public async Task R_RECON_2_with_both_partners_files_the_three_way_disagreements_come_first()
    {
        var date = new DateOnly(2032, 10, 1);
        var (route, _, pupils) = await CarePupilsAsync(SignIn.VoCoordinator, 2, date, SignIn.MboCoordinator);
        var (agreed, disputed) = (pupils[0], pupils[1]);
        await (await Service(SignIn.VoCoordinator)).UploadAsync(route, date, Csv(
            Row(agreed.Number, agreed.Here!.Value.Phase, agreed.Here.Value.ValidFrom),
            Row(disputed.Number, disputed.Here!.Value.Phase, disputed.Here.Value.ValidFrom)), Ct);

        var view = await (await Service(SignIn.MboCoordinator)).UploadAsync(route, date, Csv(
            Row(agreed.Number, agreed.Here.Value.Phase, agreed.Here.Value.ValidFrom),
            Row(disputed.Number, Other(disputed.Here.Value.Phase), date)), Ct);

        Assert.True(view.HasOtherFile);
        Assert.True(Item(view, disputed.EnrolmentId).Disagreement);
        Assert.False(Item(view, agreed.EnrolmentId).Disagreement);
        Assert.True(view.Items[0].Disagreement);
        Assert.Equal(Item(view, disputed.EnrolmentId).Register, Item(view, disputed.EnrolmentId).Other); // the vo file agreed
    }

    [Theory]
    [InlineData(SignIn.VoViewer)]
    [InlineData(SignIn.UnrelatedCoordinator)]
    public async Task R_RECON_1_only_a_coordinator_of_a_partner_may_upload(string email)
    {
        var (route, date, pupils) = await CarePupilsAsync(SignIn.VoCoordinator, 1);

        var view = await (await Service(email)).UploadAsync(route, date, Csv(Row(pupils[0].Number, Phase.Vo, date)), Ct);

        Assert.NotEmpty(view.Errors);
        Assert.Empty(view.Items);
    }

    [Fact]
    public async Task R_RECON_1_a_wrong_file_is_refused_with_line_and_column()
    {
        var (route, date, _) = await CarePupilsAsync(SignIn.VoCoordinator, 1);

        var view = await (await Service(SignIn.VoCoordinator)).UploadAsync(route, date, Csv("123456789;havo;01-08-2025;extra"), Ct);

        Assert.Contains(view.Errors, e => e.Text.StartsWith("regel 2, kolom Leerlingnummer:", StringComparison.Ordinal));
        Assert.Contains(view.Errors, e => e.Text.StartsWith("regel 2, kolom Leerroutefase:", StringComparison.Ordinal));
        Assert.Contains(view.Errors, e => e.Text.StartsWith("regel 2, kolom D:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R_RECON_1_the_example_file_shows_each_kind_of_difference_on_the_demo()
    {
        // The file as the page links it, downloaded today: the app moves it to the demo's counted year itself.
        var counted = DemoData.CountedYear(DutchTime.Today(DateTime.UtcNow));
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);
        var text = await client.GetStringAsync("/voorbeelden/fasen-voorbeeld.csv", Ct);
        await using var db = await app.OpenDbContextAsync();
        var care = await db.Routes.SingleAsync(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo", Ct);

        var view = await (await Service(SignIn.VoCoordinator)).UploadAsync(care.Id, counted.CountDate, new MemoryStream(Encoding.UTF8.GetBytes(text)), Ct);

        Assert.Empty(view.Errors);
        Assert.All(Enum.GetValues<PhaseComparisonKind>(), kind => Assert.True(view.Count(kind) > 0, kind.ToString()));
    }

    [Fact]
    public async Task R_RECON_1_the_differences_download_as_csv_with_masked_numbers_only_and_is_recorded()
    {
        var counted = DemoData.CountedYear(DutchTime.Today(DateTime.UtcNow));
        var example = DemoPhaseFile.For(DutchTime.Today(DateTime.UtcNow));
        Guid care;
        await using (var db = await app.OpenDbContextAsync())
        {
            care = await db.Routes.Where(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo").Select(r => r.Id).SingleAsync(Ct);
        }

        var view = await (await Service(SignIn.VoCoordinator)).UploadAsync(care, counted.CountDate, new MemoryStream(example), Ct);
        Assert.Empty(view.Errors);
        var address = $"/leerroutes/{care}/fasen/{counted.CountDate:yyyy-MM-dd}/verschillen.csv";

        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);
        using var response = await client.GetAsync(address, Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(PhaseReconciliationCsv.FileName(counted.CountDate), response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', PhaseReconciliationCsv.Header), lines[0]);
        Assert.Equal(view.Differences.Count(), lines.Length - 1);
        Assert.True(view.Count(PhaseComparisonKind.Same) > 0 && lines.Length - 1 < view.Items.Count); // the same are left out
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^\*{5}\d{4};", line));
        foreach (var number in System.Text.RegularExpressions.Regex.Matches(Encoding.UTF8.GetString(example), @"\b\d{9}\b").Select(m => m.Value))
        {
            Assert.DoesNotContain(number, string.Join('\n', lines), StringComparison.Ordinal); // R-PUPIL-8: never a full number
        }

        // R-PRIV-2: the upload and the download are on record for this person; another institution gets "not found".
        using var outsider = await app.SignedInClientAsync(SignIn.UnrelatedCoordinator);
        using var refused = await outsider.GetAsync(address, Ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
        var coordinator = (await app.UserAsync(SignIn.VoCoordinator)).UserId;
        var stranger = (await app.UserAsync(SignIn.UnrelatedCoordinator)).UserId;
        await using var check = await app.OpenDbContextAsync();
        var recorded = await check.AuditLog.AsNoTracking().Where(a => a.ObjectId == care).ToListAsync(Ct);
        Assert.Contains(recorded, a => a.Kind == AuditKind.PhaseFileUploaded && a.ActorUserId == coordinator);
        Assert.Contains(recorded, a => a.Kind == AuditKind.PhaseDifferencesExported && a.ActorUserId == coordinator && a.Count == lines.Length - 1);
        Assert.DoesNotContain(recorded, a => a.Kind == AuditKind.PhaseDifferencesExported && a.ActorUserId == stranger);
    }

    [Fact]
    public void R_RECON_1_the_example_file_moves_to_the_demo_year_of_the_day_it_is_downloaded()
    {
        // Until 1 October 2031 the demo counts school year 2030-2031 (count date 1-10-2030); after it, 2031-2032.
        var before = Encoding.UTF8.GetString(DemoPhaseFile.For(new DateOnly(2031, 9, 30)));
        var after = Encoding.UTF8.GetString(DemoPhaseFile.For(new DateOnly(2031, 10, 2)));

        Assert.Contains("01-08-2030", before, StringComparison.Ordinal); // base file 01-08-2026, counted year 2030
        Assert.DoesNotContain("2026", before, StringComparison.Ordinal);
        Assert.Contains("01-08-2031", after, StringComparison.Ordinal);
        Assert.StartsWith("Leerlingnummer;Leerroutefase;Ingangsdatum;BRIN", after.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    private sealed record CarePupil(Guid EnrolmentId, string Number, PhaseOnDate? Here);

    private Task<ReconcilePhases> Service(string email) => app.ServiceAsAsync<ReconcilePhases>(email);

    private static PhaseReconciliationItem Item(PhaseReconciliationView view, Guid enrolmentId) =>
        view.Items.Single(i => i.EnrolmentId == enrolmentId);

    private static Phase Other(Phase phase) => phase == Phase.Vo ? Phase.Mbo : Phase.Vo;

    private static string Row(string number, Phase phase, DateOnly from) =>
        string.Join(';', number, phase == Phase.Vo ? "VO" : "MBO", from.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));

    private static MemoryStream Csv(params string[] rows) =>
        new(Encoding.UTF8.GetBytes(string.Concat(new[] { Header }.Concat(rows).Select(r => r + "\r\n"))));

    /// <summary>
    /// Active pupils of the care route that <paramref name="email"/> (and <paramref name="alsoVisibleTo"/>) may see, with a
    /// phase on the date; each test takes its own pupils (skip) so tests sharing the database do not meet.
    /// </summary>
    private async Task<(Guid Route, DateOnly Date, List<CarePupil> Pupils)> CarePupilsAsync(
        string email, int count, DateOnly? date = null, string? alsoVisibleTo = null)
    {
        var on = date ?? new DateOnly(2030, 10, 1);
        await using var db = await app.OpenDbContextAsync();
        var care = await db.Routes.SingleAsync(r => r.Definition.Name == "Zorg en welzijn vmbo-mbo", Ct);
        var institution = (await app.UserAsync(email))!.InstitutionId;
        var other = alsoVisibleTo is null ? institution : (await app.UserAsync(alsoVisibleTo))!.InstitutionId;
        var rows = await (from e in db.Enrolments.AsNoTracking()
                          join p in db.Pupils on e.PupilId equals p.Id
                          where e.RouteId == care.Id && e.EndDate == null
                                && (e.VoInstitutionId == institution || e.MboInstitutionId == institution)
                                && (e.VoInstitutionId == other || e.MboInstitutionId == other)
                          orderby e.Id
                          select new { Enrolment = e, Pupil = p })
            .ToListAsync(Ct);
        var pupils = rows
            .Select(x => new CarePupil(x.Enrolment.Id, x.Pupil.Number.Value,
                PhaseComparison.InForce(x.Enrolment.Phases.Select(p => p.ToRecord()).ToList(), on)))
            .Where(p => p.Here is not null)
            .Take(count)
            .ToList();
        Assert.Equal(count, pupils.Count);
        return (care.Id, on, pupils);
    }

    private async Task<string> InvisibleNumberAsync(string email)
    {
        await using var db = await app.OpenDbContextAsync();
        var institution = (await app.UserAsync(email))!.InstitutionId;
        var pupil = await (from e in db.Enrolments.AsNoTracking()
                           join p in db.Pupils on e.PupilId equals p.Id
                           where e.VoInstitutionId != institution && e.MboInstitutionId != institution
                           select p).FirstAsync(Ct);
        return pupil.Number.Value;
    }

    private async Task<Dictionary<Guid, int>> PhaseCountsAsync(IEnumerable<CarePupil> pupils)
    {
        await using var db = await app.OpenDbContextAsync();
        var ids = pupils.Select(p => p.EnrolmentId).ToList();
        return await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Phases.Count, Ct);
    }
}
