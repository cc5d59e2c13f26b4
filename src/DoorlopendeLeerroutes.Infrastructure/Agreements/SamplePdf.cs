using System.Globalization;
using System.Text;

namespace DoorlopendeLeerroutes.Infrastructure.Agreements;

/// <summary>
/// A small, real PDF with one line of text per page: the demo agreements are such a file, so downloading one in the
/// demo works and the reviewer's hint has text to read.
/// </summary>
public static class SamplePdf
{
    public static byte[] WithPages(params string[] pageTexts)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pageTexts.Select((_, i) => $"{3 + (2 * i)} 0 R"))}] /Count {pageTexts.Length} >>",
        };
        var font = 3 + (2 * pageTexts.Length);
        for (var i = 0; i < pageTexts.Length; i++)
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + (2 * i)} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>");
            var stream = $"BT /F1 14 Tf 72 770 Td ({Escape(pageTexts[i])}) Tj ET";
            objects.Add($"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}\nendstream");
        }

        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var n = 0; n < objects.Count; n++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{n + 1} 0 obj\n{objects[n]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>The demo agreement: twelve pages, with the overstapoptie on page 4 as the demo checklist says.</summary>
    public static byte[] DemoAgreement() => WithPages(
        "Samenwerkingsovereenkomst doorlopende leerroute (voorbeeld)", "Artikel 1 Partijen", "Artikel 2 Doel",
        "Artikel 4 Overstapoptie: leerlingen die stoppen behalen een vmbo- of mbo-diploma", "Artikel 5 Onderwijsprogramma",
        "Artikel 6 Examens en diplomas", "Artikel 7 BPV", "Artikel 8 Verzuim", "Artikel 9 Toetreding en wijziging",
        "Artikel 10 Looptijd", "Artikel 11 Geschillen", "Ondertekening");

    // PDF text strings: backslash and parentheses are escaped; plain ASCII keeps the sample simple.
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
}
