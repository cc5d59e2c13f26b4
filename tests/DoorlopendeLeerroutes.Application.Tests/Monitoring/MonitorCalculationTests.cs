using DoorlopendeLeerroutes.Application.Monitoring;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Application.Tests.Monitoring;

/// <summary>
/// R-MON-3 on a constructed data set whose tables were worked out by hand before the code ran (the expected values below).
/// School year 2025-2026: count date 1-10-2025, cut-off 2-10-2025 00:00 Amsterdam = 1-10-2025 22:00 UTC.
///
/// Routes (code: type, profiel → sector, niveau, registered):
///   LR-1  DLR Z&amp;W → Zorg en welzijn, 3, 2024          LR-2  GLR Groen, 2, 2024
///   LR-3  DLR E&amp;O → Economie, 4, 2025-03              LR-4  DLR PIE → Techniek: v1 niveau 3 (2023), v2 niveau 4 registered
///                                                        3-11-2025 (after the count date; its pupils moved to v2)
///   LR-5  DLR HBR → Overig, 2, 1-10-2025 12:00 UTC      LR-6  GLR D&amp;P → Overig, 2, 1-10-2025 22:30 UTC = 2-10 00:30 NL (too late)
///   LR-7  DLR MVI, ended 31-7-2025                      LR-8  DLR BWI, 3, 2024, no pupils
///   LR-9  draft, never registered                       LR-10 GLR Z&amp;W, 2, ended on the count date itself
///   LR-11 GLR Groen, 2, 1-9-2025, no pupils
/// Registered on the count date: DLR LR-1, 3, 4, 5, 8 = 5; GLR LR-2, 10, 11 = 3; total 8 → 5/8 = 62.5 → 63, 3/8 = 37.5 → 38 (sum 101).
///
/// Vo schools: Alfa College (Utrecht, Utrecht, RMC Utrecht), Beta School (Zwolle, Overijssel, RMC IJssel-Vecht),
/// Gamma Lyceum (Maastricht, Limburg, RMC Zuid-Limburg), Delta School (no place recorded: "onbekend").
///
/// Pupils (route, school, leerweg, phase):
///   p1 LR-1 Alfa KB vo · p2 LR-1 Alfa GL mbo · p3 LR-1 Alfa no leerweg vo · p4 LR-1 Alfa TL ended 30-9 (not active)
///   p5 LR-1 Alfa KB starts 2-10 (not active) · p18 LR-1 Alfa KB vo only from 15-10 (geen fase)
///   p6 LR-1 Beta TL vo · p7 LR-2 Beta BB vo · p8 LR-2 Beta BB no phase (geen fase)
///   p9 LR-2 Beta BB vo recorded 2-10 10:00 (too late: geen fase, R-COUNT-3)
///   p10 LR-3 Gamma GL vo · p11 LR-3 Gamma TL vo, mbo recorded too late (counted once, as vo) · p12 LR-3 Gamma no leerweg mbo
///   p13 LR-4 Gamma KB vo · p14 LR-4 Gamma BB vo · p15 LR-5 Alfa KB vo · p16 LR-6 Delta BB vo · p17 LR-10 Alfa BB vo, ended 1-10
/// Counted: 13 (p1–3, p6, p7, p10–17); active without phase: 3 (p8, p9, p18).
/// </summary>
public sealed class MonitorCalculationTests
{
    private static readonly SchoolYear Year = SchoolYear.FromStartYear(2025);
    private static readonly Guid Mbo = Guid.NewGuid();

    private static readonly MonitorSchool Alfa = new(Guid.NewGuid(), "01AA", "Alfa College", "Utrecht", Province.Utrecht, "Utrecht");
    private static readonly MonitorSchool Beta = new(Guid.NewGuid(), "02BB", "Beta School", "Zwolle", Province.Overijssel, "IJssel-Vecht");
    private static readonly MonitorSchool Gamma = new(Guid.NewGuid(), "03CC", "Gamma Lyceum", "Maastricht", Province.Limburg, "Zuid-Limburg");
    private static readonly MonitorSchool Delta = new(Guid.NewGuid(), "04DD", "Delta School", null, null, null);

    private static readonly MonitorRouteVersion Lr1 = V("LR-1", RouteType.Continuous, VmboProfile.ZorgWelzijn, MboLevel.Level3, At(2024, 6, 1));
    private static readonly MonitorRouteVersion Lr2 = V("LR-2", RouteType.Integrated, VmboProfile.Groen, MboLevel.Level2, At(2024, 6, 1));
    private static readonly MonitorRouteVersion Lr3 = V("LR-3", RouteType.Continuous, VmboProfile.EconomieOndernemen, MboLevel.Level4, At(2025, 3, 1));
    private static readonly MonitorRouteVersion Lr4V1 = V("LR-4", RouteType.Continuous, VmboProfile.ProducerenInstallerenEnergie, MboLevel.Level3, At(2023, 5, 1));
    private static readonly MonitorRouteVersion Lr4V2 = V("LR-4", RouteType.Continuous, VmboProfile.ProducerenInstallerenEnergie, MboLevel.Level4, At(2025, 11, 3));
    private static readonly MonitorRouteVersion Lr5 = V("LR-5", RouteType.Continuous, VmboProfile.HorecaBakkerijRecreatie, MboLevel.Level2, At(2025, 10, 1, 12));
    private static readonly MonitorRouteVersion Lr6 = V("LR-6", RouteType.Integrated, VmboProfile.DienstverleningProducten, MboLevel.Level2, At(2025, 10, 1, 22, 30));
    private static readonly MonitorRouteVersion Lr7 = V("LR-7", RouteType.Continuous, VmboProfile.MediaVormgevingIct, MboLevel.Level4, At(2022, 5, 1), new DateOnly(2025, 7, 31));
    private static readonly MonitorRouteVersion Lr8 = V("LR-8", RouteType.Continuous, VmboProfile.BouwenWonenInterieur, MboLevel.Level3, At(2024, 2, 1));
    private static readonly MonitorRouteVersion Lr9 = V("LR-9", RouteType.Continuous, VmboProfile.Groen, MboLevel.Level4, null);
    private static readonly MonitorRouteVersion Lr10 = V("LR-10", RouteType.Integrated, VmboProfile.ZorgWelzijn, MboLevel.Level2, At(2024, 1, 1), Year.CountDate);
    private static readonly MonitorRouteVersion Lr11 = V("LR-11", RouteType.Integrated, VmboProfile.Groen, MboLevel.Level2, At(2025, 9, 1));

    private static readonly MonitorReport Report = Calculate();

    [Fact]
    public void R_MON_3_routes_registered_on_the_count_date_and_routes_with_pupils_per_type()
    {
        Assert.Equal(
            [
                new MonitorRouteRow(RouteType.Continuous, 5, 63, 4, 57, 3),
                new MonitorRouteRow(RouteType.Integrated, 3, 38, 3, 43, 3),
            ],
            Report.Routes);
        Assert.Equal(8, Report.RoutesRegistered); // LR-6 (registered 00:30 Dutch time on 2 October), LR-7 (ended), LR-9 (draft) are not
        Assert.Equal(7, Report.RoutesWithPupils); // LR-6 has a pupil although registered later (R-ROUTE-12)
        Assert.Equal(4, Report.VoSchoolsWithPupils);
    }

    [Fact]
    public void R_MON_3_pupils_counted_exactly_as_the_count_does()
    {
        Assert.Equal(13, Report.Pupils);
        Assert.Equal(3, Report.PupilsWithoutPhase); // p8 no phase, p9 recorded too late, p18 phase only from 15 October
        Assert.False(Report.IsPreview);
        Assert.Equal(Year.CountDate, Report.CountDate);
    }

    [Fact]
    public void R_MON_3_pupils_per_route_type_sector_leerweg_and_niveau_with_whole_percent_shares()
    {
        Assert.Equal([C(RouteType.Continuous, 10, 77), C(RouteType.Integrated, 3, 23)], Report.PupilsPerType);

        // 3 + 1 + 2 + 5 + 2 = 13; the shares add up to 99.
        Assert.Equal(
            [
                C(RouteSector.Economie, 3, 23), C(RouteSector.Groen, 1, 8), C(RouteSector.Techniek, 2, 15),
                C(RouteSector.ZorgWelzijn, 5, 38), C(RouteSector.OverigBreed, 2, 15),
            ],
            Report.PupilsPerSector);

        Assert.Equal(
            [C<Track?>(Track.BB, 4, 31), C<Track?>(Track.KB, 3, 23), C<Track?>(Track.GL, 2, 15), C<Track?>(Track.TL, 2, 15), C<Track?>(null, 2, 15)],
            Report.PupilsPerTrack);

        // LR-4's pupils count at niveau 3: the version in force on the count date, not the later version they moved to.
        Assert.Equal([C(MboLevel.Level2, 4, 31), C(MboLevel.Level3, 6, 46), C(MboLevel.Level4, 3, 23)], Report.PupilsPerLevel);
    }

    [Fact]
    public void R_MON_3_pupils_per_vo_school_with_its_place_and_per_province()
    {
        Assert.Equal(
            [(Alfa, 5, 38), (Beta, 2, 15), (Delta, 1, 8), (Gamma, 5, 38)],
            Report.PupilsPerSchool.Select(r => (r.School, r.Pupils, r.Percent)));

        var provinces = Report.PupilsPerProvince;
        Assert.Equal(13, provinces.Count); // the twelve provinces, north to south, and "onbekend" (Delta has no place)
        Assert.Equal(Provinces.All.Select(p => (Province?)p).Append(null), provinces.Select(p => p.Province));
        Assert.Equal(new MonitorProvinceRow(Province.Utrecht, 1, 5, 38), provinces.Single(p => p.Province == Province.Utrecht));
        Assert.Equal(new MonitorProvinceRow(Province.Overijssel, 1, 2, 15), provinces.Single(p => p.Province == Province.Overijssel));
        Assert.Equal(new MonitorProvinceRow(Province.Limburg, 1, 5, 38), provinces.Single(p => p.Province == Province.Limburg));
        Assert.Equal(new MonitorProvinceRow(null, 1, 1, 8), provinces[^1]);
        Assert.All(provinces.Where(p => p.Province is not (Province.Utrecht or Province.Overijssel or Province.Limburg or null)),
            p => Assert.Equal((0, 0, 0), (p.VoSchools, p.Pupils, p.Percent)));
    }

    [Theory]
    [InlineData(1, 8, 13)] // 12.5: half away from zero
    [InlineData(3, 8, 38)] // 37.5
    [InlineData(5, 8, 63)] // 62.5
    [InlineData(1, 200, 1)] // 0.5
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(7, 7, 100)]
    [InlineData(0, 0, 0)]
    public void R_MON_3_shares_are_whole_percents_rounded_half_away_from_zero(int part, int whole, int expected) =>
        Assert.Equal(expected, MonitorCalculation.Percent(part, whole));

    [Fact]
    public void R_MON_3_the_tables_show_the_figures_as_the_national_monitor_does_and_name_no_pupil()
    {
        var tables = MonitorTables.Build(Report);

        Assert.Equal(
            ["routes", "pupils-type", "pupils-sector", "pupils-track", "pupils-level", "pupils-school", "pupils-province"],
            tables.Select(t => t.Id));
        var routes = tables[0];
        Assert.Equal(["Doorlopende leerroute", "5", "63", "4", "57", "3"], routes.Rows[0]);
        Assert.Equal(["Totaal", "8", "100", "7", "100", "4"], routes.Total!);
        var sectors = tables[2];
        Assert.Equal(
            [["Economie", "3", "23"], ["Groen", "1", "8"], ["Techniek", "2", "15"], ["Zorg en welzijn", "5", "38"], ["Overig / breed", "2", "15"]],
            sectors.Rows);
        Assert.Equal(["Totaal", "13", "100"], sectors.Total!);
        Assert.Contains("net boven of onder 100", sectors.Note, StringComparison.Ordinal);
        Assert.Equal(["onbekend", "2", "15"], tables[3].Rows[^1]);
        Assert.Equal(["01AA", "Alfa College", "Utrecht", "Utrecht", "Utrecht", "5", "38"], tables[5].Rows[0]);
        Assert.Equal(["04DD", "Delta School", "onbekend", "onbekend", "onbekend", "1", "8"], tables[5].Rows[2]);
        Assert.Equal(["Totaal", "4", "13", "100"], tables[6].Total!);

        var about = MonitorTables.About(Report);
        Assert.Contains(["Niet geteld: ingeschreven zonder fase op de teldatum", "3"], about.Rows);
        Assert.Equal("monitor-2025-2026.xlsx", MonitorTables.FileName(Year));
    }

    [Fact]
    public void R_MON_3_nothing_counted_gives_zero_shares_and_no_division_by_zero()
    {
        var count = FundingCount.Calculate(Year, [], new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var empty = MonitorCalculation.Calculate(count, new Dictionary<Guid, Track?>(), [Lr1], []);

        Assert.Equal(0, empty.Pupils);
        Assert.All(empty.PupilsPerSector, s => Assert.Equal((0, 0), (s.Count, s.Percent)));
        Assert.Equal(new MonitorRouteRow(RouteType.Continuous, 1, 100, 0, 0, 0), empty.Routes[0]);
        Assert.Empty(empty.PupilsPerSchool);
        Assert.Equal(12, empty.PupilsPerProvince.Count);
    }

    private static MonitorReport Calculate()
    {
        var tracks = new Dictionary<Guid, Track?>();
        var enrolments = new List<CountEnrolment>();
        var inTime = new DateTime(2025, 8, 20, 8, 0, 0, DateTimeKind.Utc);
        var tooLate = new DateTime(2025, 10, 2, 8, 0, 0, DateTimeKind.Utc); // 10:00 on 2 October, Dutch time
        var august = new DateOnly(2025, 8, 1);

        void Add(MonitorRouteVersion route, MonitorSchool school, Track? track, DateOnly start, DateOnly? end, params PhaseRecord[] phases)
        {
            var enrolment = new CountEnrolment(Guid.NewGuid(), Guid.NewGuid(), route.Id, 3, start, end, school.Id, Mbo, phases);
            enrolments.Add(enrolment);
            tracks[enrolment.EnrolmentId] = track;
        }

        PhaseRecord Vo(DateTime recorded, DateOnly? from = null) => new(Phase.Vo, from ?? august, recorded);
        PhaseRecord MboPhase(DateTime recorded) => new(Phase.Mbo, august, recorded);

        Add(Lr1, Alfa, Track.KB, august, null, Vo(inTime)); // p1
        Add(Lr1, Alfa, Track.GL, august, null, MboPhase(inTime)); // p2
        Add(Lr1, Alfa, null, august, null, Vo(inTime)); // p3
        Add(Lr1, Alfa, Track.TL, august, new DateOnly(2025, 9, 30), Vo(inTime)); // p4: ended the day before
        Add(Lr1, Alfa, Track.KB, new DateOnly(2025, 10, 2), null, Vo(inTime, new DateOnly(2025, 10, 2))); // p5: starts the day after
        Add(Lr1, Alfa, Track.KB, august, null, Vo(inTime, new DateOnly(2025, 10, 15))); // p18: phase only later
        Add(Lr1, Beta, Track.TL, august, null, Vo(inTime)); // p6
        Add(Lr2, Beta, Track.BB, august, null, Vo(inTime)); // p7
        Add(Lr2, Beta, Track.BB, august, null); // p8: no phase
        Add(Lr2, Beta, Track.BB, august, null, Vo(tooLate)); // p9: the only phase recorded too late
        Add(Lr3, Gamma, Track.GL, august, null, Vo(inTime)); // p10
        Add(Lr3, Gamma, Track.TL, august, null, Vo(inTime), MboPhase(tooLate)); // p11: late change, still counted once
        Add(Lr3, Gamma, null, august, null, MboPhase(inTime)); // p12
        Add(Lr4V2, Gamma, Track.KB, new DateOnly(2024, 8, 1), null, Vo(inTime)); // p13, enrolment on the newer version
        Add(Lr4V2, Gamma, Track.BB, new DateOnly(2024, 8, 1), null, Vo(inTime)); // p14
        Add(Lr5, Alfa, Track.KB, august, null, Vo(inTime)); // p15
        Add(Lr6, Delta, Track.BB, new DateOnly(2025, 9, 1), null, Vo(inTime)); // p16: route registered only after the count date
        Add(Lr10, Alfa, Track.BB, august, Year.CountDate, Vo(inTime)); // p17: ended on the count date itself

        var count = FundingCount.Calculate(Year, enrolments, new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc));
        return MonitorCalculation.Calculate(
            count, tracks, [Lr1, Lr2, Lr3, Lr4V1, Lr4V2, Lr5, Lr6, Lr7, Lr8, Lr9, Lr10, Lr11], [Alfa, Beta, Gamma, Delta]);
    }

    private static MonitorRouteVersion V(
        string code, RouteType type, VmboProfile profile, MboLevel level, DateTime? registered, DateOnly? end = null) =>
        new(Guid.NewGuid(), code, type, profile, level, registered, end);

    private static DateTime At(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static MonitorCount<T> C<T>(T key, int count, int percent) => new(key, count, percent);
}
