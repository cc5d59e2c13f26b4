using System.Globalization;
using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using DoorlopendeLeerroutes.Infrastructure.Agreements;
using Microsoft.Extensions.Logging.Abstractions;

namespace DoorlopendeLeerroutes.Benchmarks;

/// <summary>
/// Issue 11: one upload's PDF inspection (<see cref="PdfInspector"/>: the PdfPig worker process with its heap limit and
/// timeout) for the heaviest files of the hostile corpus and for a normal 20 MB agreement (30 scanned pages with a text
/// layer). Time is the whole inspection, process start included; the worker's peak working set and the app's own
/// allocations are printed per file at setup (BenchmarkDotNet's MemoryDiagnoser sees only this process).
/// </summary>
[MemoryDiagnoser]
public class PdfInspectionBenchmarks
{
    private readonly PdfInspector _inspector = new(new PdfInspectionLimits(), NullLogger<PdfInspector>.Instance);
    private string _folder = null!;

    [Params("decompression-bomb", "dense-content", "form-recursion", "normal-20mb")]
    public string File { get; set; } = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _folder = Directory.CreateTempSubdirectory("dlr-pdf-bench-").FullName;
        var bytes = File == "normal-20mb" ? Normal20MegabyteAgreement() : await System.IO.File.ReadAllBytesAsync(CorpusPath(File));
        await System.IO.File.WriteAllBytesAsync(Path(), bytes);
        var result = await _inspector.InspectAsync(Path());
        Console.WriteLine(
            $"// {File}: {bytes.Length / 1024} kB, {(result.IsSuccess ? $"stored, {result.Value.PageCount} pages, hint {result.Value.MentionsTransferOption}" : "refused " + result.Errors[0].Code)}, " +
            $"{_inspector.LastCost}");
    }

    [GlobalCleanup]
    public void CleanUp() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "Inspect one uploaded PDF (worker process)")]
    public async Task<bool> Inspect()
    {
        var result = await _inspector.InspectAsync(Path());
        Console.WriteLine($"// {File}: {_inspector.LastCost}");
        return result.IsSuccess;
    }

    private string Path() => System.IO.Path.Combine(_folder, File + ".pdf");

    private static string CorpusPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "DoorlopendeLeerroutes.Web.Tests", "Agreements", "HostilePdfs", name + ".pdf");
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Hostile PDF corpus not found above " + AppContext.BaseDirectory, name);
    }

    /// <summary>
    /// What a scanned, OCR'd agreement of 20 MB looks like: 30 pages, each a 680 kB JPEG (random bytes: PdfPig never
    /// decodes images for text) under a flate-compressed text layer of a few hundred words; the overstapoptie on page 29.
    /// </summary>
    private static byte[] Normal20MegabyteAgreement()
    {
        const int pages = 30;
        var random = new Random(11);
        var objects = new List<byte[]> { Latin("<< /Type /Catalog /Pages 2 0 R >>") };
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => $"{3 + (3 * i)} 0 R"));
        objects.Add(Latin($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>"));
        var font = 3 + (3 * pages);
        for (var i = 0; i < pages; i++)
        {
            var page = 3 + (3 * i);
            objects.Add(Latin(
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {page + 1} 0 R " +
                $"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im {page + 2} 0 R >> >> >>"));
            var text = new StringBuilder("q 595 0 0 842 0 0 cm /Im Do Q BT /F1 10 Tf 50 800 Td 12 TL\n");
            for (var line = 0; line < 60; line++)
            {
                var words = i == pages - 2 && line == 10 ? "Artikel 4 Overstapoptie: de leerling behaalt een diploma" : $"Artikel {i + 1} lid {line + 1} de partners spreken af wat in deze overeenkomst staat";
                text.Append(CultureInfo.InvariantCulture, $"({words}) '\n");
            }

            text.Append("ET");
            objects.Add(Stream(Deflate(Latin(text.ToString())), "/Filter /FlateDecode"));
            var jpeg = new byte[680 * 1024];
            random.NextBytes(jpeg);
            objects.Add(Stream(jpeg, "/Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode"));
        }

        objects.Add(Latin("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        using var pdf = new MemoryStream();
        pdf.Write(Latin("%PDF-1.7\n"));
        var offsets = new List<long>();
        for (var n = 0; n < objects.Count; n++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Latin($"{n + 1} 0 obj\n"));
            pdf.Write(objects[n]);
            pdf.Write(Latin("\nendobj\n"));
        }

        var xref = pdf.Position;
        pdf.Write(Latin($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            pdf.Write(Latin($"{offset:D10} 00000 n \n"));
        }

        pdf.Write(Latin($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    private static byte[] Stream(byte[] content, string dictionary) =>
        [.. Latin($"<< /Length {content.Length} {dictionary} >>\nstream\n"), .. content, .. Latin("\nendstream")];

    private static byte[] Deflate(byte[] content)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] Latin(string text) => Encoding.Latin1.GetBytes(text);
}
