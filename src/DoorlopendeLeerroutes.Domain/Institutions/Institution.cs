namespace DoorlopendeLeerroutes.Domain.Institutions;

/// <summary>
/// A vo school or mbo institution (R-INST-1…3). The bevoegd gezag is kept as its number and name on the institution:
/// the product needs the board only to tell whether partners share one (R-AGR-1).
/// </summary>
public sealed class Institution : Entity
{
    public const int MaxNameLength = 200;

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
