using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DoorlopendeLeerroutes.Web.Tests.Privacy;

/// <summary>The holes a security review of issue 11 found, each closed and kept closed.</summary>
public sealed class PrivacyReviewTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private readonly PrivacyKit _kit = new(app);
    private readonly ImportKit _import = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PRIV_1_a_viewer_learns_nothing_about_a_number_in_the_enrol_form()
    {
        var route = await _import.NewRouteAsync("Lezer");
        var (pupil, _) = await _kit.HorizonPupilAsync();
        await using var db = await app.OpenDbContextAsync();
        var institutions = await db.Institutions.AsNoTracking().ToListAsync(Ct);
        var today = DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime);

        var answer = await (await app.ServiceAsAsync<EnrolPupil>(SignIn.MboViewer)).ExecuteAsync(route, new EnrolForm
        {
            PupilNumber = pupil.Number.Value, LastName = pupil.LastName, FirstName = pupil.FirstName, BirthDate = pupil.BirthDate,
            StartDate = today, VoInstitutionId = institutions.Single(i => i.Brin.Value == "05KO").Id,
            MboInstitutionId = institutions.Single(i => i.Brin.Value == "25PG").Id,
        }, Ct);

        Assert.Equal([DomainErrors.Access.ReadOnly], answer.Errors);
        var log = await _kit.AuditOfAsync(SignIn.MboViewer);
        Assert.DoesNotContain(log, a => a.Kind == AuditKind.PupilNumberRefused);
        Assert.Contains(log, a => a.Kind == AuditKind.AccessRefused && a.ObjectId == route);
    }

    [Fact]
    public async Task R_PRIV_2_a_change_whose_save_fails_leaves_no_audit_line()
    {
        var route = await _import.NewRouteAsync("Verouderd");
        var number = ImportKit.NewNumber();
        await _import.ImportAsync(route, ImportKit.File(ImportKit.Row(number)));
        var (_, enrolment) = Assert.Single(await _import.EnrolmentsAsync(route));
        var recordPhase = await app.ServiceAsAsync<RecordPhase>(SignIn.VoCoordinator);
        Assert.True((await recordPhase.ExecuteAsync(enrolment.Id, enrolment.Version, Phase.Mbo, enrolment.StartDate.AddDays(1), Ct)).IsSuccess);

        var stale = await recordPhase.ExecuteAsync(enrolment.Id, enrolment.Version, Phase.Vo, enrolment.StartDate.AddDays(2), Ct);

        Assert.False(stale.IsSuccess);
        var recorded = (await _kit.AuditOfAsync(SignIn.VoCoordinator)).Where(a => a.Kind == AuditKind.PhaseRecorded && a.ObjectId == enrolment.Id);
        Assert.Single(recorded); // the first change only
    }

    [Fact]
    public async Task R_PRIV_2_an_import_is_in_each_imported_pupils_history()
    {
        var route = await _import.NewRouteAsync("Historie");
        var number = ImportKit.NewNumber();
        await _import.ImportAsync(route, ImportKit.File(ImportKit.Row(number)));
        await _import.ImportAsync(route, ImportKit.File(ImportKit.Row(number, phase: "mbo", phaseFrom: ImportKit.Date(ImportKit.Start.AddDays(5)))));
        var (_, enrolment) = Assert.Single(await _import.EnrolmentsAsync(route));

        var history = await (await app.ServiceAsAsync<PupilAccessHistoryQuery>(SignIn.MboCoordinator)).ExecuteAsync(enrolment.Id, Ct);

        Assert.NotNull(history);
        Assert.Contains(history, l => l.Kind == AuditKind.PupilEnrolled && l.Detail == "importeren" && l.ActorEmail == SignIn.VoCoordinator);
        Assert.Contains(history, l => l.Kind == AuditKind.PhaseRecorded && l.Detail == "importeren");
    }

    [Fact]
    public async Task R_PRIV_1_access_history_shows_no_actions_of_a_school_of_another_enrolment()
    {
        // A pupil who left De Horizon's route and now follows Groene Vallei's: each school sees its own side only.
        var greenRoute = await _kit.GroeneValleiRouteAsync();
        Guid horizonEnrolment, greenEnrolment;
        await using (var db = await app.OpenDbContextAsync())
        {
            var institutions = await db.Institutions.AsNoTracking().ToListAsync(Ct);
            var horizon = institutions.Single(i => i.Brin.Value == "05KO").Id;
            var ended = await db.Enrolments.FirstAsync(e => e.VoInstitutionId == horizon && e.EndDate != null, Ct);
            var pupil = await db.Pupils.SingleAsync(p => p.Id == ended.PupilId, Ct);
            var others = await db.Enrolments.Where(e => e.PupilId == pupil.Id).ToListAsync(Ct);
            var route = await db.Routes.SingleAsync(r => r.Id == greenRoute, Ct);
            var today = DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime);
            var groeneVallei = Actor.Coordinator(Guid.NewGuid(), institutions.Single(i => i.Brin.Value == "21CD").Id);
            var moved = Enrolment.Start(
                pupil, route, groeneVallei.InstitutionId!.Value, institutions.Single(i => i.Brin.Value == "25PG").Id, today, others, groeneVallei, today);
            Assert.True(moved.IsSuccess, moved.ToString());
            db.Enrolments.Add(moved.Value);
            await db.SaveChangesAsync(Ct);
            (horizonEnrolment, greenEnrolment) = (ended.Id, moved.Value.Id);
        }

        Assert.NotNull(await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.UnrelatedCoordinator)).ExecuteAsync(greenEnrolment, Ct));
        Assert.NotNull(await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.VoCoordinator)).ExecuteAsync(horizonEnrolment, Ct));

        var forHorizon = await (await app.ServiceAsAsync<PupilAccessHistoryQuery>(SignIn.VoCoordinator)).ExecuteAsync(horizonEnrolment, Ct);
        var forGreen = await (await app.ServiceAsAsync<PupilAccessHistoryQuery>(SignIn.UnrelatedCoordinator)).ExecuteAsync(greenEnrolment, Ct);
        var forAdministrator = await (await app.ServiceAsAsync<PupilAccessHistoryQuery>(SignIn.Administrator)).ExecuteAsync(horizonEnrolment, Ct);

        Assert.Contains(forHorizon!, l => l.ActorEmail == SignIn.VoCoordinator);
        Assert.DoesNotContain(forHorizon!, l => l.ActorEmail == SignIn.UnrelatedCoordinator || l.Institution == "Groene Vallei vmbo");
        Assert.Contains(forGreen!, l => l.ActorEmail == SignIn.UnrelatedCoordinator);
        Assert.DoesNotContain(forGreen!, l => l.ActorEmail == SignIn.VoCoordinator || l.Institution == "Vakcollege De Horizon");
        Assert.Contains(forAdministrator!, l => l.ActorEmail == SignIn.UnrelatedCoordinator);
        Assert.Contains(forAdministrator!, l => l.ActorEmail == SignIn.VoCoordinator);
    }

    [Fact]
    public async Task R_PRIV_2_a_refused_page_is_one_line_per_visit()
    {
        var (_, enrolment) = await _kit.HorizonPupilAsync(skip: 6);
        using var outsider = await app.SignedInClientAsync(SignIn.UnrelatedCoordinator);

        using var page = await outsider.GetAsync($"/leerlingen/{enrolment.Id}", Ct);
        Assert.Null(await (await app.ServiceAsAsync<EnrolmentDetailsQuery>(SignIn.UnrelatedCoordinator)).ExecuteAsync(enrolment.Id, Ct));

        Assert.Single(await _kit.AuditOfAsync(SignIn.UnrelatedCoordinator), a => a.Kind == AuditKind.AccessRefused && a.ObjectId == enrolment.Id);
    }
}

/// <summary>R-PRIV-3 under load: several tabs at once cannot each spend the whole allowance.</summary>
public sealed class PupilNumberLimitConcurrencyTests(LowLimitApp app) : IClassFixture<LowLimitApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PRIV_3_simultaneous_look_ups_get_no_more_answers_than_the_limit()
    {
        var today = DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime);
        var tabs = new List<Task<Domain.Common.Result<FundingPhaseAnswer>>>();
        for (var i = 0; i < 3 * LowLimitApp.Limit; i++)
        {
            var lookup = await app.ServiceAsAsync<FundingPhaseLookup>(SignIn.UnrelatedCoordinator); // one per tab (circuit)
            tabs.Add(lookup.ExecuteAsync(ImportKit.NewNumber(), today, Ct));
        }

        var answers = await Task.WhenAll(tabs);

        var answered = answers.Count(a => a.Errors.SequenceEqual([FundingPhaseLookup.NotFound]));
        Assert.InRange(answered, 0, LowLimitApp.Limit);
        Assert.All(answers, a => Assert.True(a.Errors.SequenceEqual([FundingPhaseLookup.NotFound]) || a.Errors.SequenceEqual([PupilErrors.NumbersBlocked])));
    }
}

/// <summary>A configuration that would wipe the audit log is refused at start.</summary>
public sealed class PrivacyOptionsTests
{
    [Fact]
    public void R_PRIV_2_a_retention_shorter_than_30_days_stops_the_start()
    {
        using var app = new ZeroRetentionApp();

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Privacy:AuditRetention", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class ZeroRetentionApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Privacy:AuditRetention"] = "00:00:00" }));
        }
    }
}
