namespace DoorlopendeLeerroutes.TestIdentityProvider;

/// <summary>
/// The identity the test provider issues next: the subject, e-mail address and whether it is verified, a name, extra claims
/// (an institution claim, or a bogus role a test wants refused) and the <c>amr</c>/<c>acr</c> values.
/// </summary>
public sealed record TestIdentity(string Subject, string? Email, bool? EmailVerified = true, string? Name = null)
{
    /// <summary>Entree Federatie's institution claim: the BRIN of the school the person belongs to.</summary>
    public const string EntreeInstitutionClaim = "nlEduPersonHomeOrganizationId";

    /// <summary>SURFconext's institution claim: the institution's domain.</summary>
    public const string SurfInstitutionClaim = "schac_home_organization";

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Extra { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> Amr { get; init; } = ["pwd"];

    public string? Acr { get; init; }

    /// <summary>Someone of a school as Entree Federatie names them, with their school's BRIN.</summary>
    public static TestIdentity Entree(string subject, string? email, string? brin, bool? emailVerified = true) =>
        new(subject, email, emailVerified, "Docent Test")
        {
            Extra = brin is null ? new Dictionary<string, IReadOnlyList<string>>() : new() { [EntreeInstitutionClaim] = [brin] },
        };

    /// <summary>Someone of an institution as SURFconext names them, with the institution's domain.</summary>
    public static TestIdentity Surf(string subject, string? email, string? domain, bool? emailVerified = true) =>
        new(subject, email, emailVerified, "Medewerker Test")
        {
            Extra = domain is null ? new Dictionary<string, IReadOnlyList<string>>() : new() { [SurfInstitutionClaim] = [domain] },
        };

    /// <summary>The same identity with one more claim (e.g. a role the app must ignore, R-AUTH-1).</summary>
    public TestIdentity With(string type, params string[] values) =>
        this with { Extra = new Dictionary<string, IReadOnlyList<string>>(Extra) { [type] = values } };
}
