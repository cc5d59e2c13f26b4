using System.Globalization;
using System.Text;

namespace DoorlopendeLeerroutes.Tests.Shared;

/// <summary>
/// Import files (docs/formats.md §1) as a school's Excel writes them, and valid pupil numbers to put in them. One home for
/// both test projects: linked into each as a source file (tests/Shared), so the header and the check digit are written once.
/// The header is spelled out here on purpose: it is the public contract the tests hold the app to.
/// </summary>
internal static class ImportCsv
{
    public const string Header = "Leerlingnummer;Achternaam;Tussenvoegsel;Voornaam;Geboortedatum;Startdatum;Fase;Fase vanaf";

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>One data row; the defaults make a valid pupil of 15 starting on <paramref name="start"/> in the vo-fase.</summary>
    public static string Row(
        DateOnly start, string number, string lastName = "Jansen", string prefix = "", string firstName = "Sanne",
        string? birthDate = null, string? startDate = null, string phase = "vo", string phaseFrom = "") =>
        string.Join(';', number, lastName, prefix, firstName, birthDate ?? Date(start.AddYears(-15)), startDate ?? Date(start), phase, phaseFrom);

    /// <summary>A file as Dutch Excel saves "CSV UTF-8": byte-order mark (when <paramref name="bom"/>), CR LF line ends.</summary>
    public static byte[] File(bool bom, string header, IEnumerable<string> lines)
    {
        var text = string.Concat(new[] { header }.Concat(lines).Select(l => l + "\r\n"));
        return [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>
    /// The onderwijsnummer <c>10</c> + <paramref name="serial"/> (six digits) + its check digit (R-PUPIL-1: the weighted sum
    /// leaves 5), or null when no check digit fits that serial.
    /// </summary>
    public static string? PupilNumber(int serial)
    {
        int[] weights = [9, 8, 7, 6, 5, 4, 3, 2];
        var body = "10" + serial.ToString("000000", CultureInfo.InvariantCulture);
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        var check = ((sum - 5) % 11 + 11) % 11; // sum − d9 ≡ 5 (mod 11)
        return check < 10 ? body + check.ToString(CultureInfo.InvariantCulture) : null;
    }
}
