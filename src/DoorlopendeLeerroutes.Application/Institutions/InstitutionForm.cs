using DoorlopendeLeerroutes.Domain.Institutions;
using FluentValidation;

namespace DoorlopendeLeerroutes.Application.Institutions;

/// <summary>The fields of the "instelling" form on the Beheer page. <see cref="Version"/> detects a concurrent change.</summary>
public sealed class InstitutionForm
{
    public string Brin { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public Sector Sector { get; set; } = Sector.Vo;

    public string BoardNumber { get; set; } = string.Empty;

    public string BoardName { get; set; } = string.Empty;

    /// <summary>The domain SURFconext names the institution by (<c>schac_home_organization</c>); optional.</summary>
    public string? FederationDomain { get; set; }

    public Guid Version { get; set; }
}

/// <summary>Checks the form as the user types, with the same value objects (and messages) the domain uses.</summary>
public sealed class InstitutionFormValidator : AbstractValidator<InstitutionForm>
{
    public InstitutionFormValidator()
    {
        RuleFor(f => f.Brin)
            .Must(b => Domain.Institutions.Brin.TryCreate(b, out _))
            .WithMessage(DomainErrors.Institution.BrinInvalid.Message);
        RuleFor(f => f.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= Institution.MaxNameLength)
            .WithMessage(DomainErrors.Institution.NameRequired.Message)
            .NotPrintableIsRefused("institution.name", "de naam van de instelling");
        RuleFor(f => f.Sector).IsInEnum().WithMessage(DomainErrors.Institution.SectorInvalid.Message);
        RuleFor(f => f.BoardNumber)
            .Must(b => Domain.Institutions.BoardNumber.TryCreate(b, out _))
            .WithMessage(DomainErrors.Institution.BoardNumberInvalid.Message);
        RuleFor(f => f.BoardName)
            .Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= Institution.MaxNameLength)
            .WithMessage(DomainErrors.Institution.BoardNameRequired.Message)
            .NotPrintableIsRefused("institution.board_name", "de naam van het bevoegd gezag");
        RuleFor(f => f.FederationDomain)
            .Must(d => Institution.TryNormaliseFederationDomain(d, out _))
            .WithMessage(DomainErrors.Institution.FederationDomainInvalid.Message);
    }
}
