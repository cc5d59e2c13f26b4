using System.Diagnostics.CodeAnalysis;

namespace DoorlopendeLeerroutes.Domain.Pupils;

/// <summary>Which kind of number a <see cref="PupilNumber"/> is.</summary>
public enum PupilNumberKind
{
    /// <summary>Burgerservicenummer: passes the elfproef.</summary>
    Bsn = 1,

    /// <summary>Onderwijsnummer: starts with 10, the same weighted sum leaves remainder 5.</summary>
    EducationNumber = 2,
}

/// <summary>
/// R-PUPIL-1: a BSN or onderwijsnummer of 9 digits (8 digits get a leading zero). Personal data (R-PUPIL-8):
/// <see cref="ToString"/> is masked, so the full number only leaves through <see cref="Value"/>, on purpose.
/// </summary>
public sealed record PupilNumber
{
    private static readonly int[] Weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];

    private PupilNumber(string value, PupilNumberKind kind)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The full 9-digit number. Never log it or put it in a URL or file name.</summary>
    public string Value { get; }

    public PupilNumberKind Kind { get; }

    /// <summary>Five stars and the last four digits, e.g. <c>*****2333</c>.</summary>
    public string Masked => "*****" + Value[^4..];

    /// <summary>Parses and checks a number, saying which check failed.</summary>
    public static Result<PupilNumber> Parse(string? input)
    {
        var s = input?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            return Result<PupilNumber>.Failure(DomainErrors.Pupil.NumberRequired);
        }

        if (!s.All(char.IsAsciiDigit) || s.Length is not (8 or 9))
        {
            return Result<PupilNumber>.Failure(DomainErrors.Pupil.NumberFormat);
        }

        if (s.Length == 8)
        {
            s = "0" + s;
        }

        var remainder = WeightedSum(s) % 11;
        if (s.StartsWith("10", StringComparison.Ordinal) && remainder == 5)
        {
            return Result<PupilNumber>.Success(new PupilNumber(s, PupilNumberKind.EducationNumber));
        }

        if (remainder == 0 && s != "000000000")
        {
            return Result<PupilNumber>.Success(new PupilNumber(s, PupilNumberKind.Bsn));
        }

        return Result<PupilNumber>.Failure(s.StartsWith("10", StringComparison.Ordinal)
            ? DomainErrors.Pupil.EducationNumberCheckFailed
            : DomainErrors.Pupil.BsnElevenTestFailed);
    }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out PupilNumber? number)
    {
        var result = Parse(input);
        number = result.IsSuccess ? result.Value : null;
        return number is not null;
    }

    public static PupilNumber Create(string? input)
    {
        var result = Parse(input);
        return result.IsSuccess ? result.Value : throw new DomainException(result.Errors[0]);
    }

    /// <summary>Masked on purpose: string interpolation into a log line or message cannot leak the number.</summary>
    public override string ToString() => Masked;

    private static int WeightedSum(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        // The last weight is −1, so the sum can be negative; normalise to a remainder in 0..10.
        return ((sum % 11) + 11) % 11;
    }
}
