namespace DoorlopendeLeerroutes.Domain.Institutions;

/// <summary>
/// A vo school or mbo institution (R-INST-1…3). The bevoegd gezag is kept as its number and name on the institution:
/// the product needs the board only to tell whether partners share one (R-AGR-1).
/// </summary>
public sealed class Institution : Entity
{
    public const int MaxNameLength = 200;

    public const int MaxFederationDomainLength = 253;

    /// <summary>The longest gemeente or RMC-regio name kept (the longest real ones are under 40).</summary>
    public const int MaxPlaceLength = 100;

    private Institution(Guid id, Brin brin, string name, Sector sector, BoardNumber boardNumber, string boardName)
        : base(id)
    {
        Brin = brin;
        Name = name;
        Sector = sector;
        BoardNumber = boardNumber;
        BoardName = boardName;
    }

    // For EF Core.
    private Institution()
        : base(Guid.Empty)
    {
        Brin = null!;
        Name = null!;
        BoardNumber = null!;
        BoardName = null!;
    }

    public Brin Brin { get; private set; }

    public string Name { get; private set; }

    public Sector Sector { get; private set; }

    public BoardNumber BoardNumber { get; private set; }

    public string BoardName { get; private set; }

    /// <summary>
    /// The domain a federation names the institution by (SURFconext's <c>schac_home_organization</c>, e.g. <c>rocrivierenland.nl</c>),
    /// lower case; null when not recorded. Unique: it decides to which institution a just-in-time account belongs (R-AUTH-1).
    /// </summary>
    public string? FederationDomain { get; private set; }

    /// <summary>The gemeente the institution lies in (R-MON-1); null for an institution recorded before it was asked.</summary>
    public string? Municipality { get; private set; }

    /// <summary>The province the gemeente lies in (R-MON-1).</summary>
    public Province? Province { get; private set; }

    /// <summary>The name of the RMC-regio (regional reporting and coordination of early school leaving), when known.</summary>
    public string? RmcRegion { get; private set; }

    /// <summary>
    /// R-MON-1: records where the institution lies – gemeente and provincie required, the RMC-regio optional (empty clears
    /// it). Used by the public route finder and the monitor.
    /// </summary>
    public Result SetPlace(string? municipality, Province? province, string? rmcRegion)
    {
        var errors = CheckPlace(municipality, province, rmcRegion);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Municipality = municipality!.Trim();
        Province = province;
        RmcRegion = string.IsNullOrWhiteSpace(rmcRegion) ? null : rmcRegion.Trim();
        return Result.Success();
    }

    /// <summary>The rules of <see cref="SetPlace"/> without an institution, so an import reports them with the other errors of a new row.</summary>
    public static List<DomainError> CheckPlace(string? municipality, Province? province, string? rmcRegion)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(municipality) || municipality.Trim().Length > MaxPlaceLength)
        {
            errors.Add(DomainErrors.Institution.MunicipalityRequired);
        }
        else if (PrintableText.Check(municipality, "institution.municipality", "de gemeente") is { } municipalityNotPrintable)
        {
            errors.Add(municipalityNotPrintable); // R-PRIV-4
        }

        if (province is not { } p || !Enum.IsDefined(p))
        {
            errors.Add(DomainErrors.Institution.ProvinceInvalid);
        }

        var region = string.IsNullOrWhiteSpace(rmcRegion) ? null : rmcRegion.Trim();
        if (region is { Length: > MaxPlaceLength })
        {
            errors.Add(DomainErrors.Institution.RmcRegionTooLong);
        }
        else if (region is not null && PrintableText.Check(region, "institution.rmc_region", "de RMC-regio") is { } regionNotPrintable)
        {
            errors.Add(regionNotPrintable); // R-PRIV-4
        }

        return errors;
    }

    /// <summary>Creates an institution. Uniqueness of the BRIN (R-INST-3) is checked against the store by the caller and the database.</summary>
    public static Result<Institution> Create(
        string? brin, string? name, Sector sector, string? boardNumber, string? boardName)
    {
        var errors = Validate(brin, name, sector, boardNumber, boardName, out var validBrin, out var validBoard);
        return errors.Count > 0
            ? Result<Institution>.Failure(errors)
            : Result<Institution>.Success(new Institution(
                Guid.NewGuid(), validBrin!, name!.Trim(), sector, validBoard!, boardName!.Trim()));
    }

    /// <summary>Corrects the institution's details (administrators only; the caller checks the role).</summary>
    public Result Update(string? brin, string? name, Sector sector, string? boardNumber, string? boardName)
    {
        var errors = Validate(brin, name, sector, boardNumber, boardName, out var validBrin, out var validBoard);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Brin = validBrin!;
        Name = name!.Trim();
        Sector = sector;
        BoardNumber = validBoard!;
        BoardName = boardName!.Trim();
        return Result.Success();
    }

    /// <summary>Records the federation domain (empty clears it). Uniqueness is checked against the store by the caller and the database.</summary>
    public Result SetFederationDomain(string? domain)
    {
        if (!TryNormaliseFederationDomain(domain, out var normalised))
        {
            return Result.Failure(DomainErrors.Institution.FederationDomainInvalid);
        }

        FederationDomain = normalised;
        return Result.Success();
    }

    /// <summary>
    /// A domain name (labels of letters, digits and hyphens, at least two, at most 253 characters), trimmed and in lower case;
    /// empty or white space is no domain (valid, null).
    /// </summary>
    public static bool TryNormaliseFederationDomain(string? input, out string? domain)
    {
        domain = null;
        var s = input?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(s))
        {
            return true;
        }

        var labels = s.Split('.');
        var valid = s.Length <= MaxFederationDomainLength && labels.Length >= 2 && labels.All(label =>
            label.Length is >= 1 and <= 63 && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
        domain = valid ? s : null;
        return valid;
    }

    private static List<DomainError> Validate(
        string? brin, string? name, Sector sector, string? boardNumber, string? boardName,
        out Brin? validBrin, out BoardNumber? validBoard)
    {
        var errors = new List<DomainError>();
        if (!Brin.TryCreate(brin, out validBrin))
        {
            errors.Add(DomainErrors.Institution.BrinInvalid);
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            errors.Add(DomainErrors.Institution.NameRequired);
        }
        else if (PrintableText.Check(name, "institution.name", "de naam van de instelling") is { } nameNotPrintable)
        {
            errors.Add(nameNotPrintable); // R-PRIV-4
        }

        if (!Enum.IsDefined(sector))
        {
            errors.Add(DomainErrors.Institution.SectorInvalid);
        }

        if (!BoardNumber.TryCreate(boardNumber, out validBoard))
        {
            errors.Add(DomainErrors.Institution.BoardNumberInvalid);
        }

        if (string.IsNullOrWhiteSpace(boardName) || boardName.Trim().Length > MaxNameLength)
        {
            errors.Add(DomainErrors.Institution.BoardNameRequired);
        }
        else if (PrintableText.Check(boardName, "institution.board_name", "de naam van het bevoegd gezag") is { } boardNotPrintable)
        {
            errors.Add(boardNotPrintable); // R-PRIV-4
        }

        return errors;
    }
}
