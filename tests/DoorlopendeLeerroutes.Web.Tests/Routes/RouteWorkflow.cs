using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Routes;

/// <summary>Drives the route use cases as the demo people would, for the workflow tests.</summary>
public sealed class RouteWorkflow(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly Dictionary<AgreementItem, int> MandatoryPages = new()
    {
        [AgreementItem.TransferOption] = 2, [AgreementItem.JoiningAndChanges] = 3, [AgreementItem.ProgrammeAndResponsibilities] = 1,
    };

    public async Task<RouteForm> NewFormAsync(string name)
    {
        await using var db = await app.OpenDbContextAsync();
        var institutions = await db.Institutions.ToListAsync(Ct);
        var horizon = institutions.Single(i => i.Brin.Value == "05KO");
        var roc = institutions.Single(i => i.Brin.Value == "25PG");
        return new RouteForm
        {
            Name = name, Type = RouteType.Continuous, Profile = VmboProfile.BouwenWonenInterieur, Tracks = [Track.KB],
            Crebo = "25140", Level = MboLevel.Level3, EntryYear = 3,
            FirstSchoolYear = SchoolYear.Containing(DutchTime.Today(DateTime.UtcNow)).ToString(),
            Partners =
            [
                new PartnerLine { InstitutionId = horizon.Id, Name = horizon.Name, Brin = "05KO", Sector = horizon.Sector },
                new PartnerLine { InstitutionId = roc.Id, Name = roc.Name, Brin = "25PG", Sector = roc.Sector },
            ],
        };
    }

    public async Task<Guid> CreateAsync(string name, SchoolYear? firstSchoolYear = null)
    {
        var form = await NewFormAsync(name);
        if (firstSchoolYear is not null)
        {
            form.FirstSchoolYear = firstSchoolYear.ToString();
        }

        var created = await (await app.ServiceAsAsync<CreateRoute>(SignIn.VoCoordinator)).ExecuteAsync(form, Ct);
        Assert.True(created.IsSuccess, created.ToString());
        return created.Value;
    }

    public async Task<RouteDetails> DetailsAsync(Guid routeId, string asUser = SignIn.Administrator) =>
        (await (await app.ServiceAsAsync<RouteDetailsQuery>(asUser)).ExecuteAsync(routeId, Ct))!;

    public async Task<Result> AddAgreementAsync(
        Guid routeId, byte[] pdf, string fileName = "overeenkomst.pdf", IReadOnlyDictionary<AgreementItem, int>? pages = null,
        string asUser = SignIn.VoCoordinator, DateOnly? signedOn = null)
    {
        var details = await DetailsAsync(routeId);
        await using var content = new MemoryStream(pdf);
        return await (await app.ServiceAsAsync<AddAgreement>(asUser)).ExecuteAsync(routeId, new AgreementUpload(
            content, fileName, AgreementKind.CooperationAgreement, signedOn ?? DutchTime.Today(DateTime.UtcNow).AddDays(-7),
            pages ?? MandatoryPages, false, false, SignedByAllPartners: true, details.Version), Ct);
    }

    public async Task<Result> ConfirmAsync(Guid routeId, string asUser) =>
        await (await app.ServiceAsAsync<ConfirmParticipation>(asUser)).ExecuteAsync(routeId, (await DetailsAsync(routeId)).Version, Ct);

    public async Task<Result> SubmitAsync(Guid routeId, string asUser = SignIn.VoCoordinator) =>
        await (await app.ServiceAsAsync<SubmitRoute>(asUser)).ExecuteAsync(routeId, (await DetailsAsync(routeId)).Version, Ct);

    public async Task<Result> RegisterAsync(Guid routeId, string asUser = SignIn.Administrator) =>
        await (await app.ServiceAsAsync<RegisterRoute>(asUser)).ExecuteAsync(routeId, (await DetailsAsync(routeId)).Version, Ct);

    public async Task<Result> RejectAsync(Guid routeId, string? reason, string asUser = SignIn.Administrator) =>
        await (await app.ServiceAsAsync<RejectRoute>(asUser)).ExecuteAsync(routeId, (await DetailsAsync(routeId)).Version, reason, Ct);

    /// <summary>Agreement (signed a week ago, or on <paramref name="signedOn"/>), both partners confirm, submitted.</summary>
    public async Task ReadyAndSubmitAsync(Guid routeId, bool withAgreement = true, DateOnly? signedOn = null)
    {
        if (withAgreement)
        {
            Ok(await AddAgreementAsync(routeId, TestPdf.Agreement(), signedOn: signedOn));
        }

        Ok(await ConfirmAsync(routeId, SignIn.VoCoordinator));
        Ok(await ConfirmAsync(routeId, SignIn.MboCoordinator));
        Ok(await SubmitAsync(routeId));
    }

    /// <summary>A new route of the demo partners, made ready, submitted and registered; its id.</summary>
    public async Task<Guid> RegisteredAsync(string name)
    {
        var id = await CreateAsync(name);
        await ReadyAndSubmitAsync(id);
        Ok(await RegisterAsync(id));
        return id;
    }

    public static void Ok(Result result) => Assert.True(result.IsSuccess, result.ToString());

    public static void Refused(Result result, string code) =>
        Assert.True(result.Errors.Any(e => e.Code == code), $"Expected {code}, got: {result}");
}
