using DoorlopendeLeerroutes.Domain.Institutions;
using FluentValidation;

namespace DoorlopendeLeerroutes.Application.Routes;

/// <summary>A partner as the route form holds it: the institution, its sector (for R-ROUTE-1) and an optional vestiging.</summary>
public sealed class PartnerLine
{
    public Guid InstitutionId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Brin { get; set; } = string.Empty;

    public Sector Sector { get; set; }

    public string? Site { get; set; }
}

/// <summary>The fields of the route form (new route and edit). <see cref="Version"/> detects a concurrent change.</summary>
public sealed class RouteForm
{
    public string Name { get; set; } = string.Empty;

    public RouteType Type { get; set; } = RouteType.Continuous;

    public VmboProfile? Profile { get; set; }

    public IReadOnlyCollection<Track> Tracks { get; set; } = [];

    /// <summary>True: the target is a crebo; false: an opleidingsdomein (pupils choose their qualification later).</summary>
    public bool TargetIsCrebo { get; set; } = true;

    public string? Crebo { get; set; }

    public string? TrainingDomain { get; set; }

    public MboLevel Level { get; set; } = MboLevel.Level2;

    public int EntryYear { get; set; } = RouteDefinition.UsualEntryYear;

    public string FirstSchoolYear { get; set; } = string.Empty;

    public TeachingLocation Location { get; set; } = TeachingLocation.Both;

    public bool IncludesWorkBasedTrack { get; set; }

    public List<PartnerLine> Partners { get; set; } = [];

    public Guid Version { get; set; }

    /// <summary>The domain's verdict on this form: the definition, or every broken rule, plus warnings (R-ROUTE-4, R-AGR-5).</summary>
    /// <summary>
    /// The form field a domain error belongs to, through the error's own <see cref="DomainError.Field"/>: the mbo target
    /// goes to whichever of crebo code and training domain the form shows; an error about no one field to the name.
    /// </summary>
    public string PropertyOf(DomainError error) => error.Field switch
    {
        ErrorField.Target => TargetIsCrebo ? nameof(Crebo) : nameof(TrainingDomain),
        ErrorField.SchoolYear => nameof(FirstSchoolYear),
        null => nameof(Name),
        var field => field,
    };

    public Result<RouteDefinition> ToDefinition()
    {
        var yearValid = SchoolYear.TryCreate(FirstSchoolYear, out var year);
        var result = RouteDefinition.Create(
            Name, Type, Profile ?? (VmboProfile)0, Tracks, TargetIsCrebo ? Crebo : null, TargetIsCrebo ? null : TrainingDomain,
            Level, EntryYear, year ?? SchoolYear.FromStartYear(SchoolYear.MinStartYear), Location, IncludesWorkBasedTrack);
        if (yearValid)
        {
            return result;
        }

        return Result<RouteDefinition>.Failure([.. result.Errors, DomainErrors.SchoolYear.Invalid]);
    }

    /// <summary>Fills the form from a stored route, for editing.</summary>
    public static RouteForm From(RouteDefinition definition, IEnumerable<PartnerLine> partners, Guid version) => new()
    {
        Name = definition.Name, Type = definition.Type, Profile = definition.Profile, Tracks = [.. definition.Tracks],
        TargetIsCrebo = definition.Crebo is not null, Crebo = definition.Crebo?.Value, TrainingDomain = definition.TrainingDomain,
        Level = definition.Level, EntryYear = definition.EntryYear, FirstSchoolYear = definition.FirstSchoolYear.ToString(),
        Location = definition.Location, IncludesWorkBasedTrack = definition.IncludesWorkBasedTrack, Partners = [.. partners],
        Version = version,
    };
}

/// <summary>
/// Checks the route form as the user types (R-ROUTE-1…6) by asking the domain itself, so form and domain can never
/// disagree; each domain error is shown at the field it is about.
/// </summary>
public sealed class RouteFormValidator : AbstractValidator<RouteForm>
{
    public RouteFormValidator()
    {
        // One rule per field (MudForm validates field by field), each showing the domain's errors for that field.
        RuleFor(f => f.Name).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.Name)));
        RuleFor(f => f.Type).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.Type)));
        RuleFor(f => f.Profile).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.Profile)));
        RuleFor(f => f.Tracks).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.Tracks)));
        RuleFor(f => f.Crebo).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.Crebo)));
        RuleFor(f => f.TrainingDomain).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.TrainingDomain)));
        RuleFor(f => f.Level).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.Level)));
        RuleFor(f => f.EntryYear).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.EntryYear)));
        RuleFor(f => f.FirstSchoolYear).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.FirstSchoolYear)));
        RuleFor(f => f.Location).Custom((_, context) => AddDomainErrors(context, nameof(RouteForm.Location)));

        // R-ROUTE-1, as the domain states it (Route.CheckPartners): at least one vo and one mbo partner, each institution once.
        RuleFor(form => form.Partners).Custom((partners, context) =>
        {
            foreach (var error in Route.CheckPartners(partners.Select(p => (p.InstitutionId, p.Sector)).ToList()).Errors)
            {
                context.AddFailure(error.Message);
            }
        });
    }

    private static void AddDomainErrors(ValidationContext<RouteForm> context, string property)
    {
        var form = context.InstanceToValidate;
        foreach (var error in form.ToDefinition().Errors.Where(e => form.PropertyOf(e) == property))
        {
            context.AddFailure(property, error.Message);
        }
    }
}
