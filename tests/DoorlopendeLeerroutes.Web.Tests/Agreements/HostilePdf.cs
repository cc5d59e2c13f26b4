using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DoorlopendeLeerroutes.Web.Tests.Agreements;

/// <summary>
/// The hostile-PDF corpus of issue 11, built deterministically (same bytes every run). The files in
/// <c>Agreements/HostilePdfs/</c> are these bytes, committed so a privacy officer can try them by hand;
/// <c>Committed_corpus_matches_the_generator</c> keeps the two the same.
/// </summary>
public static class HostilePdf
{
    public static readonly string[] Names =
    [
        "decompression-bomb", "deep-nesting-catalog", "deep-nesting-page", "deep-nesting-content", "deep-nesting-tounicode-cmap",
        "form-recursion", "dense-content", "broken-xref", "encrypted", "zero-pages", "javascript-and-embedded-file", "truncated",
    ];

    public static byte[] Build(string name) => name switch
    {
        // 1.5 MB on disk, 1.5 GB of spaces once inflated: the file of the issue.
        "decompression-bomb" => OnePage(Stream(Deflate(Repeat(' ', 1536L * 1024 * 1024)), "/Filter /FlateDecode")),
        "deep-nesting-catalog" => Document(
            [$"<< /Type /Catalog /Pages 2 0 R /Nested {Nest(100_000)} >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", Stream("BT ET")]),
        "deep-nesting-page" => Document(
            ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Nested {Nest(100_000)} >>", Stream("BT ET")]),
        "deep-nesting-content" => OnePage(Stream("BT /F1 12 Tf 72 700 Td (overstap) Tj ET\n" + new string('[', 100_000))),
        // PdfPig 0.1.16 parses a ToUnicode CMap without its depth guard (fixed in 0.1.17, issue #1394).
        "deep-nesting-tounicode-cmap" => Document(
            ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
             Stream("BT /F1 12 Tf 72 700 Td (A) Tj ET"),
             "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
             Stream("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange " + new string('[', 100_000))]),
        // Eight levels of forms, each drawing the next ten times: 10^7 draws from 2 kB.
        "form-recursion" => FormRecursion(8),
        // 8 MB of "0 0 m" (moveto) in one flate stream: small file, ~480 MB of parsed operations in PdfPig.
        "dense-content" => OnePage(Stream(
            Deflate(Encoding.ASCII.GetBytes("BT /F1 12 Tf 72 700 Td (overstap) Tj ET\n" + string.Concat(Enumerable.Repeat("0 0 m\n", 8 * 1024 * 1024 / 6)))),
            "/Filter /FlateDecode")),
        "broken-xref" => BrokenXref(),
        "encrypted" => Document(
            ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", Stream("BT ET"),
             "<< /Filter /Standard /V 1 /R 2 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> /P -44 >>"],
            "/Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"),
        "zero-pages" => Document(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]),
        "javascript-and-embedded-file" => Document(
            ["<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /EmbeddedFiles << /Names [(a.exe) 7 0 R] >> /JavaScript << /Names [(x) 6 0 R] >> >> >>",
             "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
             Stream("BT /F1 14 Tf 72 770 Td (Artikel 4 Overstapoptie) Tj ET"),
             "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
             "<< /S /JavaScript /JS (app.alert\\('hallo'\\);) >>",
             "<< /Type /Filespec /F (a.exe) /EF << /F 8 0 R >> >>",
             Stream("MZ not really a program", "/Type /EmbeddedFile")]),
        "truncated" => Truncated(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not in the corpus."),
    };

    private static string Nest(int depth) => new string('[', depth) + new string(']', depth);

    private static byte[] OnePage(byte[] contentObject) => Document(
        ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
         contentObject, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]);

    private static byte[] FormRecursion(int levels)
    {
        var font = 5 + levels;
        var objects = new List<object>
        {
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>",
            Stream("/X Do"),
        };
        for (var level = 0; level < levels; level++)
        {
            objects.Add(level < levels - 1
                ? Stream(string.Concat(Enumerable.Repeat("/X Do ", 10)), $"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X {6 + level} 0 R >> >>")
                : Stream("BT /F1 1 Tf (a) Tj ET", $"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 {font} 0 R >> >>"));
        }

        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return Document(objects);
    }

    // Every offset in the cross-reference table points at the wrong place and startxref points past the end.
    private static byte[] BrokenXref()
    {
        var text = Encoding.Latin1.GetString(Infrastructure.Agreements.SamplePdf.WithPages("Artikel 4 Overstapoptie"));
        var xref = text.IndexOf("xref\n", StringComparison.Ordinal);
        var broken = text[..xref] + "xref\n0 6\n0000000000 65535 f \n" +
                     string.Concat(Enumerable.Repeat("0000099999 00000 n \n", 5)) +
                     "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n999999\n%%EOF\n";
        return Encoding.Latin1.GetBytes(broken);
    }

    // The first 60 % of a real agreement: no cross-reference table, no trailer, the last object cut in half.
    private static byte[] Truncated()
    {
        var whole = Infrastructure.Agreements.SamplePdf.DemoAgreement();
        return whole[..(whole.Length * 6 / 10)];
    }

    // Objects as text or as bytes (streams with binary content).
    private static byte[] Document(IEnumerable<object> objects, string trailerExtra = "") =>
        Write(objects.Select(o => o as byte[] ?? Latin((string)o)).ToList(), trailerExtra);

    private static byte[] Write(List<byte[]> objects, string trailerExtra)
    {
        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.7\n");
        var offsets = new List<long>();
        for (var n = 0; n < objects.Count; n++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{n + 1} 0 obj\n");
            pdf.Write(objects[n]);
            Write(pdf, "\nendobj\n");
        }

        var xref = pdf.Position;
        Write(pdf, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(pdf, $"{offset:D10} 00000 n \n");
        }

        Write(pdf, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static byte[] Stream(string content, string dictionary = "") => Stream(Latin(content), dictionary);

    private static byte[] Stream(byte[] content, string dictionary = "") =>
        [.. Latin($"<< /Length {content.Length} {dictionary} >>\nstream\n"), .. content, .. Latin("\nendstream")];

    private static byte[] Deflate(IEnumerable<ReadOnlyMemory<byte>> chunks)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            foreach (var chunk in chunks)
            {
                zlib.Write(chunk.Span);
            }
        }

        return output.ToArray();
    }

    private static byte[] Deflate(byte[] content) => Deflate([content]);

    private static IEnumerable<ReadOnlyMemory<byte>> Repeat(char c, long count)
    {
        var chunk = Encoding.ASCII.GetBytes(new string(c, 1024 * 1024));
        for (long written = 0; written < count; written += chunk.Length)
        {
            yield return chunk;
        }
    }

    private static byte[] Latin(string text) => Encoding.Latin1.GetBytes(text);

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text.ToString(CultureInfo.InvariantCulture)));
}
