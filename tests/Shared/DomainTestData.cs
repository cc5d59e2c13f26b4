using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Tests.Shared;

/// <summary>
/// Fixed, valid test data for tests of the domain and of the logic above it that needs no database (Domain.Tests,
/// Application.Tests link this file). Every moment is a fixed UTC value (never the clock), every failure of the builder itself
/// throws with the domain's own message so a broken fixture is obvious.
/// </summary>
internal static class TestData
{
    public const string RouteCode = "LR-2025-0001";
    public const string ValidBsn = "111222333";
    public const string ValidEducationNumber = "101222331";

    // The SHA-256 of the empty string: 64 lower-case hex digits, as the file store produces them.
    public const string Sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static readonly SchoolYear FirstSchoolYear = SchoolYear.FromStartYear(2025);

    public static readonly DateTime CreatedAt = Utc(2025, 3, 3, 9, 0);
    public static readonly DateOnly SignedOn = new(2025, 3, 1);
    public static readonly DateTime AgreementAddedAt = Utc(2025, 3, 3, 10, 0);
    public static readonly DateTime ConfirmedAt = Utc(2025, 3, 4, 11, 0);
    public static readonly DateTime SubmittedAt = Utc(2025, 3, 5, 12, 0);
    public static readonly DateTime RegisteredAt = Utc(2025, 4, 15, 13, 0);

    /// <summary>"Today" for enrolments (R-PRIV-4 limits start dates to 2 school years ahead of it): 1 October 2025.</summary>
    public static readonly DateOnly Today = new(2025, 10, 1);

    /// <summary>A pupil aged 15 at the start of school year 2025-2026.</summary>
    public static readonly DateOnly BirthDate = new(2010, 5, 1);

    public static DateTime Utc(int year, int month, int day, int hour = 12, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static Institution VoSchool(string brin = "05KO", string board = "41234") =>
        Ok(Institution.Create(brin, "Vmbo De Brug", Sector.Vo, board, "Stichting De Brug"));

    public static Institution MboCollege(string brin = "25LX", string board = "30001") =>
        Ok(Institution.Create(brin, "ROC Midden", Sector.Mbo, board, "Stichting ROC Midden"));

    public static Actor Administrator() => Actor.Administrator(Guid.NewGuid());

    public static Actor CoordinatorOf(Institution institution) => Actor.Coordinator(Guid.NewGuid(), institution.Id);

    public static Actor ViewerOf(Institution institution) => Actor.Viewer(Guid.NewGuid(), institution.Id);

    public static Result<RouteDefinition> Definition(
        RouteType type = RouteType.Continuous,
        MboLevel level = MboLevel.Level3,
        Track[]? tracks = null,
        int entryYear = 3,
        string? crebo = "25180",
        string? trainingDomain = null,
        bool includesWorkBasedTrack = false,
        SchoolYear? firstSchoolYear = null,
        string? name = "Techniek vmbo-mbo",
        VmboProfile profile = VmboProfile.ProducerenInstallerenEnergie,
        TeachingLocation location = TeachingLocation.Both) =>
        RouteDefinition.Create(
            name, type, profile, tracks ?? [Track.KB], crebo, trainingDomain, level, entryYear,
            firstSchoolYear ?? FirstSchoolYear, location, includesWorkBasedTrack);

    public static RouteDefinition ValidDefinition(
        RouteType type = RouteType.Continuous, MboLevel level = MboLevel.Level3, Track[]? tracks = null, int entryYear = 3,
        TeachingLocation location = TeachingLocation.Both) =>
        Ok(Definition(type, level, tracks, entryYear, location: location));

    public static StoredFile Pdf(int pageCount = 12, long sizeBytes = 350_000) =>
        Ok(StoredFile.Create("agreements/2025/3f2a9c.pdf", "SOK techniek.pdf", sizeBytes, Sha256, pageCount));

    /// <summary>Pages for the three items R-AGR-2 always demands.</summary>
    public static Dictionary<AgreementItem, int> MandatoryPages() => new()
    {
        [AgreementItem.TransferOption] = 3,
        [AgreementItem.JoiningAndChanges] = 5,
        [AgreementItem.ProgrammeAndResponsibilities] = 7,
    };

    public static Pupil NewPupil(string number = ValidBsn, DateOnly? birthDate = null) =>
        Ok(Pupil.Create(number, "Berg", "van der", "Jan", birthDate ?? BirthDate));

    /// <summary>Enrols a new pupil in a registered test route, by the vo coordinator.</summary>
    public static Enrolment Enrol(TestRoute route, DateOnly start, Pupil? pupil = null) =>
        Ok(Enrolment.Start(
            pupil ?? NewPupil(), route.Route, route.VoSchool.Id, route.MboCollege.Id, start, [], route.VoCoordinator, Today));

    /// <summary>The projection the count works on, as the report query makes it.</summary>
    public static CountEnrolment ToCount(Enrolment enrolment, int entryYear = 3) => new(
        enrolment.Id, enrolment.PupilId, enrolment.RouteId, entryYear, enrolment.StartDate, enrolment.EndDate,
        enrolment.VoInstitutionId, enrolment.MboInstitutionId, [.. enrolment.Phases.Select(p => p.ToRecord())]);

    public static CountEnrolment CountEnrolment(
        DateOnly start, DateOnly? end = null, int entryYear = 3, Guid? routeId = null, Guid? vo = null, Guid? mbo = null,
        params PhaseRecord[] phases) => new(
        Guid.NewGuid(), Guid.NewGuid(), routeId ?? Guid.NewGuid(), entryYear, start, end, vo ?? Guid.NewGuid(),
        mbo ?? Guid.NewGuid(), phases);

    public static T Ok<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException("Invalid test data: " + result);

    public static void Ok(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException("Invalid test data: " + result);
        }
    }
}

/// <summary>A route between one vo school and one mbo institution of different boards, with the people who act on it.</summary>
internal sealed class TestRoute
{
    private TestRoute(Institution voSchool, Institution mboCollege, Actor voCoordinator, Route route)
    {
        VoSchool = voSchool;
        MboCollege = mboCollege;
        VoCoordinator = voCoordinator;
        MboCoordinator = TestData.CoordinatorOf(mboCollege);
        VoViewer = TestData.ViewerOf(voSchool);
        Administrator = TestData.Administrator();
        Route = route;
    }

    public Institution VoSchool { get; }

    public Institution MboCollege { get; }

    public Actor VoCoordinator { get; }

    public Actor MboCoordinator { get; }

    public Actor VoViewer { get; }

    public Actor Administrator { get; }

    public Route Route { get; }

    public List<RoutePartnerInput> Partners => [new(VoSchool), new(MboCollege)];

    public static TestRoute Draft(RouteDefinition? definition = null, Institution? voSchool = null, Institution? mboCollege = null)
    {
        var vo = voSchool ?? TestData.VoSchool();
        var mbo = mboCollege ?? TestData.MboCollege();
        var coordinator = TestData.CoordinatorOf(vo);
        var route = TestData.Ok(Route.Create(
            TestData.RouteCode, definition ?? TestData.ValidDefinition(), [new(vo), new(mbo)], coordinator, TestData.CreatedAt));
        return new TestRoute(vo, mbo, coordinator, route);
    }

    /// <summary>Draft → agreement → both partners confirm → submitted → registered.</summary>
    public static TestRoute Registered(RouteDefinition? definition = null, DateTime? registeredAt = null) =>
        Draft(definition).WithAgreement().ConfirmedByAll().Submitted().Register(registeredAt);

    public TestRoute WithAgreement(AgreementKind kind = AgreementKind.CooperationAgreement)
    {
        TestData.Ok(Route.AddAgreement(
            kind, TestData.SignedOn, TestData.Pdf(), TestData.MandatoryPages(), fundingTransferred: false,
            usesLegalRoom: false, VoCoordinator, TestData.AgreementAddedAt));
        return this;
    }

    public TestRoute ConfirmedByAll()
    {
        ConfirmAll(Route);
        return this;
    }

    public void ConfirmAll(Route route)
    {
        TestData.Ok(route.ConfirmParticipation(VoSchool.Id, VoCoordinator, TestData.ConfirmedAt));
        TestData.Ok(route.ConfirmParticipation(MboCollege.Id, MboCoordinator, TestData.ConfirmedAt));
    }

    public TestRoute Submitted()
    {
        TestData.Ok(Route.Submit(VoCoordinator, TestData.SubmittedAt));
        return this;
    }

    public TestRoute Register(DateTime? at = null)
    {
        TestData.Ok(Route.Register(Administrator, at ?? TestData.RegisteredAt));
        return this;
    }
}

internal static class AssertResult
{
    public static void Succeeds(Result result) => Assert.True(result.IsSuccess, "Expected success, got: " + result);

    public static void Fails(Result result, string code)
    {
        Assert.True(result.IsFailure, $"Expected failure '{code}', got success.");
        Assert.Contains(code, result.Errors.Select(e => e.Code));
    }

    public static void FailsOnly(Result result, string code)
    {
        Assert.True(result.IsFailure, $"Expected failure '{code}', got success.");
        Assert.Equal([code], result.Errors.Select(e => e.Code));
    }

    public static void HasWarning(Result result, string code) => Assert.Contains(code, result.Warnings.Select(w => w.Code));

    public static void HasNoWarning(Result result, string code) =>
        Assert.DoesNotContain(code, result.Warnings.Select(w => w.Code));
}
