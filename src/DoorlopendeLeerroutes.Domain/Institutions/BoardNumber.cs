using System.Diagnostics.CodeAnalysis;

namespace DoorlopendeLeerroutes.Domain.Institutions;

/// <summary>R-INST-2: the number of a bevoegd gezag (the legal board that signs the agreement) is 5 digits.</summary>
public sealed record BoardNumber
{
    private BoardNumber(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out BoardNumber? number)
    {
        var s = input?.Trim();
        number = s is { Length: 5 } && s.All(char.IsAsciiDigit) ? new BoardNumber(s) : null;
        return number is not null;
    }

    public static BoardNumber Create(string? input) =>
        TryCreate(input, out var number) ? number : throw new DomainException(DomainErrors.Institution.BoardNumberInvalid);

    public override string ToString() => Value;
}
