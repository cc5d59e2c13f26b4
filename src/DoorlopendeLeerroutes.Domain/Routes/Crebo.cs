using System.Diagnostics.CodeAnalysis;

namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>R-ROUTE-6: a crebo (erkende opleidingscode) is exactly 5 digits.</summary>
public sealed record Crebo
{
    private Crebo(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out Crebo? crebo)
    {
        var s = input?.Trim();
        crebo = s is { Length: 5 } && s.All(char.IsAsciiDigit) ? new Crebo(s) : null;
        return crebo is not null;
    }

    public static Crebo Create(string? input) =>
        TryCreate(input, out var crebo) ? crebo : throw new DomainException(DomainErrors.Route.CreboInvalid);

    public override string ToString() => Value;
}
