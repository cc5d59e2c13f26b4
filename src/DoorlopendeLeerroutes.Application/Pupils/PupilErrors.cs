namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>Errors of the pupil use cases that are not rules of the domain (those are in <see cref="DomainErrors.Enrolment"/>).</summary>
public static class PupilErrors
{
    /// <summary>Also for an enrolment of another institution (R-ACCESS-1): the answer never reveals that it exists.</summary>
    public static readonly DomainError EnrolmentNotFound = new("enrolment.not_found", "Deze inschrijving bestaat niet, of je hebt er geen toegang toe.");

    public static readonly DomainError DatesRequired = new("enrolment.dates.required", "Vul de geboortedatum en de startdatum in.");

    public static readonly DomainError InstitutionsRequired = new("enrolment.institutions.required", "Kies de vo-school en de mbo-instelling van de leerling.");

    public static readonly DomainError DetailsDoNotMatch = new(
        "enrolment.pupil.details_mismatch",
        "De achternaam of geboortedatum klopt niet bij dit leerlingnummer. Controleer de gegevens.");

    public static readonly DomainError NothingSelected = new("bulk_phase.nothing_selected", "Selecteer eerst een of meer leerlingen.");

    public static readonly DomainError TooManySelected = new(
        "bulk_phase.too_many",
        $"Selecteer hoogstens {DutchFormat.Number(BulkPhaseChange.MaxSelection)} leerlingen tegelijk.");

    public static readonly DomainError SelectionChanged = new(
        "bulk_phase.selection_changed",
        "Een of meer geselecteerde leerlingen staan niet (meer) in deze leerroute of zijn niet van jouw instelling. Laad de lijst opnieuw.");

    /// <summary>R-PRIV-1: the one answer for a number of a pupil the user may not see (<see cref="PupilNumberGuard"/>).</summary>
    public static readonly DomainError CannotEnrolHere = new(
        "pupil.number.not_here",
        "Dit leerlingnummer kan hier niet worden ingeschreven. Hoort de leerling wel bij jouw instelling? De beheerder kan helpen.");

    /// <summary>R-PRIV-3: past the day's limit of such refusals.</summary>
    public static readonly DomainError NumbersBlocked = new(
        "pupil.number.blocked",
        "Je hebt vandaag te vaak een leerlingnummer ingevoerd dat hier niet kan worden gebruikt. Tot morgen kun je geen "
        + "leerlingnummers meer invoeren; de beheerder ziet dit en kan helpen.");
}
