using System.Diagnostics.CodeAnalysis;

namespace DoorlopendeLeerroutes.Domain.Institutions;

/// <summary>A vestiging: the BRIN of the institution followed by 2 digits, e.g. <c>05KO00</c>.</summary>
public sealed record SiteCode
{
    private SiteCode(string value) => Value = value;

    public string Value { get; }

    public Brin Brin => Brin.Create(Value[..4]);

    public static bool TryCreate(string? input, [NotNullWhen(true)] out SiteCode? site)
    {
        var s = input?.Trim().ToUpperInvariant();
        site = s is { Length: 6 } && Brin.TryCreate(s[..4], out _) && char.IsAsciiDigit(s[4]) && char.IsAsciiDigit(s[5])
            ? new SiteCode(s)
            : null;
        return site is not null;
    }

    public static SiteCode Create(string? input) =>
        TryCreate(input, out var site) ? site : throw new DomainException(DomainErrors.Institution.SiteInvalid);

    public override string ToString() => Value;
}
