using FluentValidation;

namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>
/// Checks the enrol form as the user types, with the domain's own rules and messages: each domain error lands at the
/// field it names (<see cref="DomainError.Field"/>). Whether the number may be enrolled here is the use case's job.
/// </summary>
public sealed class EnrolFormValidator : AbstractValidator<EnrolForm>
{
    public static readonly DomainError BirthDateRequired = new("enrolment.birth_date.required", "Vul de geboortedatum in.", ErrorField.BirthDate);

    public static readonly DomainError StartDateRequired = new("enrolment.start_date.required", "Vul de startdatum in.", ErrorField.StartDate);

    public EnrolFormValidator()
    {
        RuleFor(f => f.PupilNumber).Custom((_, context) => AddDomainErrors(context, ErrorField.PupilNumber));
        RuleFor(f => f.LastName).Custom((_, context) => AddDomainErrors(context, ErrorField.LastName));
        RuleFor(f => f.Prefix).Custom((_, context) => AddDomainErrors(context, ErrorField.Prefix));
        RuleFor(f => f.FirstName).Custom((_, context) => AddDomainErrors(context, ErrorField.FirstName));
        RuleFor(f => f.BirthDateValue).NotNull().WithMessage(BirthDateRequired.Message);
        RuleFor(f => f.StartDateValue).NotNull().WithMessage(StartDateRequired.Message);
        RuleFor(f => f.VoInstitutionId).NotNull().WithMessage(PupilErrors.InstitutionsRequired.Message);
        RuleFor(f => f.MboInstitutionId).NotNull().WithMessage(PupilErrors.InstitutionsRequired.Message);
    }

    private static void AddDomainErrors(ValidationContext<EnrolForm> context, string field)
    {
        var form = context.InstanceToValidate;
        var errors = PupilNumber.Parse(form.PupilNumber).Errors.Concat(Pupil.ValidateName(form.LastName, form.Prefix, form.FirstName));
        foreach (var error in errors.Where(e => e.Field == field))
        {
            context.AddFailure(field, error.Message);
        }
    }
}

/// <summary>The "fase vastleggen of corrigeren" form of the pupil page (R-PUPIL-4).</summary>
public sealed class PhaseForm
{
    public Phase Phase { get; set; } = Phase.Mbo;

    /// <summary>A date picker's value (MudBlazor picks <see cref="DateTime"/>); only the date counts.</summary>
    public DateTime? ValidFrom { get; set; }
}

public sealed class PhaseFormValidator : AbstractValidator<PhaseForm>
{
    public static readonly DomainError ValidFromRequired = new("enrolment.phase.valid_from_required", "Vul de datum in vanaf wanneer de fase geldt.", ErrorField.ValidFrom);

    public PhaseFormValidator()
    {
        RuleFor(f => f.Phase).IsInEnum().WithMessage(DomainErrors.Enrolment.PhaseInvalid.Message);
        RuleFor(f => f.ValidFrom).NotNull().WithMessage(ValidFromRequired.Message);
    }
}

/// <summary>The "inschrijving beëindigen" form of the pupil page (R-PUPIL-7).</summary>
public sealed class EndEnrolmentForm
{
    /// <summary>A date picker's value (MudBlazor picks <see cref="DateTime"/>); only the date counts.</summary>
    public DateTime? EndDate { get; set; }

    public EnrolmentOutcome? Outcome { get; set; }

    public string? Note { get; set; }
}

/// <summary>The same rules as <see cref="Enrolment.End"/>, with its messages, as the user fills the form.</summary>
public sealed class EndEnrolmentFormValidator : AbstractValidator<EndEnrolmentForm>
{
    public static readonly DomainError EndDateRequired = new("enrolment.end.date_required", "Vul de einddatum in.", ErrorField.EndDate);

    public EndEnrolmentFormValidator()
    {
        RuleFor(f => f.EndDate).NotNull().WithMessage(EndDateRequired.Message);
        RuleFor(f => f.Outcome).NotNull().WithMessage(DomainErrors.Enrolment.OutcomeRequired.Message);
        RuleFor(f => f.Note)
            .Must(n => !string.IsNullOrWhiteSpace(n)).When(f => f.Outcome == EnrolmentOutcome.Other)
            .WithMessage(DomainErrors.Enrolment.OutcomeNoteRequired.Message);
        RuleFor(f => f.Note)
            .Must(n => n is null || n.Trim().Length <= Enrolment.MaxOutcomeNoteLength)
            .WithMessage(DomainErrors.Enrolment.OutcomeNoteTooLong.Message);
    }
}

/// <summary>The "leerweg" form of the pupil page (R-MON-3): one of the route's leerwegen, or none ("onbekend").</summary>
public sealed class TrackForm
{
    public Track? Track { get; set; }

    /// <summary>The route's leerwegen: the only choices.</summary>
    public IReadOnlyList<Track> RouteTracks { get; set; } = [];
}

/// <summary>The rule of <see cref="Enrolment.SetTrack"/>, with its message, as the user picks.</summary>
public sealed class TrackFormValidator : AbstractValidator<TrackForm>
{
    public TrackFormValidator() =>
        RuleFor(f => f.Track)
            .Must((form, track) => track is not { } t || form.RouteTracks.Contains(t))
            .WithMessage(form => DomainErrors.Enrolment.TrackNotInRoute(form.RouteTracks).Message);
}
