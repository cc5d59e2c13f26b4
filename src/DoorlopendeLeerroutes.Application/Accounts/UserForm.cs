using FluentValidation;

namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>The fields of the "gebruiker" form on the Beheer page.</summary>
public sealed class UserForm
{
    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public UserRole Role { get; set; } = UserRole.Coordinator;

    public Guid? InstitutionId { get; set; }
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public const int MaxLength = 200;

    public UserFormValidator()
    {
        RuleFor(f => f.Email)
            .NotEmpty().WithMessage("Vul het e-mailadres in.")
            .MaximumLength(MaxLength).WithMessage("Het e-mailadres is te lang.")
            .EmailAddress().WithMessage("Dit is geen geldig e-mailadres.")
            .NotPrintableIsRefused("user.email", "het e-mailadres"); // EmailAddress() only looks for one @
        RuleFor(f => f.DisplayName)
            .NotEmpty().WithMessage("Vul de naam in.")
            .MaximumLength(MaxLength).WithMessage($"De naam is te lang (hoogstens {MaxLength} tekens).")
            .NotPrintableIsRefused("user.display_name", "de naam");
        RuleFor(f => f.Role).IsInEnum().WithMessage("Kies een rol.");
        RuleFor(f => f.InstitutionId).Custom((institutionId, context) =>
        {
            foreach (var error in context.InstanceToValidate.Role.CheckInstitution(institutionId).Errors)
            {
                context.AddFailure(error.Message);
            }
        });
    }
}
