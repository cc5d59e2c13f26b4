using System.Diagnostics.CodeAnalysis;

namespace DoorlopendeLeerroutes.Domain.Institutions;

/// <summary>
/// R-INST-1: a BRIN (instellingscode) is 2 digits followed by 2 capital letters, e.g. <c>05KO</c>.
/// Stored as text so leading zeros survive; lower-case input is upper-cased.
/// </summary>
public sealed record Brin
{
    private Brin(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out Brin? brin)
    {
        var s = input?.Trim().ToUpperInvariant();
        brin = s is { Length: 4 }
               && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1])
               && char.IsAsciiLetterUpper(s[2]) && char.IsAsciiLetterUpper(s[3])
            ? new Brin(s)
            : null;
        return brin is not null;
    }

    public static Brin Create(string? input) =>
        TryCreate(input, out var brin) ? brin : throw new DomainException(DomainErrors.Institution.BrinInvalid);

    public override string ToString() => Value;
}
