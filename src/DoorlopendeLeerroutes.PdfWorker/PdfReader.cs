using System.Diagnostics;
using System.Text.Json.Serialization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Logging;

namespace DoorlopendeLeerroutes.PdfWorker;

/// <summary>What the worker learned from one PDF; the parent maps it to a stored file or a Dutch refusal.</summary>
public sealed record PdfWorkerReport(
    string Outcome, int Pages, bool? MentionsTransferOption, int Warnings, string? FirstWarning, string? Detail,
    long PeakWorkingSetBytes, long AllocatedBytes, long ElapsedMilliseconds)
{
    public const string Readable = "readable";
    public const string Encrypted = "encrypted";
    public const string Unreadable = "unreadable";
    public const string TooComplex = "too_complex";
}

[JsonSerializable(typeof(PdfWorkerReport))]
public sealed partial class PdfWorkerJson : JsonSerializerContext;

/// <summary>
/// Page count and the reviewer's hint (does the text mention "overstap") with PdfPig. The hard limits (memory, time,
/// stack) are the process's; these soft ones turn the common hostile cases into a clear answer instead of a killed process.
/// </summary>
public static class PdfReader
{
    /// <summary>More pages than any agreement has; a page tree claiming more is refused before any page is read.</summary>
    public const int MaxPages = 2_000;

    /// <summary>PdfPig's own guard on nested arrays and dictionaries (its default is 256).</summary>
    public const int MaxNestingDepth = 100;

    public static PdfWorkerReport Read(string path)
    {
        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var log = new OneLineLog();
        string outcome;
        var pages = 0;
        bool? mentions = null;
        string? detail = null;
        try
        {
            var options = new ParsingOptions
            {
                UseLenientParsing = true, SkipMissingFonts = true, MaxStackDepth = MaxNestingDepth, Logger = log,
                FilterProvider = new BoundedFilterProvider(new DecodeBudget()),
            };
            using var document = PdfDocument.Open(File.ReadAllBytes(path), options);
            pages = document.NumberOfPages;
            if (document.IsEncrypted)
            {
                outcome = PdfWorkerReport.Encrypted;
            }
            else if (pages > MaxPages)
            {
                outcome = PdfWorkerReport.TooComplex;
                detail = "page count " + pages;
            }
            else
            {
                outcome = PdfWorkerReport.Readable;
                (mentions, detail) = MentionsTransferOption(document, pages);
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            outcome = PdfWorkerReport.Encrypted;
        }
        catch (Exception ex) when (ex is PdfDocumentStackDepthException or DecodeLimitException or OutOfMemoryException or InsufficientExecutionStackException)
        {
            outcome = PdfWorkerReport.TooComplex;
            detail = ex is DecodeLimitException ? ex.Message : ex.GetType().Name;
        }
#pragma warning disable CA1031 // any other parser failure means: not a readable PDF, told to the parent, never thrown
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = PdfWorkerReport.Unreadable;
            detail = ex.GetType().Name + ": " + FirstLine(ex.Message);
        }

        return new PdfWorkerReport(
            outcome, pages, mentions, log.Count, log.First, detail, Environment.WorkingSet, GC.GetTotalAllocatedBytes() - allocatedBefore,
            clock.ElapsedMilliseconds);
    }

    // Stops at the first page that mentions it. A page whose text cannot be read leaves the hint open (null) rather
    // than refusing the file: the hint is a help for the reviewer, not a rule (R-AGR-2 is confirmed by the uploader).
    private static (bool? Mentions, string? Detail) MentionsTransferOption(PdfDocument document, int pages)
    {
        var anyText = false;
        try
        {
            for (var number = 1; number <= pages; number++)
            {
                var text = document.GetPage(number).Text;
                anyText |= !string.IsNullOrWhiteSpace(text);
                if (text.Contains("overstap", StringComparison.OrdinalIgnoreCase))
                {
                    return (true, null);
                }
            }
        }
        catch (Exception ex) when (ex is PdfDocumentStackDepthException or DecodeLimitException or OutOfMemoryException or InsufficientExecutionStackException)
        {
            throw;
        }
#pragma warning disable CA1031 // a page PdfPig cannot read: no hint, the file itself is still a PDF with pages
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (null, "text: " + ex.GetType().Name + ": " + FirstLine(ex.Message));
        }

        return (anyText ? false : null, null); // a scan without a text layer says nothing
    }

    private static string FirstLine(string message)
    {
        var line = message.AsSpan();
        var end = line.IndexOfAny('\r', '\n');
        line = end < 0 ? line : line[..end];
        return line.Length > 200 ? string.Concat(line[..200], "…") : line.ToString();
    }

    /// <summary>PdfPig's warnings, counted; only the first is kept, for one log line in the parent.</summary>
    private sealed class OneLineLog : ILog
    {
        public int Count { get; private set; }

        public string? First { get; private set; }

        public void Debug(string message) { }

        public void Debug(string message, Exception ex) { }

        public void Warn(string message) => Note(message);

        public void Error(string message) => Note(message);

        public void Error(string message, Exception ex) => Note(message);

        private void Note(string message)
        {
            Count++;
            First ??= FirstLine(message);
        }
    }
}
