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
/// One national data set: <see cref="SchoolYears"/> cohorts of <see cref="NationalBenchmarkDatabase.PupilCount"/> pupils
/// between <see cref="VoSchools"/> generated vo schools and <see cref="MboInstitutions"/> generated mbo institutions (the
/// demo data adds 3 of each).
/// </summary>
public sealed record NationalDataSet(int SchoolYears, int VoSchools, int MboInstitutions)
{
    /// <summary>The monitor's set (issue 16): 303 vo, 63 mbo, the counted school year only.</summary>
    public static NationalDataSet Monitor { get; } = new(1, 300, 60);

    /// <summary>Issue 17: 713 institutions (650 vo, 63 mbo, with the demo's 3 + 3), the counted school year only.</summary>
    public static NationalDataSet OneYear { get; } = new(1, 647, 60);

    /// <summary>Issue 17: the same institutions and routes, and the four school years before the counted one as well.</summary>
    public static NationalDataSet FiveYears { get; } = new(5, 647, 60);

    public int Institutions => VoSchools + MboInstitutions + 6;

    public string TemplateName(int dataVersion) =>
        $"national-v{dataVersion}-{SchoolYears}y-{VoSchools}vo-{MboInstitutions}mbo-"
        + $"{NationalBenchmarkDatabase.RouteCount}-{NationalBenchmarkDatabase.PupilCount}-{BenchmarkDatabase.CountedYear}.db";
}

/// <summary>
/// The national picture (issues 16 and 17): the demo data plus <see cref="RouteCount"/> registered routes between the
/// vo schools and mbo institutions of a <see cref="NationalDataSet"/>, spread over the twelve provinces, and per school year
/// a cohort of <see cref="PupilCount"/> pupils on them (40 per route), all made through the domain. Every type, profiel,
/// niveau and leerweg occurs; every fifth pupil has no leerweg, every twentieth no phase on the count date. The counted
/// school year's cohort is the same in every set; the cohorts of earlier years carry phase histories (vo, then mbo; some
/// recorded too late, some corrected) and ended on the last day of their school year, so they are stored but no longer
/// counted. Built once per set into its own template file, like <see cref="BenchmarkDatabase"/>: the objects through the
/// domain, saved in batches of 5,000 pupils with change detection off.
/// </summary>
public static class NationalBenchmarkDatabase
{
    public const int RouteCount = 1_500;
    public const int PupilCount = 60_000;

    // Raise when the way the data is generated changes, so an old template is not reused.
    private const int DataVersion = 2;

    private const int RoutesPerBatch = 125; // 5,000 pupils per SaveChanges

    private static readonly VmboProfile[] Profiles = Enum.GetValues<VmboProfile>();

    private static readonly EnrolmentOutcome[] Outcomes = [EnrolmentOutcome.Completed, EnrolmentOutcome.TransferOption, EnrolmentOutcome.Moved];

    /// <summary>The monitor's set (<see cref="NationalDataSet.Monitor"/>).</summary>
    public static Task<BenchmarkDatabase> OpenAsync() => OpenAsync(NationalDataSet.Monitor);

    public static Task<BenchmarkDatabase> OpenAsync(NationalDataSet set) =>
        BenchmarkDatabase.OpenAsync(set.TemplateName(DataVersion), contexts => AddAsync(contexts, set));

    /// <summary>BRIN of the <paramref name="index"/>-th generated vo school (0 … VoSchools − 1).</summary>
    public static string VoSchoolBrin(int index) => Brin(index);

    /// <summary>BRIN of the <paramref name="index"/>-th generated mbo institution.</summary>
    public static string MboInstitutionBrin(NationalDataSet set, int index) => Brin(set.VoSchools + index);

    private static async Task AddAsync(IDbContextFactory<AppDbContext> contexts, NationalDataSet set)
    {
        var year = BenchmarkDatabase.CountedYear;
        var nowUtc = DateTime.UtcNow;
        var today = DutchTime.Today(nowUtc);
        var admin = Actor.Administrator(DemoData.AdministratorUserId);
        var firstYear = SchoolYear.FromStartYear(year.StartYear - set.SchoolYears);
        var setUp = DutchTime.StartOfDayUtc(firstYear.FirstDay);
        var pupilsPerRoute = PupilCount / RouteCount;

        await using (var db = await contexts.CreateDbContextAsync())
        {
            for (var i = 0; i < set.VoSchools + set.MboInstitutions; i++)
            {
                var vo = i < set.VoSchools;
                var province = Provinces.All[i % Provinces.All.Count];
                var institution = Institution.Create(
                    Brin(i), (vo ? "Vmbo-school " : "Mbo-instelling ") + i.ToString(CultureInfo.InvariantCulture),
                    vo ? Sector.Vo : Sector.Mbo, (70000 + i).ToString(CultureInfo.InvariantCulture), "Bestuur " + i.ToString(CultureInfo.InvariantCulture)).Value;
                Check(institution.SetPlace("Gemeente " + (i % 150).ToString(CultureInfo.InvariantCulture), province, "RMC-regio " + (i % 39).ToString(CultureInfo.InvariantCulture)));
                db.Institutions.Add(institution);
            }

            await db.SaveChangesAsync();
        }

        // The routes in one save; they stay in memory (detached) for the domain's checks when pupils are enrolled.
        var routes = new List<(Route Route, Guid Vo, Guid Mbo, Actor Coordinator, Track[] Tracks)>(RouteCount);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var institutions = await db.Institutions.Where(i => i.Name.StartsWith("Vmbo-school ") || i.Name.StartsWith("Mbo-instelling ")).ToListAsync();
            var voSchools = institutions.Where(i => i.Sector == Sector.Vo).OrderBy(i => i.Brin.Value).ToList();
            var mbos = institutions.Where(i => i.Sector == Sector.Mbo).OrderBy(i => i.Brin.Value).ToList();
            var file = (await db.Routes.AsNoTracking().Include(r => r.Agreements).FirstAsync(r => r.Agreements.Count > 0)).CurrentAgreement!.File;

            for (var r = 0; r < RouteCount; r++)
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
                    firstYear, TeachingLocation.Both).Value;
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
                routes.Add((route, vo.Id, mbo.Id, voCoordinator, tracks));
            }

            await db.SaveChangesAsync();
        }

        // One cohort per school year, the counted one first (its pupils numbered as in every set).
        for (var cohort = 0; cohort < set.SchoolYears; cohort++)
        {
            var cohortYear = SchoolYear.FromStartYear(year.StartYear - cohort);
            for (var batchStart = 0; batchStart < RouteCount; batchStart += RoutesPerBatch)
            {
                await using var db = await contexts.CreateDbContextAsync();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var r = batchStart; r < Math.Min(RouteCount, batchStart + RoutesPerBatch); r++)
                {
                    var (route, vo, mbo, coordinator, tracks) = routes[r];
                    for (var p = 0; p < pupilsPerRoute; p++)
                    {
                        var number = (cohort * PupilCount) + (r * pupilsPerRoute) + p;
                        var start = p % 2 == 0 ? cohortYear.FirstDay.AddYears(-1).AddDays(20) : cohortYear.FirstDay.AddDays(20);
                        var pupil = Pupil.Create(
                            PupilNumbers.Make(BenchmarkDatabase.PupilCount + number), $"Landelijk{number}", null,
                            $"Voornaam{number % 500}", start.AddYears(-15)).Value;
                        var enrolment = Enrolment.Start(pupil, route, vo, mbo, start, [], coordinator, today).Value;
                        if (number % 5 != 4)
                        {
                            Check(enrolment.SetTrack(tracks[p % tracks.Length], route, coordinator));
                        }

                        if (cohort == 0)
                        {
                            CountedYearPhase(enrolment, number, p, start, coordinator, nowUtc);
                        }
                        else
                        {
                            EarlierYearHistory(enrolment, cohortYear, number, p, start, coordinator);
                        }

                        db.Pupils.Add(pupil);
                        db.Enrolments.Add(enrolment);
                    }
                }

                await db.SaveChangesAsync();
            }
        }
    }

    /// <summary>The counted year's cohort: one phase from the start (mbo in the second year), every twentieth none.</summary>
    private static void CountedYearPhase(Enrolment enrolment, int number, int p, DateOnly start, Actor coordinator, DateTime nowUtc)
    {
        if (number % 20 != 19)
        {
            var recorded = DutchTime.StartOfDayUtc(start).AddHours(10);
            Check(enrolment.RecordPhase(p % 2 == 0 ? Phase.Mbo : Phase.Vo, start, coordinator, recorded < nowUtc ? recorded : nowUtc.AddMinutes(-1)));
        }
    }

    /// <summary>
    /// An earlier year's cohort (all in the past): vo from the start; in the second year mbo from 1 August, recorded in
    /// time, or for every twentieth pupil (number 2 of 20) only after the count date (R-COUNT-3: "te laat"); one
    /// first-year pupil in three corrected to mbo after the count date; every twentieth (number 19 of 20) without any
    /// phase. The enrolment ends on the last day of the school year, so it no longer counts in the counted one.
    /// </summary>
    private static void EarlierYearHistory(Enrolment enrolment, SchoolYear year, int number, int p, DateOnly start, Actor coordinator)
    {
        if (number % 20 != 19)
        {
            Check(enrolment.RecordPhase(Phase.Vo, start, coordinator, DutchTime.StartOfDayUtc(start).AddHours(10)));
            if (p % 2 == 0)
            {
                var recorded = number % 20 == 2
                    ? DutchTime.EndOfDayUtc(year.CountDate).AddHours(10)
                    : DutchTime.StartOfDayUtc(year.FirstDay.AddDays(20)).AddHours(9);
                Check(enrolment.RecordPhase(Phase.Mbo, year.FirstDay, coordinator, recorded));
            }
            else if (number % 6 == 1)
            {
                Check(enrolment.RecordPhase(Phase.Mbo, year.CountDate.AddDays(45), coordinator, DutchTime.StartOfDayUtc(year.CountDate.AddDays(46)).AddHours(9)));
            }
        }

        Check(enrolment.End(year.LastDay, Outcomes[number % Outcomes.Length], null, coordinator));
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
