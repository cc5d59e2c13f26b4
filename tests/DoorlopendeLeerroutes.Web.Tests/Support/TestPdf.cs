using System.Globalization;
using System.Text;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>Small but real PDF documents (one text line per page) for upload tests.</summary>
public static class TestPdf
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
            var stream = $"BT /F1 14 Tf 72 770 Td ({pageTexts[i]}) Tj ET";
            objects.Add($"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream");
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

    /// <summary>An agreement of three pages that mentions the overstapoptie.</summary>
    public static byte[] Agreement() =>
        WithPages("Samenwerkingsovereenkomst", "Artikel 4: de overstapoptie voor leerlingen", "Artikel 9: toetreding en wijziging");
}
