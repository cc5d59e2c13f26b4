using System.Globalization;
using DoorlopendeLeerroutes.Domain.Agreements;

namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// Every rule a user can break, with a stable code and the Dutch message shown to them. Messages name the rule in
/// plain words, as a school administrator would say it; the rule ids of docs/domain.md are in the comments.
/// </summary>
public static class DomainErrors
{
    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static class Access
    {
        public static readonly DomainError ReadOnly = new(
            "access.read_only", "Je hebt alleen leesrechten; wijzigen kan een coördinator van je instelling.");
    }

    public static class Institution
    {
        // R-INST-1
        public static readonly DomainError BrinInvalid = new(
            "institution.brin.invalid", "Een BRIN-code bestaat uit 2 cijfers en 2 letters, bijvoorbeeld 05KO.");

        // R-INST-2
        public static readonly DomainError BoardNumberInvalid = new(
            "institution.board_number.invalid", "Het nummer van het bevoegd gezag bestaat uit 5 cijfers.");

        public static readonly DomainError BoardNameRequired = new(
            "institution.board_name.required", $"Vul de naam van het bevoegd gezag in (hoogstens {N(Institutions.Institution.MaxNameLength)} tekens).");

        public static readonly DomainError SectorInvalid = new(
            "institution.sector.invalid", "Kies of de instelling een vo-school of een mbo-instelling is.");

        public static readonly DomainError NameRequired = new(
            "institution.name.required", $"Vul de naam van de instelling in (hoogstens {N(Institutions.Institution.MaxNameLength)} tekens).");

        public static readonly DomainError SiteInvalid = new(
            "institution.site.invalid", "Een vestiging is de BRIN-code met 2 cijfers erachter, bijvoorbeeld 05KO00.");

        // R-INST-3
        public static readonly DomainError BrinNotUnique = new(
            "institution.brin.not_unique", "Er is al een instelling met deze BRIN-code.");

        // R-MON-1
        public static readonly DomainError MunicipalityRequired = new(
            "institution.municipality.required", $"Vul de gemeente in (hoogstens {N(Institutions.Institution.MaxPlaceLength)} tekens).");

        public static readonly DomainError ProvinceInvalid = new(
            "institution.province.invalid",
            "Kies een van de twaalf provincies: " + string.Join(", ", Institutions.Provinces.All.Select(Institutions.Provinces.Name)) + ".");

        public static readonly DomainError RmcRegionTooLong = new(
            "institution.rmc_region.too_long", $"De naam van de RMC-regio is hoogstens {N(Institutions.Institution.MaxPlaceLength)} tekens.");

        // R-AUTH-1: the domain SURFconext names the institution by.
        public static readonly DomainError FederationDomainInvalid = new(
            "institution.federation_domain.invalid",
            "Vul een domeinnaam in zoals rocrivierenland.nl (letters, cijfers, streepjes en punten), of laat het veld leeg.");

        public static readonly DomainError FederationDomainNotUnique = new(
            "institution.federation_domain.not_unique", "Er is al een instelling met dit domein.");
    }

    public static class SchoolYear
    {
        public static readonly DomainError Invalid = new(
            "school_year.invalid", "Een schooljaar schrijf je als 2025-2026: twee opeenvolgende jaren.", ErrorField.SchoolYear);
    }

    public static class Route
    {
        public static readonly DomainError NameRequired = new(
            "route.name.required", $"Geef de leerroute een naam (hoogstens {N(Routes.RouteDefinition.MaxNameLength)} tekens).", ErrorField.Name);

        public static readonly DomainError TypeInvalid = new(
            "route.type.invalid", "Kies een doorlopende of een geïntegreerde leerroute.", ErrorField.Type);

        // R-ROUTE-13
        public static readonly DomainError ExperimentalTypeNotRegistrable = new(
            "route.type.experimental",
            "Vakmanschaproute, technologieroute en beroepsroute waren experimenten (2014–2022) en zijn niet automatisch omgezet. " +
            "Meld zo'n route aan als doorlopende of geïntegreerde leerroute.", ErrorField.Type);

        public static readonly DomainError ProfileInvalid = new(
            "route.profile.invalid", "Kies een van de tien beroepsgerichte profielen van het vmbo.", ErrorField.Profile);

        public static readonly DomainError TracksRequired = new(
            "route.tracks.required", "Kies minstens één leerweg (BB, KB, GL of TL) waaruit leerlingen instromen.", ErrorField.Tracks);

        public static readonly DomainError LocationInvalid = new(
            "route.location.invalid", "Kies waar het onderwijs wordt gegeven: op de vo-school, de mbo-instelling of beide.", ErrorField.Location);

        // R-ROUTE-6
        public static readonly DomainError CreboInvalid = new(
            "route.crebo.invalid", "Een crebo-code bestaat uit precies 5 cijfers.", ErrorField.Crebo);

        public static readonly DomainError TargetRequired = new(
            "route.target.required",
            "Vul de crebo-code van de mbo-opleiding in, of het opleidingsdomein als leerlingen later hun opleiding kiezen.", ErrorField.Target);

        public static readonly DomainError TargetEitherCreboOrDomain = new(
            "route.target.both", "Vul een crebo-code óf een opleidingsdomein in, niet allebei.", ErrorField.Target);

        public static readonly DomainError TrainingDomainTooLong = new(
            "route.training_domain.too_long", $"Het opleidingsdomein mag hoogstens {N(Routes.RouteDefinition.MaxTrainingDomainLength)} tekens lang zijn.", ErrorField.TrainingDomain);

        // R-ROUTE-2
        public static readonly DomainError EntreeNotAllowed = new(
            "route.level.entree",
            "Een leerroute leidt naar mbo-niveau 2, 3 of 4. De Entreeopleiding (niveau 1) is niet toegestaan.", ErrorField.Level);

        public static readonly DomainError LevelInvalid = new(
            "route.level.invalid", "Kies mbo-niveau 2, 3 of 4.", ErrorField.Level);

        // R-ROUTE-3
        public static readonly DomainError IntegratedRequiresBb = new(
            "route.integrated.requires_bb",
            "Een geïntegreerde leerroute start alleen vanuit de basisberoepsgerichte leerweg (BB).", ErrorField.Tracks);

        public static readonly DomainError IntegratedRequiresLevel2 = new(
            "route.integrated.requires_level_2", "Een geïntegreerde leerroute leidt alleen naar mbo-niveau 2.", ErrorField.Level);

        // R-ROUTE-4 (a warning, not an error)
        public static readonly DomainError BbToHigherLevelWarning = new(
            "route.continuous.bb_to_higher_level",
            "Let op: een BB-diploma geeft normaal toegang tot mbo-niveau 2. Een route van BB naar niveau 3 of 4 mag, " +
            "maar vraagt extra aandacht voor de overstap.");

        // R-ROUTE-5
        public static readonly DomainError EntryYearInvalid = new(
            "route.entry_year.invalid",
            $"Leerlingen stromen in in leerjaar {string.Join(" of leerjaar ", Routes.RouteDefinition.EntryYears.Select(N))} van het vmbo.", ErrorField.EntryYear);

        // R-AGR-5 (warnings)
        public static readonly DomainError WorkBasedTrackNeedsOwnAgreement = new(
            "route.lwt.own_agreement",
            "Een leerwerktraject heeft naast de overeenkomst van de leerroute een eigen overeenkomst nodig.");

        public static readonly DomainError WorkBasedTrackIntegratedDisputed = new(
            "route.lwt.integrated_disputed",
            "Let op: de bronnen zijn het er niet over eens of een groep leerwerktraject een geïntegreerde leerroute mag vormen. " +
            "Vraag het zo nodig na bij DUO.");

        // R-ROUTE-1
        public static readonly DomainError VoPartnerRequired = new(
            "route.partners.vo_required", "Een leerroute heeft minstens één vo-school als partner.");

        public static readonly DomainError MboPartnerRequired = new(
            "route.partners.mbo_required", "Een leerroute heeft minstens één mbo-instelling als partner.");

        public static readonly DomainError PartnerTwice = new(
            "route.partners.duplicate", "Elke instelling kan maar één keer partner zijn in dezelfde leerroute.");

        public static readonly DomainError OwnInstitutionMustTakePart = new(
            "route.partners.own_institution",
            "Je eigen instelling moet partner zijn: je kunt geen leerroute melden voor andere scholen.");

        public static DomainError SiteNotOfInstitution(Institutions.Brin brin) => new(
            "route.partners.site",
            $"De vestiging hoort bij de instelling: de BRIN-code {brin} met 2 cijfers erachter, bijvoorbeeld {brin}00.");

        public static readonly DomainError OnlyCoordinatorsCreate = new(
            "route.create.coordinator_only",
            "Alleen een coördinator van een partnerinstelling kan een leerroute aanmaken.");

        public static readonly DomainError AdministratorDoesNotReport = new(
            "route.administrator_does_not_report",
            "Een beheerder meldt geen leerroutes; dat doen de coördinatoren van de partners zelf.");

        public static readonly DomainError NotAPartner = new(
            "route.not_a_partner", "Je instelling is geen partner in deze leerroute.");

        // R-ROUTE-10
        public static readonly DomainError RegisteredNotEditable = new(
            "route.registered.not_editable",
            "Een geregistreerde leerroute kun je niet zomaar wijzigen. Start een nieuwe versie; de geregistreerde versie " +
            "blijft gelden tot de nieuwe is geregistreerd.");

        public static readonly DomainError NotEditableInStatus = new(
            "route.not_editable", "Deze leerroute kun je in deze status niet wijzigen.");

        public static readonly DomainError NewVersionOnlyFromRegistered = new(
            "route.new_version.only_registered", "Alleen van een geregistreerde leerroute kun je een nieuwe versie starten.");

        public static readonly DomainError NewVersionAlreadyPending = new(
            "route.new_version.pending", "Er is al een nieuwe versie van deze leerroute in voorbereiding.");

        public static readonly DomainError WithdrawOnlyDraftOrRejected = new(
            "route.withdraw.only_draft", "Alleen een concept of een afgewezen leerroute kun je intrekken.");

        public static readonly DomainError PreviousVersionNotInForce = new(
            "route.new_version.previous_not_in_force",
            "De versie die deze nieuwe versie vervangt is niet meer geregistreerd.");

        // R-ROUTE-8
        public static readonly DomainError ConfirmOnlyOwnInstitution = new(
            "route.confirm.own_institution_only",
            "Je kunt alleen de deelname van je eigen instelling bevestigen. Elke partner meldt voor zichzelf.");

        public static readonly DomainError ConfirmOnlyInDraft = new(
            "route.confirm.only_draft", "Deelname bevestigen kan alleen zolang de leerroute nog niet is ingediend.");

        public static readonly DomainError AlreadyConfirmed = new(
            "route.confirm.already", "Je instelling heeft haar deelname al bevestigd.");

        public static readonly DomainError NotAllPartnersConfirmed = new(
            "route.submit.not_all_confirmed",
            "Nog niet alle partners hebben hun deelname bevestigd. Elke partner bevestigt voor zichzelf.");

        // R-ROUTE-7
        public static readonly DomainError AgreementRequired = new(
            "route.submit.agreement_required",
            "Voeg eerst de ondertekende samenwerkingsovereenkomst (of interne regeling) toe.");

        public static readonly DomainError SubmitOnlyFromDraft = new(
            "route.submit.only_draft", "Alleen een concept-leerroute kan worden ingediend.");

        // R-ROUTE-9
        public static readonly DomainError OnlyAdministratorRegisters = new(
            "route.review.administrator_only", "Alleen een beheerder kan een leerroute registreren of afwijzen.");

        public static readonly DomainError RegisterOnlySubmitted = new(
            "route.register.only_submitted", "Alleen een ingediende leerroute kan worden geregistreerd.");

        public static readonly DomainError RejectOnlySubmitted = new(
            "route.reject.only_submitted", "Alleen een ingediende leerroute kan worden afgewezen.");

        public static readonly DomainError ReasonRequired = new(
            "route.reason.required", $"Geef een reden (minstens {N(Routes.Route.MinReasonLength)} en hoogstens {N(Routes.Route.MaxReasonLength)} tekens); de partners krijgen die te zien.");

        // R-ROUTE-11
        public static readonly DomainError OnlyAdministratorEnds = new(
            "route.end.administrator_only", "Alleen een beheerder kan een leerroute beëindigen.");

        public static readonly DomainError EndOnlyRegistered = new(
            "route.end.only_registered", "Alleen een geregistreerde leerroute kan worden beëindigd.");

        public static readonly DomainError EndBeforeStart = new(
            "route.end.before_start", "De einddatum ligt vóór het eerste schooljaar van de leerroute.");

        public static readonly DomainError EndWithPendingVersion = new(
            "route.end.pending_version", "Er is een nieuwe versie in voorbereiding; rond die eerst af.");

        public static DomainError PupilsStillEnrolled(int count) => new(
            "route.end.pupils_enrolled",
            count == 1
                ? "Er staat nog 1 leerling ingeschreven. Beëindig of verplaats die eerst, met een uitkomst."
                : $"Er staan nog {N(count)} leerlingen ingeschreven. Beëindig of verplaats hen eerst, elk met een uitkomst.");
    }

    /// <summary>R-RIO-1: the confirmation "gemeld in RIO op &lt;datum&gt;".</summary>
    public static class Rio
    {
        public static readonly DomainError OnlyOwnInstitution = new(
            "rio.own_institution_only", "Alleen een coördinator van de instelling zelf bevestigt dat die de leerroute in RIO heeft gemeld.");

        public static readonly DomainError OnlyRegistered = new(
            "rio.only_registered", "Melden in RIO bevestig je pas als deze versie van de leerroute is geregistreerd.");

        public static readonly DomainError DateInFuture = new(
            "rio.date.future", "De datum van de melding in RIO kan niet in de toekomst liggen.", ErrorField.RioReportedOn);

        public static DomainError DateBeforeAgreement(DateOnly signedOn) => new(
            "rio.date.before_agreement",
            $"De datum van de melding in RIO kan niet vóór de ondertekening van de overeenkomst liggen ({DutchFormat.LongDate(signedOn)}).",
            ErrorField.RioReportedOn);
    }

    public static class Agreement
    {
        // R-AGR-3
        public static readonly DomainError FileEmpty = new(
            "agreement.file.empty", "Het bestand is leeg. Kies de ondertekende overeenkomst als pdf.");

        public static readonly DomainError FileTooLarge = new(
            "agreement.file.too_large", $"Het bestand is groter dan {DutchFormat.Megabytes(StoredFile.MaxSizeBytes)}. Verklein de pdf (bijvoorbeeld door minder scherp te scannen).");

        public static readonly DomainError NotAPdf = new(
            "agreement.file.not_pdf", "Dit bestand is geen pdf. Upload de overeenkomst als pdf-bestand.");

        public static readonly DomainError InspectionBusy = new(
            "agreement.file.busy",
            "Er worden nu veel overeenkomsten gecontroleerd. Er is niets opgeslagen; probeer het over een minuut opnieuw.");

        public static readonly DomainError FileTooComplex = new(
            "agreement.file.too_complex",
            "Dit pdf-bestand is te complex of beschadigd om veilig te lezen. Sla de overeenkomst opnieuw op als pdf " +
            "(bijvoorbeeld met 'Afdrukken naar pdf') en upload dat bestand.");

        public static readonly DomainError FileEncrypted = new(
            "agreement.file.encrypted",
            "Dit pdf-bestand is beveiligd met een wachtwoord of versleuteld. Sla de overeenkomst op als pdf zonder beveiliging en upload dat bestand.");

        public static DomainError TooManyVersions(int max) => new(
            "agreement.versions.too_many",
            $"Deze leerroute heeft al {N(max)} versies van de overeenkomst; meer kunnen er niet bij. Neem contact op met de beheerder.");

        public static readonly DomainError KindInvalid = new(
            "agreement.kind.invalid", "Kies een samenwerkingsovereenkomst of een interne regeling.");

        // R-AGR-1
        public static readonly DomainError InternalArrangementNeedsOneBoard = new(
            "agreement.internal.one_board",
            "Een interne regeling kan alleen als alle partners onder hetzelfde bevoegd gezag vallen. " +
            "Met een partner van een ander bestuur is een samenwerkingsovereenkomst nodig.");

        public static readonly DomainError NotSignedByAllPartners = new(
            "agreement.not_signed_by_all",
            "De overeenkomst is niet ondertekend door het bevoegd gezag van elke partner. Voeg een nieuwe versie toe die alle partners hebben ondertekend.");

        public static readonly DomainError ItemInvalid = new(
            "agreement.item.invalid", "Kies een onderdeel uit de lijst van de controle op de overeenkomst.");

        public static readonly DomainError SignedInFuture = new(
            "agreement.signed_in_future", "De datum van ondertekening ligt in de toekomst.");

        public static readonly DomainError NotInThisStatus = new(
            "agreement.status", "Tijdens de beoordeling of na beëindiging kun je geen nieuwe overeenkomst toevoegen.");

        // R-AGR-2
        public static DomainError ItemMissing(AgreementItem item) => new(
            "agreement.item.missing." + item.ToString().ToLowerInvariant(),
            $"Geef aan op welke pagina de overeenkomst {item.DutchName()} regelt; dit onderdeel is verplicht.");

        public static DomainError PageOutOfRange(AgreementItem item, int page, int pageCount) => new(
            "agreement.item.page_out_of_range",
            $"Pagina {N(page)} voor {item.DutchName()} bestaat niet: de pdf heeft {N(pageCount)} pagina's.");
    }

    public static class Pupil
    {
        // R-PUPIL-1
        public static readonly DomainError NumberRequired = new(
            "pupil.number.required", "Vul het leerlingnummer in (BSN of onderwijsnummer).", ErrorField.PupilNumber);

        public static readonly DomainError NumberFormat = new(
            "pupil.number.format", "Een leerlingnummer bestaat uit 9 cijfers (8 cijfers mag ook; dan komt er een 0 voor).", ErrorField.PupilNumber);

        public static readonly DomainError BsnElevenTestFailed = new(
            "pupil.number.bsn_elfproef", "Dit nummer voldoet niet aan de elfproef voor een BSN. Controleer de cijfers.", ErrorField.PupilNumber);

        public static readonly DomainError EducationNumberCheckFailed = new(
            "pupil.number.onderwijsnummer",
            "Dit nummer begint met 10 maar voldoet niet aan de controle voor een onderwijsnummer, en ook niet aan de elfproef voor een BSN.", ErrorField.PupilNumber);

        public static readonly DomainError LastNameRequired = new(
            "pupil.last_name.required", $"Vul de achternaam in (hoogstens {N(Pupils.Pupil.MaxNamePartLength)} tekens).", ErrorField.LastName);

        public static readonly DomainError FirstNameRequired = new(
            "pupil.first_name.required", $"Vul de voornaam in (hoogstens {N(Pupils.Pupil.MaxNamePartLength)} tekens).", ErrorField.FirstName);

        public static readonly DomainError PrefixTooLong = new(
            "pupil.prefix.too_long", $"Het tussenvoegsel mag hoogstens {N(Pupils.Pupil.MaxNamePartLength)} tekens lang zijn.", ErrorField.Prefix);

        public static readonly DomainError AgeOutOfRange = new(
            "pupil.age.out_of_range", $"De leerling moet op de startdatum tussen {N(Pupils.Pupil.MinAgeOnStart)} en {N(Pupils.Pupil.MaxAgeOnStart)} jaar oud zijn. Controleer de geboortedatum.", ErrorField.BirthDate);
    }

    public static class Enrolment
    {
        // R-MON-3
        public static DomainError TrackNotInRoute(IEnumerable<Routes.Track> routeTracks) => new(
            "enrolment.track.not_in_route",
            "Kies een leerweg van deze leerroute: " + string.Join(", ", routeTracks) + ", of laat de leerweg leeg.");

        public static readonly DomainError OnlyOwnInstitution = new(
            "enrolment.own_institution_only",
            "Alleen een coördinator van de vo-school of mbo-instelling van deze leerling kan dit wijzigen.");

        // R-PUPIL-2
        public static readonly DomainError RouteNotRegistered = new(
            "enrolment.route_not_registered", "Leerlingen inschrijven kan alleen in een geregistreerde leerroute.");

        public static DomainError StartBeforeFirstSchoolYear(Common.SchoolYear firstSchoolYear) => new(
            "enrolment.start_before_route",
            $"De startdatum ligt vóór het eerste schooljaar van de leerroute ({firstSchoolYear}, vanaf {firstSchoolYear.FirstDay.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}).",
            ErrorField.StartDate);

        // R-PRIV-4: a start date is plausible, at most 2 school years after the current one.
        public static DomainError StartTooFarAhead(DateOnly latest) => new(
            "enrolment.start_too_far_ahead",
            $"De startdatum ligt meer dan {N(Common.SchoolYear.YearsAhead)} schooljaren in de toekomst (uiterlijk {latest.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}). Controleer het jaar.", ErrorField.StartDate);

        public static readonly DomainError StartAfterRouteEnd = new(
            "enrolment.start_after_route_end", "De startdatum ligt na de einddatum van de leerroute.", ErrorField.StartDate);

        public static readonly DomainError AlreadyActiveElsewhere = new(
            "enrolment.already_active",
            "Deze leerling staat in deze periode al ingeschreven in een leerroute. Beëindig die inschrijving eerst.");

        public static readonly DomainError VoInstitutionNotAPartner = new(
            "enrolment.vo_not_partner", "Kies een vo-school die partner is in deze leerroute.");

        public static readonly DomainError MboInstitutionNotAPartner = new(
            "enrolment.mbo_not_partner", "Kies een mbo-instelling die partner is in deze leerroute.");

        public static readonly DomainError PartnerLeftRoute = new(
            "enrolment.partner_left_route",
            "Er staan leerlingen ingeschreven bij een school of instelling die in de nieuwe versie geen partner meer is. " +
            "Beëindig of verplaats die inschrijvingen eerst.");

        // R-PUPIL-4
        public static readonly DomainError PhaseInvalid = new(
            "enrolment.phase.invalid", "Kies de vo-fase of de mbo-fase.", ErrorField.Phase);

        public static readonly DomainError PhaseBeforeStart = new(
            "enrolment.phase.before_start", "De fase kan niet ingaan vóór de startdatum van de inschrijving.", ErrorField.ValidFrom);

        public static readonly DomainError PhaseAfterEnd = new(
            "enrolment.phase.after_end", "De fase kan niet ingaan na de einddatum van de inschrijving.", ErrorField.ValidFrom);

        public static readonly DomainError PhaseUnchanged = new(
            "enrolment.phase.unchanged", "Ongewijzigd: de leerling heeft op die datum al deze fase.");

        // R-PUPIL-7
        public static readonly DomainError AlreadyEnded = new(
            "enrolment.end.already", "Deze inschrijving is al beëindigd.");

        public static readonly DomainError EndBeforeStart = new(
            "enrolment.end.before_start", "De einddatum ligt vóór de startdatum.", ErrorField.EndDate);

        public static readonly DomainError OutcomeRequired = new(
            "enrolment.end.outcome_required",
            "Kies een uitkomst: diploma behaald, overstapoptie gebruikt, verhuisd of anders.", ErrorField.Outcome);

        public static readonly DomainError OutcomeNoteRequired = new(
            "enrolment.end.note_required", "Licht de uitkomst 'anders' kort toe.", ErrorField.Note);

        public static readonly DomainError OutcomeNoteTooLong = new(
            "enrolment.end.note_too_long", $"De toelichting mag hoogstens {N(Pupils.Enrolment.MaxOutcomeNoteLength)} tekens lang zijn.", ErrorField.Note);
    }

    /// <summary>R-PRIV-4: names and free text hold printable text only (<see cref="PrintableText"/>).</summary>
    public static class Text
    {
        public const string NotPrintableSuffix = "not_printable";

        /// <summary>
        /// <paramref name="what"/> is the field in Dutch with its article ("de achternaam"); the code is
        /// <c>{codePrefix}.not_printable</c>, so each form and the import can place it at its field.
        /// </summary>
        public static DomainError NotPrintable(string codePrefix, string what, int codePoint, string? field = null) => new(
            codePrefix + "." + NotPrintableSuffix,
            $"{char.ToUpperInvariant(what[0])}{what[1..]} bevat een onzichtbaar teken of stuurteken ({Describe(codePoint)}), " +
            $"dat vaak meekomt bij kopiëren en plakken. Typ {what} opnieuw.",
            field);

        private static string Describe(int codePoint) => codePoint switch
        {
            '\t' => "U+0009, een tab",
            '\n' or '\r' or 0x2028 or 0x2029 => PrintableText.CodePointName(codePoint) + ", een regelovergang",
            _ => PrintableText.CodePointName(codePoint),
        };
    }
}
