using System.Net;
using System.Text;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Auditing;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Privacy;

/// <summary>
/// R-PRIV-2: every disclosure of personal data is on record — who, which institution, what, which object — and so is every
/// refused attempt to reach another institution's data; never the pupil number itself.
/// </summary>
public sealed class DisclosureAuditTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private readonly PrivacyKit _kit = new(app);
    private readonly ImportKit _import = new(app);
    private readonly RouteWorkflow _flow = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PRIV_2_pupil_page_with_the_full_number_is_recorded_once_per_visit()
    {
        var (pupil, enrolment) = await _kit.HorizonPupilAsync();
        using var client = await app.SignedInClientAsync(SignIn.VoCoordinator);

        using var page = await client.GetAsync($"/leerlingen/{enrolment.Id}", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var details = await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoCoordinator)).ExecuteAsync(enrolment.Id, Ct);

        Assert.Contains(pupil.Number.Value, html, StringComparison.Ordinal);
        Assert.NotNull(details);
        var views = (await _kit.AuditOfAsync(SignIn.VoCoordinator))
            .Where(a => a.Kind == AuditKind.PupilPageViewed && a.ObjectId == enrolment.Id).ToList();
        var view = Assert.Single(views); // the page and the second render a moment later are one visit
        Assert.Equal(pupil.Id, view.PupilId);
        Assert.Equal(AuditObject.Enrolment, view.ObjectKind);
        Assert.Equal(enrolment.VoInstitutionId, view.ActorInstitutionId);
        await AssertNoPupilNumberInAuditAsync(pupil.Number.Value);
    }

    [Fact]
    public async Task R_PRIV_2_look_up_enrol_phase_change_end_and_import_are_recorded_per_pupil()
    {
        var route = await _import.NewRouteAsync("Vastleggen");
        var number = ImportKit.NewNumber();
        await _import.ImportAsync(route, ImportKit.File(ImportKit.Row(number), ImportKit.Row(ImportKit.NewNumber())));
        var (_, enrolment) = Assert.Single(await _import.EnrolmentsAsync(route), e => e.Number == number);

        var found = await (await app.ServiceAsAsync<FundingPhaseLookup>(SignIn.VoCoordinator))
            .ExecuteAsync(number, DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime), Ct);
        var recordPhase = await app.ServiceAsAsync<RecordPhase>(SignIn.VoCoordinator);
        var endEnrolment = await app.ServiceAsAsync<EndEnrolment>(SignIn.VoCoordinator);
        RouteWorkflow.Ok(await recordPhase.ExecuteAsync(enrolment.Id, enrolment.Version, Phase.Mbo, enrolment.StartDate.AddDays(1), Ct));
        var version = (await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoCoordinator)).ExecuteAsync(enrolment.Id, Ct))!.Version;
        RouteWorkflow.Ok(await endEnrolment.ExecuteAsync(enrolment.Id, version, enrolment.StartDate.AddDays(2), EnrolmentOutcome.Moved, null, Ct));

        Assert.True(found.IsSuccess, found.ToString());
        var log = await _kit.AuditOfAsync(SignIn.VoCoordinator);
        var imported = Assert.Single(log, a => a.Kind == AuditKind.PupilsImported && a.ObjectId == route);
        Assert.Equal(2, imported.Count);
        Assert.Contains(log, a => a.Kind == AuditKind.FundingPhaseLookedUp && a.PupilId == enrolment.PupilId && a.Count == 1);
        Assert.Contains(log, a => a.Kind == AuditKind.PhaseRecorded && a.ObjectId == enrolment.Id && a.PupilId == enrolment.PupilId);
        Assert.Contains(log, a => a.Kind == AuditKind.EnrolmentEnded && a.ObjectId == enrolment.Id);
        await AssertNoPupilNumberInAuditAsync(number);
    }

    [Fact]
    public async Task R_PRIV_2_enrolling_one_pupil_and_a_bulk_phase_change_are_recorded()
    {
        var route = await _import.NewRouteAsync("Inschrijven");
        await using var db = await app.OpenDbContextAsync();
        var institutions = await db.Institutions.AsNoTracking().ToListAsync(Ct);
        var start = DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime);
        var enrolled = await (await app.ServiceAsAsync<EnrolPupil>(SignIn.VoCoordinator)).ExecuteAsync(route, new EnrolForm
        {
            PupilNumber = ImportKit.NewNumber(), LastName = "Bakker", FirstName = "Noor", BirthDate = start.AddYears(-15), StartDate = start,
            VoInstitutionId = institutions.Single(i => i.Brin.Value == "05KO").Id, MboInstitutionId = institutions.Single(i => i.Brin.Value == "25PG").Id,
        }, Ct);
        Assert.True(enrolled.IsSuccess, enrolled.ToString());

        var bulk = await (await app.ServiceAsAsync<BulkPhaseChange>(SignIn.VoCoordinator)).ExecuteAsync(route, [enrolled.Value], Phase.Mbo, start.AddDays(1), Ct);

        Assert.True(bulk.IsSuccess, bulk.ToString());
        var log = await _kit.AuditOfAsync(SignIn.VoCoordinator);
        Assert.Contains(log, a => a.Kind == AuditKind.PupilEnrolled && a.ObjectId == enrolled.Value && a.PupilId != null);
        Assert.Contains(log, a => a.Kind == AuditKind.PhaseRecorded && a.ObjectId == enrolled.Value && a.Detail == "groepswijziging");
    }

    [Fact]
    public async Task R_PRIV_2_count_exports_are_recorded_with_format_school_year_and_row_count()
    {
        using var client = await app.SignedInClientAsync(SignIn.MboViewer);
        var year = SchoolYears.LastCounted;

        using var csv = await client.GetAsync($"/teldatum/{year}/export.csv", Ct);
        using var xlsx = await client.GetAsync($"/teldatum/{year}/export.xlsx", Ct);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var exports = (await _kit.AuditOfAsync(SignIn.MboViewer)).Where(a => a.Kind == AuditKind.CountExported).TakeLast(2).ToList();
        Assert.Equal(["csv", "xlsx"], exports.Select(e => e.Detail));
        Assert.All(exports, e =>
        {
            Assert.Equal(year.ToString(), e.Subject);
            Assert.Equal(AuditObject.SchoolYear, e.ObjectKind);
            Assert.Equal(lines.Length - 1, e.Count);
        });
    }

    [Fact]
    public async Task R_PRIV_2_agreement_download_is_recorded()
    {
        var route = await _flow.CreateAsync($"Downloadlog {Guid.NewGuid():N}");
        RouteWorkflow.Ok(await _flow.AddAgreementAsync(route, TestPdf.Agreement()));
        var agreement = Assert.Single((await _flow.DetailsAsync(route)).Agreements);
        using var client = await app.SignedInClientAsync(SignIn.MboViewer);

        using var download = await client.GetAsync($"/leerroutes/{route}/overeenkomsten/{agreement.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains(await _kit.AuditOfAsync(SignIn.MboViewer), a => a.Kind == AuditKind.AgreementDownloaded && a.ObjectId == agreement.Id);
    }

    [Fact]
    public async Task R_PRIV_2_R_ACCESS_2_refused_attempts_on_another_institutions_route_pupil_and_agreement_are_recorded()
    {
        var route = await _flow.CreateAsync($"Buitenstaander {Guid.NewGuid():N}");
        RouteWorkflow.Ok(await _flow.AddAgreementAsync(route, TestPdf.Agreement()));
        var agreement = Assert.Single((await _flow.DetailsAsync(route)).Agreements);
        var (_, enrolment) = await _kit.HorizonPupilAsync();
        var nowhere = Guid.NewGuid();
        using var outsider = await app.SignedInClientAsync(SignIn.UnrelatedCoordinator);

        using var routePage = await outsider.GetAsync($"/leerroutes/{route}", Ct);
        using var pupilPage = await outsider.GetAsync($"/leerlingen/{enrolment.Id}", Ct);
        using var download = await outsider.GetAsync($"/leerroutes/{route}/overeenkomsten/{agreement.Id}", Ct);
        using var notExisting = await outsider.GetAsync($"/leerlingen/{nowhere}", Ct);

        Assert.All([routePage, pupilPage, download, notExisting], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var refused = (await _kit.AuditOfAsync(SignIn.UnrelatedCoordinator)).Where(a => a.Kind == AuditKind.AccessRefused).ToList();
        Assert.Contains(refused, a => a.ObjectKind == AuditObject.Route && a.ObjectId == route);
        Assert.Contains(refused, a => a.ObjectKind == AuditObject.Enrolment && a.ObjectId == enrolment.Id);
        Assert.Contains(refused, a => a.ObjectKind == AuditObject.Agreement && a.ObjectId == agreement.Id);
        Assert.DoesNotContain(refused, a => a.ObjectId == nowhere); // nothing of anyone's was refused
    }

    [Fact]
    public async Task R_PRIV_2_forbidden_pages_and_a_viewers_change_are_recorded()
    {
        var (_, enrolment) = await _kit.HorizonPupilAsync();
        using var coordinator = await app.SignedInClientAsync(SignIn.VoCoordinator);

        using var auditPage = await coordinator.GetAsync("/beheer/auditlog", Ct);
        using var auditExport = await coordinator.GetAsync("/beheer/auditlog/export.csv", Ct);
        var viewerChange = await (await app.ServiceAsAsync<RecordPhase>(SignIn.VoViewer))
            .ExecuteAsync(enrolment.Id, enrolment.Version, Phase.Mbo, enrolment.StartDate, Ct);

        Assert.NotEqual(HttpStatusCode.OK, auditPage.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, auditExport.StatusCode);
        Assert.Contains(viewerChange.Errors, e => e == DomainErrors.Access.ReadOnly);
        var refused = (await _kit.AuditOfAsync(SignIn.VoCoordinator)).Where(a => a.Kind == AuditKind.AccessRefused).Select(a => a.Detail).ToList();
        Assert.Contains("geen recht op /beheer/auditlog", refused);
        Assert.Contains("geen recht op /beheer/auditlog/export.csv", refused);
        Assert.Contains(await _kit.AuditOfAsync(SignIn.VoViewer), a => a.Kind == AuditKind.AccessRefused && a.ObjectId == enrolment.Id);
    }

    [Fact]
    public async Task R_PRIV_2_coordinators_of_the_pupils_schools_see_who_viewed_and_exported_the_pupil()
    {
        var (_, enrolment) = await _kit.HorizonPupilAsync(skip: 4);
        Assert.NotNull(await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.MboCoordinator)).ExecuteAsync(enrolment.Id, Ct));
        using (var client = await app.SignedInClientAsync(SignIn.VoViewer))
        {
            using var export = await client.GetAsync($"/teldatum/{SchoolYears.LastCounted}/export.csv", Ct);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        }

        var history = await (await app.ServiceAsAsync<PupilAccessHistoryQuery>(SignIn.VoCoordinator)).ExecuteAsync(enrolment.Id, Ct);
        var forViewer = await (await app.ServiceAsAsync<PupilAccessHistoryQuery>(SignIn.VoViewer)).ExecuteAsync(enrolment.Id, Ct);
        var forOutsider = await (await app.ServiceAsAsync<PupilAccessHistoryQuery>(SignIn.UnrelatedCoordinator)).ExecuteAsync(enrolment.Id, Ct);

        Assert.NotNull(history);
        Assert.Contains(history, l => l.Kind == AuditKind.PupilPageViewed && l.ActorEmail == SignIn.MboCoordinator
                                      && l.Institution == "ROC Rivierenland");
        var counted = enrolment.StartDate <= SchoolYears.LastCounted.CountDate;
        Assert.Equal(counted, history.Any(l => l.Kind == AuditKind.CountExported && l.ActorEmail == SignIn.VoViewer));
        Assert.Null(forViewer);
        Assert.Null(forOutsider);
    }

    [Fact]
    public async Task R_PRIV_2_administrators_filter_and_export_the_log_as_csv()
    {
        var (_, enrolment) = await _kit.HorizonPupilAsync(skip: 5);
        Assert.NotNull(await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoCoordinator)).ExecuteAsync(enrolment.Id, Ct));
        var query = await app.ServiceAsAsync<AuditLogQuery>(SignIn.Administrator);

        var views = await query.ListAsync(new AuditFilter([AuditKind.PupilPageViewed], Person: "horizon"), new(0, 200), Ct);
        using var admin = await app.SignedInClientAsync(SignIn.Administrator);
        using var export = await admin.GetAsync("/beheer/auditlog/export.csv?soort=PupilPageViewed&persoon=horizon", Ct);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains(views.Items, v => v.ObjectId == enrolment.Id && v.ActorEmail == SignIn.VoCoordinator && v.Institution == "Vakcollege De Horizon");
        Assert.All(views.Items, v => Assert.Equal(AuditKind.PupilPageViewed, v.Kind));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(string.Join(';', AuditLogQuery.CsvHeader), lines[0]);
        Assert.Equal(views.TotalItems, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(";Leerlingpagina bekeken;coordinator@horizon.example;", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task R_PRIV_2_retention_job_removes_lines_older_than_two_years_only()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var old = new AuditEntry { At = now.AddDays(-731), Kind = AuditKind.PupilPageViewed, Detail = "oud" };
        var recent = new AuditEntry { At = now.AddDays(-729), Kind = AuditKind.PupilPageViewed, Detail = "recent" };
        await using (var db = await app.OpenDbContextAsync())
        {
            db.AuditLog.AddRange(old, recent);
            await db.SaveChangesAsync(Ct);
        }

        var removed = await app.Services.GetRequiredService<RetentionJob>().RunOnceAsync(Ct);

        Assert.True(removed.AuditLines >= 1);
        await using var check = await app.OpenDbContextAsync();
        Assert.False(await check.AuditLog.AnyAsync(a => a.Id == old.Id, Ct));
        Assert.True(await check.AuditLog.AnyAsync(a => a.Id == recent.Id, Ct));
    }

    [Fact]
    public async Task R_AGR_4_a_partner_added_later_sees_the_earlier_version_but_cannot_download_it()
    {
        var route = await _flow.CreateAsync($"Later erbij {Guid.NewGuid():N}");
        RouteWorkflow.Ok(await _flow.AddAgreementAsync(route, TestPdf.Agreement()));
        var form = (await (await app.ServiceAsAsync<RouteDetailsQuery>(SignIn.VoCoordinator)).LoadFormAsync(route, Ct))!;
        await using (var db = await app.OpenDbContextAsync())
        {
            var groeneVallei = (await db.Institutions.AsNoTracking().ToListAsync(Ct)).Single(i => i.Brin.Value == "21CD");
            form.Partners.Add(new PartnerLine { InstitutionId = groeneVallei.Id, Name = groeneVallei.Name, Brin = "21CD", Sector = Sector.Vo });
        }

        RouteWorkflow.Ok(await (await app.ServiceAsAsync<EditRoute>(SignIn.VoCoordinator)).ExecuteAsync(route, form, Ct));
        var seenByNewPartner = Assert.Single((await _flow.DetailsAsync(route, SignIn.UnrelatedCoordinator)).Agreements);
        var seenByFirstPartner = Assert.Single((await _flow.DetailsAsync(route, SignIn.MboViewer)).Agreements);
        using var newPartner = await app.SignedInClientAsync(SignIn.UnrelatedCoordinator);
        using var refused = await newPartner.GetAsync($"/leerroutes/{route}/overeenkomsten/{seenByNewPartner.Id}", Ct);
        using var admin = await app.SignedInClientAsync(SignIn.Administrator);
        using var allowed = await admin.GetAsync($"/leerroutes/{route}/overeenkomsten/{seenByNewPartner.Id}", Ct);

        Assert.False(seenByNewPartner.CanDownload);
        Assert.True(seenByFirstPartner.CanDownload);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains(await _kit.AuditOfAsync(SignIn.UnrelatedCoordinator), a => a.Kind == AuditKind.AccessRefused && a.ObjectId == seenByNewPartner.Id);
    }

    [Fact]
    public async Task Import_preview_older_than_15_minutes_is_not_stored()
    {
        var route = await _import.NewRouteAsync("Verlopen");
        var preview = await _import.PreviewAsync(route, ImportKit.File(ImportKit.Row(ImportKit.NewNumber())));
        var before = await _import.StoredAsync();

        app.Clock.Advance(PupilImportPreview.Lifetime + TimeSpan.FromSeconds(1));
        var outcome = await _import.ConfirmAsync(preview);

        Assert.Equal([PupilImportErrors.PreviewExpired.Message], outcome.Errors.Select(e => e.Text));
        Assert.Equal(before, await _import.StoredAsync());
    }

    private async Task AssertNoPupilNumberInAuditAsync(string number)
    {
        var log = await _kit.WholeAuditLogAsync();
        Assert.DoesNotContain(number, log, StringComparison.Ordinal);
        Assert.DoesNotContain(number.TrimStart('0'), log, StringComparison.Ordinal);
    }
}
