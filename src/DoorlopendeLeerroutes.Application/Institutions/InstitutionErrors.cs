namespace DoorlopendeLeerroutes.Application.Institutions;

/// <summary>Errors of the institution use cases that are not rules of the domain (those are in <see cref="DomainErrors.Institution"/>).</summary>
public static class InstitutionErrors
{
    public static readonly DomainError NotFound = new("institution.not_found", "Deze instelling bestaat niet (meer).");
}
