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

    /// <summary>R-MON-1: the gemeente; empty for an institution recorded before it was asked, so the form asks for it.</summary>
    public string Municipality { get; set; } = string.Empty;

    /// <summary>R-MON-1: one of the twelve provinces; null until chosen.</summary>
    public Province? Province { get; set; }

    /// <summary>R-MON-1: the RMC-regio, optional.</summary>
    public string? RmcRegion { get; set; }

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

        // R-MON-1: the same rules as Institution.SetPlace, with its messages.
        RuleFor(f => f.Municipality)
            .Must(m => !string.IsNullOrWhiteSpace(m) && m.Trim().Length <= Institution.MaxPlaceLength)
            .WithMessage(DomainErrors.Institution.MunicipalityRequired.Message)
            .NotPrintableIsRefused("institution.municipality", "de gemeente");
        RuleFor(f => f.Province)
            .Must(p => p is { } province && Enum.IsDefined(province))
            .WithMessage(DomainErrors.Institution.ProvinceInvalid.Message);
        RuleFor(f => f.RmcRegion)
            .Must(r => r is null || r.Trim().Length <= Institution.MaxPlaceLength)
            .WithMessage(DomainErrors.Institution.RmcRegionTooLong.Message)
            .NotPrintableIsRefused("institution.rmc_region", "de RMC-regio");
    }
}
