namespace DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;

/// <summary>Plausible Dutch names for demo pupils, combined deterministically.</summary>
internal static class DemoNames
{
    private static readonly string[] FirstNames =
    [
        "Sem", "Noah", "Liam", "Luca", "Daan", "Finn", "Levi", "Milan", "Jesse", "Bram",
        "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Fleur", "Anna",
        "Yara", "Mohammed", "Ayoub", "Selin", "Ilse",
    ];

    private static readonly (string? Prefix, string Last)[] LastNames =
    [
        (null, "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
        (null, "Visser"), (null, "Smit"), ("de", "Boer"), (null, "Mulder"), ("de", "Groot"),
        (null, "Bos"), (null, "Vos"), (null, "Peters"), ("van der", "Meer"), (null, "Hendriks"),
        (null, "El Amrani"), (null, "Yilmaz"), ("van", "Leeuwen"), (null, "Dekker"), (null, "Brouwer"),
    ];

    public static IReadOnlyList<(string First, string? Prefix, string Last)> Generate(int count) =>
        Enumerable.Range(0, count)
            .Select(i => (FirstNames[i * 7 % FirstNames.Length], LastNames[i * 3 % LastNames.Length].Prefix,
                LastNames[i * 3 % LastNames.Length].Last))
            .ToList();
}
