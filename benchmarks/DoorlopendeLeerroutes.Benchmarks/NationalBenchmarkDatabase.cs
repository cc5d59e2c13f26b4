using System.Globalization;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// The national picture (issue 16): the demo data plus <see cref="RouteCount"/> registered routes between
/// <see cref="VoSchools"/> vo schools and <see cref="MboInstitutions"/> mbo institutions spread over the twelve provinces,
/// and <see cref="PupilCount"/> pupils on them (40 per route), all added through the domain. Every type, profiel, niveau
/// and leerweg occurs; every fifth pupil has no leerweg, every twentieth no phase on the count date. Built once into its own
/// template file, like <see cref="BenchmarkDatabase"/>.
/// </summary>
public static class NationalBenchmarkDatabase
{
    public const int RouteCount = 1_500;
    public const int PupilCount = 60_000;
    public const int VoSchools = 300;
    public const int MboInstitutions = 60;

    // Raise when the way the data is generated changes, so an old template is not reused.
    private const int DataVersion = 1;

    private static readonly VmboProfile[] Profiles = Enum.GetValues<VmboProfile>();

    public static Task<BenchmarkDatabase> OpenAsync() =>
        BenchmarkDatabase.OpenAsync($"national-v{DataVersion}-{RouteCount}-{PupilCount}-{BenchmarkDatabase.CountedYear}.db", AddAsync);

    private static async Task AddAsync(IDbContextFactory<AppDbContext> contexts)
    {
        var year = BenchmarkDatabase.CountedYear;
        var nowUtc = DateTime.UtcNow;
        var today = DutchTime.Today(nowUtc);
        var admin = Actor.Administrator(DemoData.AdministratorUserId);
        var setUp = DutchTime.StartOfDayUtc(year.FirstDay.AddYears(-1));
        var pupilsPerRoute = PupilCount / RouteCount;

        await using (var db = await contexts.CreateDbContextAsync())
        {
            for (var i = 0; i < VoSchools + MboInstitutions; i++)
            {
                var vo = i < VoSchools;
                var province = Provinces.All[i % Provinces.All.Count];
                var institution = Institution.Create(
                    Brin(i), (vo ? "Vmbo-school " : "Mbo-instelling ") + i.ToString(CultureInfo.InvariantCulture),
                    vo ? Sector.Vo : Sector.Mbo, (70000 + i).ToString(CultureInfo.InvariantCulture), "Bestuur " + i.ToString(CultureInfo.InvariantCulture)).Value;
                Check(institution.SetPlace("Gemeente " + (i % 150).ToString(CultureInfo.InvariantCulture), province, "RMC-regio " + (i % 39).ToString(CultureInfo.InvariantCulture)));
                db.Institutions.Add(institution);
            }

            await db.SaveChangesAsync();
        }

        const int routesPerBatch = 100;
        var pupilNumber = 0;
        for (var batchStart = 0; batchStart < RouteCount; batchStart += routesPerBatch)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var institutions = await db.Institutions.Where(i => i.Name.StartsWith("Vmbo-school ") || i.Name.StartsWith("Mbo-instelling ")).ToListAsync();
            var voSchools = institutions.Where(i => i.Sector == Sector.Vo).OrderBy(i => i.Brin.Value).ToList();
            var mbos = institutions.Where(i => i.Sector == Sector.Mbo).OrderBy(i => i.Brin.Value).ToList();
            var file = (await db.Routes.AsNoTracking().Include(r => r.Agreements).FirstAsync(r => r.Agreements.Count > 0)).CurrentAgreement!.File;

            for (var r = batchStart; r < Math.Min(RouteCount, batchStart + routesPerBatch); r++)
            {
                var vo = voSchools[r % voSchools.Count];
                var mbo = mbos[r % mbos.Count];
                var voCoordinator = Actor.Coordinator(Guid.NewGuid(), vo.Id);
                var mboCoordinator = Actor.Coordinator(Guid.NewGuid(), mbo.Id);
                var integrated = r % 4 == 3;
                Track[] tracks = integrated ? [Track.BB] : [(Track)(1 + (r % 4)), (Track)(1 + ((r + 1) % 4))];
                var level = integrated ? MboLevel.Level2 : (MboLevel)(2 + (r % 3));
                var definition = RouteDefinition.Create(
                    "Route " + r.ToString(CultureInfo.InvariantCulture), integrated ? RouteType.Integrated : RouteType.Continuous,
                    Profiles[r % Profiles.Length], tracks, (25000 + r).ToString(CultureInfo.InvariantCulture), null, level, 3,
                    SchoolYear.FromStartYear(year.StartYear - 1), TeachingLocation.Both).Value;
                var route = Route.Create(
                    $"LR-N-{r:00000}", definition, [new RoutePartnerInput(vo), new RoutePartnerInput(mbo)], voCoordinator, setUp).Value;
                Check(route.AddAgreement(
                    AgreementKind.CooperationAgreement, DutchTime.Today(setUp).AddDays(-30), file,
                    new Dictionary<AgreementItem, int>
                    {
                        [AgreementItem.TransferOption] = 4, [AgreementItem.JoiningAndChanges] = 9, [AgreementItem.ProgrammeAndResponsibilities] = 5,
                    },
                    false, false, voCoordinator, setUp));
                Check(route.ConfirmParticipation(vo.Id, voCoordinator, setUp));
                Check(route.ConfirmParticipation(mbo.Id, mboCoordinator, setUp));
                Check(route.Submit(voCoordinator, setUp));
                Check(route.Register(admin, setUp.AddDays(7)));
                db.Routes.Add(route);

                for (var p = 0; p < pupilsPerRoute; p++, pupilNumber++)
                {
                    var start = p % 2 == 0 ? year.FirstDay.AddYears(-1).AddDays(20) : year.FirstDay.AddDays(20);
                    var pupil = Pupil.Create(
                        PupilNumbers.Make(BenchmarkDatabase.PupilCount + pupilNumber), $"Landelijk{pupilNumber}", null,
                        $"Voornaam{pupilNumber % 500}", start.AddYears(-15)).Value;
                    var enrolment = Enrolment.Start(pupil, route, vo.Id, mbo.Id, start, [], voCoordinator, today).Value;
                    if (pupilNumber % 5 != 4)
                    {
                        Check(enrolment.SetTrack(tracks[p % tracks.Length], route, voCoordinator));
                    }

                    if (pupilNumber % 20 != 19)
                    {
                        var recorded = DutchTime.StartOfDayUtc(start).AddHours(10);
                        Check(enrolment.RecordPhase(p % 2 == 0 ? Phase.Mbo : Phase.Vo, start, voCoordinator, recorded < nowUtc ? recorded : nowUtc.AddMinutes(-1)));
                    }

                    db.Pupils.Add(pupil);
                    db.Enrolments.Add(enrolment);
                }
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>Distinct BRIN codes (2 digits + 2 capitals) that the demo's own (05KO, 12AB, …) never meet: 40AA onwards.</summary>
    private static string Brin(int index) =>
        (40 + (index / 676)).ToString("00", CultureInfo.InvariantCulture) + (char)('A' + (index / 26 % 26)) + (char)('A' + (index % 26));

    private static void Check(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException("Benchmark data refused by the domain: " + result);
        }
    }
}
