using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;

/// <summary>
/// Demo data for Development: 6 institutions over 4 boards, routes in every state of the life cycle, and 40 pupils
/// whose phase histories span the last count date (on time, late, no phase, ended on 30 September, a mid-year start).
/// Everything is placed relative to today, so the demo stays meaningful whenever it is started. Built only through
/// the domain's own methods, so the demo can never hold what the rules forbid.
/// </summary>
public static class DemoData
{
    // Fixed ids so demo accounts (added with sign-in) can be tied to these institutions and users.
    public static readonly Guid AdministratorUserId = new("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid VoCoordinatorUserId = new("a0000000-0000-0000-0000-000000000002");
    public static readonly Guid MboCoordinatorUserId = new("a0000000-0000-0000-0000-000000000003");
    public static readonly Guid OtherVoCoordinatorUserId = new("a0000000-0000-0000-0000-000000000004");

    public sealed record Summary(int Institutions, int Routes, int Pupils);

    /// <summary>
    /// The school year whose count the demo shows: the last count date that has passed – this school year's if 1 October
    /// is behind us, else last year's. The demo's phase histories and its example phase file (<see cref="DemoPhaseFile"/>)
    /// are both placed around it.
    /// </summary>
    public static SchoolYear CountedYear(DateOnly today)
    {
        var current = SchoolYear.Containing(today);
        return today > current.CountDate ? current : SchoolYear.FromStartYear(current.StartYear - 1);
    }

    /// <param name="agreementFile">The stored sample PDF that every demo agreement points at.</param>
    public static Summary AddTo(AppDbContext db, DateTime nowUtc, StoredFile agreementFile)
    {
        var today = DutchTime.Today(nowUtc);
        var current = SchoolYear.Containing(today);
        var counted = CountedYear(today);
        var previous = SchoolYear.FromStartYear(counted.StartYear - 1);
        var earliest = SchoolYear.FromStartYear(counted.StartYear - 2);

        // R-MON-1: real gemeenten with their provincie and RMC-regio, so the route finder and the monitor have a map.
        var vo1 = Institution("05KO", "Vakcollege De Horizon", Sector.Vo, "41234", "Stichting Onderwijs Rivierenland",
            "Culemborg", Province.Gelderland, "Rivierenland");
        var vo2 = Institution("12AB", "Maaslandcollege vmbo", Sector.Vo, "41234", "Stichting Onderwijs Rivierenland",
            "Oss", Province.NoordBrabant, "Noordoost-Brabant");
        var vo3 = Institution("21CD", "Groene Vallei vmbo", Sector.Vo, "52345", "Stichting Groen Onderwijs Midden",
            "Amersfoort", Province.Utrecht, "Eemland");
        var mbo1 = Institution("25PG", "ROC Rivierenland", Sector.Mbo, "30012", "Stichting ROC Rivierenland",
            "Tiel", Province.Gelderland, "Rivierenland");
        var mbo2 = Institution("27HK", "Groene Vallei mbo (AOC)", Sector.Mbo, "52345", "Stichting Groen Onderwijs Midden",
            "Barneveld", Province.Gelderland, "Gelderse Vallei");
        var mbo3 = Institution("30JK", "Vakschool Techniek Noord", Sector.Mbo, "63456", "Stichting Vakschool Techniek Noord",
            "Groningen", Province.Groningen, "Centraal en Westelijk Groningen");
        db.Institutions.AddRange(vo1, vo2, vo3, mbo1, mbo2, mbo3);

        var admin = Actor.Administrator(AdministratorUserId);
        var vo1Coordinator = Actor.Coordinator(VoCoordinatorUserId, vo1.Id);
        var mbo1Coordinator = Actor.Coordinator(MboCoordinatorUserId, mbo1.Id);
        var vo3Coordinator = Actor.Coordinator(OtherVoCoordinatorUserId, vo3.Id);
        var mbo2Coordinator = Actor.Coordinator(Guid.NewGuid(), mbo2.Id);
        var mbo3Coordinator = Actor.Coordinator(Guid.NewGuid(), mbo3.Id);
        var vo2Coordinator = Actor.Coordinator(Guid.NewGuid(), vo2.Id);
        var setUp = DutchTime.StartOfDayUtc(earliest.FirstDay.AddMonths(-5));

        // 1. Registered: Zorg en welzijn, vo1 + mbo1, in force since two years before the last count.
        var care = NewRoute("LR-" + earliest.StartYear + "-0001", Definition(
                "Zorg en welzijn vmbo-mbo", RouteType.Continuous, VmboProfile.ZorgWelzijn, [Track.KB, Track.GL],
                "25491", MboLevel.Level3, earliest), [vo1, mbo1], vo1Coordinator, setUp);
        AddAgreement(care, AgreementKind.CooperationAgreement, vo1Coordinator, setUp, agreementFile);
        Confirm(care, vo1Coordinator, vo1, setUp);
        Confirm(care, mbo1Coordinator, mbo1, setUp);
        Check(care.Submit(vo1Coordinator, setUp));
        Check(care.Register(admin, setUp.AddDays(14)));
        // R-RIO-1: the mbo side confirmed its RIO registration; the vo side has not yet (the RIO tab shows both).
        Check(care.ConfirmRioRegistration(mbo1.Id, DutchTime.Today(setUp.AddDays(15)), mbo1Coordinator, setUp.AddDays(16)));

        // 2. Registered geïntegreerde leerroute: Groen, vo3 + mbo2 under one board, with an interne regeling.
        var green = NewRoute("LR-" + previous.StartYear + "-0002", Definition(
                "Groen geïntegreerd BB-niveau 2", RouteType.Integrated, VmboProfile.Groen, [Track.BB],
                "25401", MboLevel.Level2, previous), [vo3, mbo2], vo3Coordinator, setUp);
        AddAgreement(green, AgreementKind.InternalArrangement, vo3Coordinator, setUp, agreementFile);
        Confirm(green, vo3Coordinator, vo3, setUp);
        Confirm(green, mbo2Coordinator, mbo2, setUp);
        Check(green.Submit(vo3Coordinator, setUp));
        Check(green.Register(admin, setUp.AddDays(21)));

        // 3. Submitted, waiting for the administrator: techniek with two vo partners.
        var tech = NewRoute("LR-" + current.StartYear + "-0003", Definition(
                "Techniek breed naar niveau 4", RouteType.Continuous, VmboProfile.ProducerenInstallerenEnergie,
                [Track.BB, Track.KB], null, MboLevel.Level4, current, trainingDomain: "Techniek en procesindustrie"),
            [vo1, vo2, mbo3], vo1Coordinator, nowUtc.AddDays(-20));
        AddAgreement(tech, AgreementKind.CooperationAgreement, vo1Coordinator, nowUtc.AddDays(-20), agreementFile);
        Confirm(tech, vo1Coordinator, vo1, nowUtc.AddDays(-19));
        Confirm(tech, vo2Coordinator, vo2, nowUtc.AddDays(-18));
        Confirm(tech, mbo3Coordinator, mbo3, nowUtc.AddDays(-15));
        Check(tech.Submit(vo1Coordinator, nowUtc.AddDays(-15)));

        // 4. Rejected: the registry found the overstapoptie not worked out for pupils who stop in the second year.
        var economy = NewRoute("LR-" + current.StartYear + "-0004", Definition(
                "Ondernemen en retail", RouteType.Continuous, VmboProfile.EconomieOndernemen, [Track.GL, Track.TL],
                "25700", MboLevel.Level4, current), [vo2, mbo1], vo2Coordinator, nowUtc.AddDays(-30));
        AddAgreement(economy, AgreementKind.CooperationAgreement, vo2Coordinator, nowUtc.AddDays(-30), agreementFile);
        Confirm(economy, vo2Coordinator, vo2, nowUtc.AddDays(-29));
        Confirm(economy, mbo1Coordinator, mbo1, nowUtc.AddDays(-28));
        Check(economy.Submit(vo2Coordinator, nowUtc.AddDays(-28)));
        Check(economy.Reject(admin,
            "De overeenkomst noemt de overstapoptie, maar niet voor leerlingen die in het tweede jaar stoppen. Werk dat uit en meld opnieuw.",
            nowUtc.AddDays(-25)));

        // 5. Draft: Media, vormgeving en ICT, waiting for the mbo partner to confirm.
        var media = NewRoute("LR-" + current.StartYear + "-0005", Definition(
                "Mediavormgeving", RouteType.Continuous, VmboProfile.MediaVormgevingIct, [Track.KB],
                "25590", MboLevel.Level3, current.Next), [vo3, mbo3], vo3Coordinator, nowUtc.AddDays(-3));
        Confirm(media, vo3Coordinator, vo3, nowUtc.AddDays(-3));

        db.Routes.AddRange(care, green, tech, economy, media);

        var pupils = AddPupils(db, care, green, counted, nowUtc, vo1Coordinator, vo3Coordinator, vo1, mbo1, vo3, mbo2);
        return new Summary(6, 5, pupils);
    }

    private static int AddPupils(
        AppDbContext db, Route care, Route green, SchoolYear counted, DateTime nowUtc, Actor careCoordinator, Actor greenCoordinator,
        Institution vo1, Institution mbo1, Institution vo3, Institution mbo2)
    {
        var countDate = counted.CountDate;
        var cutoff = DutchTime.EndOfDayUtc(countDate);
        var names = DemoNames.Generate(40);
        var today = DutchTime.Today(nowUtc);

        // Nothing is recorded in the future, whatever day the demo is loaded (R-PUPIL-4: the server sets the moment).
        DateTime NotAfterNow(DateTime moment) => moment < nowUtc ? moment : nowUtc.AddMinutes(-1);
        var number = 0;

        for (var i = 0; i < 40; i++)
        {
            var (first, prefix, last) = names[i];
            var onGreen = i >= 30;
            var route = onGreen ? green : care;
            var coordinator = onGreen ? greenCoordinator : careCoordinator;
            var (vo, mbo) = onGreen ? (vo3, mbo2) : (vo1, mbo1);

            // Cohorts: on the care route i 0–11 started two years before the counted year (mbo-fase by now), the
            // rest one year before; on the green route i 30–33 one year before, i 34–39 in the counted year itself.
            var cohortStart = onGreen
                ? (i < 34 ? counted.FirstDay.AddYears(-1) : counted.FirstDay)
                : (i < 12 ? counted.FirstDay.AddYears(-2) : counted.FirstDay.AddYears(-1));
            // i 25: a mid-year start after the count date (today at the latest).
            var start = i == 25 ? (countDate.AddDays(35) < today ? countDate.AddDays(35) : today) : cohortStart;
            var pupil = Pupil.Create(
                NextEducationNumber(ref number), last, prefix, first, start.AddYears(-15).AddDays(-i * 17)).Value;
            db.Pupils.Add(pupil);

            var enrolment = Enrolment.Start(pupil, route, vo.Id, mbo.Id, start, [], coordinator, today).Value;
            db.Enrolments.Add(enrolment);

            // R-MON-3: most pupils with their leerweg (alternating over the route's), every fifth without ("onbekend").
            if (i % 5 != 4)
            {
                var tracks = route.Definition.Tracks;
                Check(enrolment.SetTrack(tracks[i % tracks.Count], route, coordinator));
            }
            var recorded = NotAfterNow(DutchTime.StartOfDayUtc(start).AddHours(10));

            if (i == 20)
            {
                continue; // active without any phase: "geen fase" on the count date
            }

            Check(enrolment.RecordPhase(Phase.Vo, start, coordinator, recorded));
            if (start < counted.FirstDay && PhaseHistory.ExpectedPhaseOn(countDate, start, 3) == Phase.Mbo)
            {
                // The cohort that moves on to the mbo-fase on 1 August of the counted year.
                var mboFrom = counted.FirstDay;
                var recordedAt = i switch
                {
                    3 => cutoff.AddMinutes(1), // recorded just after the cut-off: too late for this count
                    4 => cutoff.AddMinutes(-1), // 1 October 23:59 local: still counts
                    _ => DutchTime.StartOfDayUtc(mboFrom.AddDays(20)).AddHours(9),
                };
                Check(enrolment.RecordPhase(Phase.Mbo, mboFrom, coordinator, NotAfterNow(recordedAt)));
            }

            if (i == 7)
            {
                // A correction: the phase was entered wrongly and corrected the next day, same valid-from date.
                Check(enrolment.RecordPhase(Phase.Vo, counted.FirstDay, coordinator, DutchTime.StartOfDayUtc(counted.FirstDay.AddDays(21))));
                Check(enrolment.RecordPhase(Phase.Mbo, counted.FirstDay, coordinator, DutchTime.StartOfDayUtc(counted.FirstDay.AddDays(22))));
            }

            if (i == 15)
            {
                // Ended on 30 September, the day before the count: not in the count.
                Check(enrolment.End(new DateOnly(counted.StartYear, 9, 30), EnrolmentOutcome.TransferOption,
                    "Overgestapt naar de reguliere vmbo-opleiding", coordinator));
            }

            if (i == 16)
            {
                Check(enrolment.End(counted.FirstDay.AddDays(-1), EnrolmentOutcome.Moved, null, coordinator));
            }
        }

        return 40;
    }

    private static Institution Institution(
        string brin, string name, Sector sector, string board, string boardName, string municipality, Province province, string rmcRegion)
    {
        var institution = Domain.Institutions.Institution.Create(brin, name, sector, board, boardName).Value;
        Check(institution.SetPlace(municipality, province, rmcRegion));
        return institution;
    }

    private static RouteDefinition Definition(
        string name, RouteType type, VmboProfile profile, Track[] tracks, string? crebo, MboLevel level,
        SchoolYear firstYear, string? trainingDomain = null) =>
        RouteDefinition.Create(name, type, profile, tracks, crebo, trainingDomain, level, 3, firstYear, TeachingLocation.Both).Value;

    private static Route NewRoute(string code, RouteDefinition definition, Institution[] partners, Actor by, DateTime at) =>
        Route.Create(code, definition, partners.Select(p => new RoutePartnerInput(p)).ToList(), by, at).Value;

    private static void Confirm(Route route, Actor coordinator, Institution institution, DateTime at) =>
        Check(route.ConfirmParticipation(institution.Id, coordinator, at));

    private static void AddAgreement(Route route, AgreementKind kind, Actor by, DateTime at, StoredFile file)
    {
        var signedOn = DutchTime.Today(at).AddDays(-30);
        var pages = new Dictionary<AgreementItem, int>
        {
            [AgreementItem.TransferOption] = 4,
            [AgreementItem.JoiningAndChanges] = 9,
            [AgreementItem.ProgrammeAndResponsibilities] = 5,
        };
        Check(route.AddAgreement(kind, signedOn, file, pages, false, false, by, at));
    }

    /// <summary>
    /// Demo pupils get onderwijsnummers (start with 10, weighted sum leaves 5), never BSNs, so no demo number can be a
    /// real person's BSN.
    /// </summary>
    private static string NextEducationNumber(ref int sequence)
    {
        while (true)
        {
            sequence++;
            var body = "10" + (sequence * 7919 % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
            int[] weights = [9, 8, 7, 6, 5, 4, 3, 2];
            var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
            var check = ((sum - 5) % 11 + 11) % 11; // sum − d9 ≡ 5 (mod 11)
            if (check < 10)
            {
                return body + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static void Check(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException("Demo data breaks a rule: " + result);
        }
    }
}
