using System.Globalization;
using System.Text;
using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.EndToEnd.Tests.Support;

/// <summary>One row of a pupil CSV (docs/formats.md §1) as the journey imports it.</summary>
public sealed record PupilRow(string Number, string LastName, string FirstName, DateOnly BirthDate, DateOnly Start, string Phase)
{
    public string Name => $"{FirstName} {LastName}";
}

/// <summary>Builds the pupil CSV of the journey with valid, unused numbers (BSNs starting with 3; the demo data has none).</summary>
public static class PupilFile
{
    public static IReadOnlyList<PupilRow> Rows(params (string LastName, string FirstName, DateOnly Start, string Phase)[] pupils)
    {
        var numbers = ValidNumbers().GetEnumerator();
        return pupils.Select(p =>
        {
            numbers.MoveNext();
            return new PupilRow(numbers.Current, p.LastName, p.FirstName, new DateOnly(2011, 3, 14), p.Start, p.Phase);
        }).ToList();
    }

    public static byte[] Csv(IEnumerable<PupilRow> rows)
    {
        var text = new StringBuilder("Leerlingnummer;Achternaam;Tussenvoegsel;Voornaam;Geboortedatum;Startdatum;Fase;Fase vanaf\r\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Number};{row.LastName};;{row.FirstName};{Date(row.BirthDate)};{Date(row.Start)};{row.Phase};\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static IEnumerable<string> ValidNumbers()
    {
        for (var candidate = 300_000_000; ; candidate++)
        {
            var text = candidate.ToString(CultureInfo.InvariantCulture);
            if (PupilNumber.TryCreate(text, out _))
            {
                yield return text;
            }
        }
    }
}
