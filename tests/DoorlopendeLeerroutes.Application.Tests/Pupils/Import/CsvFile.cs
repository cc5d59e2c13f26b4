using System.Globalization;
using System.Text;

namespace DoorlopendeLeerroutes.Application.Tests.Pupils.Import;

/// <summary>Import files as a school writes them (docs/formats.md §1), for tests that read them without the app.</summary>
internal static class CsvFile
{
    public const string Header = "Leerlingnummer;Achternaam;Tussenvoegsel;Voornaam;Geboortedatum;Startdatum;Fase;Fase vanaf";

    /// <summary>Valid pupil numbers (education numbers, check digit by the rule of R-PUPIL-1); none of them is in a database here.</summary>
    public static readonly string[] Numbers = [.. Enumerable.Range(0, 1000).Select(NumberFor).OfType<string>().Take(20)];

    /// <summary>A fixed start date, so these tests never depend on today.</summary>
    public static DateOnly Start => new(2025, 9, 16);

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string Row(
        string number, string lastName = "Jansen", string prefix = "", string firstName = "Sanne", string? birthDate = null,
        string? startDate = null, string phase = "vo", string phaseFrom = "") =>
        string.Join(';', number, lastName, prefix, firstName, birthDate ?? Date(Start.AddYears(-15)), startDate ?? Date(Start), phase, phaseFrom);

    public static byte[] File(params string[] lines) => File(bom: true, Header, lines);

    public static byte[] File(bool bom, string header, params string[] lines)
    {
        var text = string.Concat(new[] { header }.Concat(lines).Select(l => l + "\r\n"));
        return [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];
    }

    private static string? NumberFor(int i)
    {
        int[] weights = [9, 8, 7, 6, 5, 4, 3, 2];
        var body = "10" + (900_000 + i).ToString("000000", CultureInfo.InvariantCulture);
        var sum = body.Select((c, j) => (c - '0') * weights[j]).Sum();
        var check = ((sum - 5) % 11 + 11) % 11; // sum − d9 ≡ 5 (mod 11)
        return check < 10 ? body + check.ToString(CultureInfo.InvariantCulture) : null;
    }
}
