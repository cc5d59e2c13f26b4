using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Privacy;

/// <summary>
/// R-PRIV-1: whatever a coordinator enters for a number of another school's pupil — right details, wrong details — the
/// answer is the same and says only that the number cannot be enrolled here. Tried in the enrol form, the import preview
/// and the look-up, as the coordinator of an unrelated school (Groene Vallei) with a pupil of De Horizon.
/// </summary>
public sealed class PupilNumberOracleTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    private readonly PrivacyKit _kit = new(app);
    private readonly ImportKit _import = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PRIV_1_enrol_form_answers_the_same_for_right_and_wrong_details_of_another_schools_pupil()
    {
        var route = await _kit.GroeneValleiRouteAsync();
        var (pupil, _) = await _kit.HorizonPupilAsync();
        var before = await _import.StoredAsync();

        var right = await EnrolAsync(route, pupil.Number.Value, pupil.LastName, pupil.BirthDate);
        var wrongName = await EnrolAsync(route, pupil.Number.Value, "Iemand-Anders", pupil.BirthDate);
        var wrongBirthDate = await EnrolAsync(route, pupil.Number.Value, pupil.LastName, pupil.BirthDate.AddDays(3));

        foreach (var answer in new[] { right, wrongName, wrongBirthDate })
        {
            Assert.Equal([PupilErrors.CannotEnrolHere], answer.Errors);
        }

        // Nothing says where or whether the pupil is enrolled.
        Assert.DoesNotContain("ingeschreven in", PupilErrors.CannotEnrolHere.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("beheerder", PupilErrors.CannotEnrolHere.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _import.StoredAsync());
    }

    [Fact]
    public async Task R_PRIV_1_import_preview_answers_the_same_for_right_and_wrong_details_of_another_schools_pupil()
    {
        var route = await _kit.GroeneValleiRouteAsync();
        var (pupil, _) = await _kit.HorizonPupilAsync(skip: 1);
        var birth = ImportKit.Date(pupil.BirthDate);

        var right = await PreviewAsync(route, ImportKit.Row(pupil.Number.Value, lastName: pupil.LastName, birthDate: birth));
        var wrongName = await PreviewAsync(route, ImportKit.Row(pupil.Number.Value, lastName: "Iemand-Anders", birthDate: birth));
        var wrongBirth = await PreviewAsync(route, ImportKit.Row(pupil.Number.Value, lastName: pupil.LastName, birthDate: ImportKit.Date(pupil.BirthDate.AddDays(-40))));

        var expected = "regel 2, kolom Leerlingnummer: " + PupilErrors.CannotEnrolHere.Message;
        foreach (var preview in new[] { right, wrongName, wrongBirth })
        {
            Assert.Equal([expected], preview.Errors.Select(e => e.Text));
            Assert.Empty(preview.Lines);
        }
    }

    [Fact]
    public async Task R_PRIV_1_look_up_answers_the_same_for_another_schools_pupil_and_an_unknown_number()
    {
        var (pupil, _) = await _kit.HorizonPupilAsync(skip: 2);
        var lookup = await app.ServiceAsAsync<FundingPhaseLookup>(SignIn.UnrelatedCoordinator);
        var today = DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime);

        var foreign = await lookup.ExecuteAsync(pupil.Number.Value, today, Ct);
        var unknown = await lookup.ExecuteAsync(ImportKit.NewNumber(), today, Ct);

        Assert.Equal([FundingPhaseLookup.NotFound], foreign.Errors);
        Assert.Equal(foreign.Errors, unknown.Errors);
    }

    [Fact]
    public async Task R_PRIV_1_own_schools_pupil_still_gets_the_details_check()
    {
        // A pupil whose enrolment at the user's own school ended may be enrolled again; a typo in the details is named.
        var route = await _import.NewRouteAsync("Eigen leerling");
        var number = ImportKit.NewNumber();
        await _import.ImportAsync(route, ImportKit.File(ImportKit.Row(number)));

        var second = await _import.NewRouteAsync("Tweede route");
        var preview = await _import.PreviewAsync(second, ImportKit.File(ImportKit.Row(number, lastName: "Pietersen")));

        Assert.Contains(preview.Errors, e => e.Code == PupilErrors.DetailsDoNotMatch.Code);
        Assert.DoesNotContain(preview.Errors, e => e.Code == PupilErrors.CannotEnrolHere.Code);
    }

    [Fact]
    public async Task R_PRIV_2_R_PRIV_3_refusals_are_recorded_without_the_number()
    {
        var route = await _kit.GroeneValleiRouteAsync();
        var (pupil, _) = await _kit.HorizonPupilAsync(skip: 3);
        var before = (await _kit.AuditOfAsync(SignIn.UnrelatedCoordinator)).Where(a => a.Kind == AuditKind.PupilNumberRefused).Sum(a => a.Count ?? 1);

        await EnrolAsync(route, pupil.Number.Value, pupil.LastName, pupil.BirthDate);
        await PreviewAsync(route, ImportKit.Row(pupil.Number.Value, lastName: pupil.LastName, birthDate: ImportKit.Date(pupil.BirthDate)));

        var refused = (await _kit.AuditOfAsync(SignIn.UnrelatedCoordinator)).Where(a => a.Kind == AuditKind.PupilNumberRefused).ToList();
        Assert.Equal(before + 2, refused.Sum(a => a.Count ?? 1));
        Assert.Contains(refused, a => a.Detail == "inschrijven" && a.ObjectId == route);
        Assert.Contains(refused, a => a.Detail == "importeren" && a.ObjectId == route);
        Assert.All(refused, a => Assert.NotNull(a.ActorInstitutionId));
        Assert.DoesNotContain(pupil.Number.Value, await _kit.WholeAuditLogAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(pupil.Number.Value[1..], await _kit.WholeAuditLogAsync(), StringComparison.Ordinal);
    }

    private async Task<Result<Guid>> EnrolAsync(Guid route, string number, string lastName, DateOnly birthDate)
    {
        await using var db = await app.OpenDbContextAsync();
        var institutions = db.Institutions.ToList();
        var form = new EnrolForm
        {
            PupilNumber = number, LastName = lastName, FirstName = "Onbekend", BirthDate = birthDate,
            StartDate = DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime),
            VoInstitutionId = institutions.Single(i => i.Brin.Value == "21CD").Id,
            MboInstitutionId = institutions.Single(i => i.Brin.Value == "25PG").Id,
            Phase = Phase.Vo,
        };
        return await (await app.ServiceAsAsync<EnrolPupil>(SignIn.UnrelatedCoordinator)).ExecuteAsync(route, form, Ct);
    }

    private Task<PupilImportPreview> PreviewAsync(Guid route, string row) =>
        _import.PreviewAsync(route, ImportKit.File(row), SignIn.UnrelatedCoordinator);
}
