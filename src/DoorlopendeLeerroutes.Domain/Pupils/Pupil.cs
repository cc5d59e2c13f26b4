namespace DoorlopendeLeerroutes.Domain.Pupils;

/// <summary>A leerling. Addressed everywhere by <see cref="Entity.Id"/>; the pupil number is personal data (R-PUPIL-8).</summary>
public sealed class Pupil : Entity
{
    public const int MaxNamePartLength = 100;

    // docs/formats.md §1: a pupil is between 10 and 30 years old on the start date of an enrolment.
    public const int MinAgeOnStart = 10;
    public const int MaxAgeOnStart = 30;

    private Pupil(Guid id, PupilNumber number, string lastName, string? prefix, string firstName, DateOnly birthDate)
        : base(id)
    {
        Number = number;
        LastName = lastName;
        Prefix = prefix;
        FirstName = firstName;
        BirthDate = birthDate;
    }

    // For EF Core.
    private Pupil()
        : base(Guid.Empty)
    {
        Number = null!;
        LastName = null!;
        FirstName = null!;
    }

    public PupilNumber Number { get; private set; }

    public string LastName { get; private set; }

    /// <summary>Tussenvoegsel, e.g. <c>van der</c>.</summary>
    public string? Prefix { get; private set; }

    public string FirstName { get; private set; }

    public DateOnly BirthDate { get; private set; }

    /// <summary>The name as Dutch schools write it: <c>Jan van der Berg</c>.</summary>
    public string FullName => FullNameOf(FirstName, Prefix, LastName);

    /// <summary>The same name from its parts, for a query that reads only those columns.</summary>
    public static string FullNameOf(string firstName, string? prefix, string lastName) =>
        string.Join(' ', new[] { firstName, prefix, lastName }.Where(p => !string.IsNullOrEmpty(p)));

    public static Result<Pupil> Create(
        string? number, string? lastName, string? prefix, string? firstName, DateOnly birthDate)
    {
        var errors = new List<DomainError>();
        var parsed = PupilNumber.Parse(number);
        errors.AddRange(parsed.Errors);
        errors.AddRange(ValidateName(lastName, prefix, firstName));
        return errors.Count > 0
            ? Result<Pupil>.Failure(errors)
            : Result<Pupil>.Success(new Pupil(
                Guid.NewGuid(), parsed.Value, lastName!.Trim(), Normalise(prefix), firstName!.Trim(), birthDate));
    }

    /// <summary>Corrects the pupil's name or birth date; the number is the identity and does not change.</summary>
    public Result CorrectDetails(string? lastName, string? prefix, string? firstName, DateOnly birthDate)
    {
        var errors = ValidateName(lastName, prefix, firstName);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        LastName = lastName!.Trim();
        Prefix = Normalise(prefix);
        FirstName = firstName!.Trim();
        BirthDate = birthDate;
        return Result.Success();
    }

    /// <summary>Whole years of age on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>The checks of a name (required, length, R-PRIV-4 printable), also used by the import before the database.</summary>
    public static IReadOnlyList<DomainError> ValidateName(string? lastName, string? prefix, string? firstName)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(lastName) || lastName.Trim().Length > MaxNamePartLength)
        {
            errors.Add(DomainErrors.Pupil.LastNameRequired);
        }

        if (string.IsNullOrWhiteSpace(firstName) || firstName.Trim().Length > MaxNamePartLength)
        {
            errors.Add(DomainErrors.Pupil.FirstNameRequired);
        }

        if (prefix is not null && prefix.Trim().Length > MaxNamePartLength)
        {
            errors.Add(DomainErrors.Pupil.PrefixTooLong);
        }

        // R-PRIV-4: a name that holds an invisible or control character would look the same as another one.
        AddIfNotPrintable(errors, lastName, "pupil.last_name", "de achternaam", ErrorField.LastName);
        AddIfNotPrintable(errors, prefix, "pupil.prefix", "het tussenvoegsel", ErrorField.Prefix);
        AddIfNotPrintable(errors, firstName, "pupil.first_name", "de voornaam", ErrorField.FirstName);
        return errors;
    }

    private static void AddIfNotPrintable(List<DomainError> errors, string? text, string codePrefix, string what, string field)
    {
        if (PrintableText.Check(text, codePrefix, what, field: field) is { } error)
        {
            errors.Add(error);
        }
    }

    private static string? Normalise(string? prefix) => string.IsNullOrWhiteSpace(prefix) ? null : prefix.Trim();
}
