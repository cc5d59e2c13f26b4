using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace DoorlopendeLeerroutes.PdfWorker;

/// <summary>Thrown when a PDF asks for more decoding than <see cref="DecodeBudget"/> allows.</summary>
public sealed class DecodeLimitException(string message) : Exception(message);

/// <summary>
/// How much PdfPig may decode for one document: per stream, in total, and how many decodes (a form drawn by forms is
/// decoded again at every use). PdfPig has no limit of its own and its Flate filter swallows every error, an out-of-memory
/// included, so the size of a Flate stream is measured here first, without keeping the output.
/// </summary>
public sealed class DecodeBudget
{
    public const long MaxStreamBytes = 32L * 1024 * 1024;
    public const long MaxTotalBytes = 192L * 1024 * 1024;
    public const int MaxDecodes = 20_000;

    private long _total;
    private int _decodes;

    public void Enter()
    {
        if (++_decodes > MaxDecodes)
        {
            throw new DecodeLimitException($"more than {MaxDecodes} stream decodes");
        }
    }

    public void Add(long bytes)
    {
        if (bytes > MaxStreamBytes)
        {
            throw new DecodeLimitException($"a stream decodes to more than {MaxStreamBytes / (1024 * 1024)} MB");
        }

        _total += bytes;
        if (_total > MaxTotalBytes)
        {
            throw new DecodeLimitException($"streams decode to more than {MaxTotalBytes / (1024 * 1024)} MB in total");
        }
    }

    /// <summary>What PdfPig's Flate filter would produce from <paramref name="input"/>, counted up to the stream limit.</summary>
    public static long InflatedLength(ReadOnlyMemory<byte> input)
    {
        if (input.Length < 2)
        {
            return 0;
        }

        // As PdfPig does: skip the two zlib header bytes, inflate the rest, stop at the first error.
        using var source = new MemoryStream(input[2..].ToArray(), writable: false);
        using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        var scratch = new byte[81_920];
        long length = 0;
        try
        {
            int read;
            while ((read = inflater.Read(scratch)) > 0)
            {
                length += read;
                if (length > MaxStreamBytes)
                {
                    break;
                }
            }
        }
        catch (InvalidDataException)
        {
            // PdfPig keeps the input as it is then; what was inflated so far is what counts.
        }

        return length;
    }
}

/// <summary>PdfPig's own filters, each behind the <see cref="DecodeBudget"/>.</summary>
public sealed class BoundedFilterProvider(DecodeBudget budget) : BaseFilterProvider(Wrap(budget))
{
    private static Dictionary<string, IFilter> Wrap(DecodeBudget budget)
    {
        var wrapped = new Dictionary<IFilter, IFilter>();
        var byName = new Dictionary<string, IFilter>(StringComparer.Ordinal);
        foreach (var name in new[]
                 {
                     "ASCII85Decode", "A85", "ASCIIHexDecode", "AHx", "CCITTFaxDecode", "CCF", "DCTDecode", "DCT",
                     "FlateDecode", "Fl", "JBIG2Decode", "JPXDecode", "RunLengthDecode", "RL", "LZWDecode", "LZW",
                 })
        {
            var inner = DefaultFilterProvider.Instance.GetNamedFilters([NameToken.Create(name)])[0];
            if (!wrapped.TryGetValue(inner, out var filter))
            {
                filter = new BoundedFilter(inner, budget);
                wrapped[inner] = filter;
            }

            byName[name] = filter;
        }

        return byName;
    }

    private sealed class BoundedFilter(IFilter inner, DecodeBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.Enter();
            if (inner is FlateFilter)
            {
                budget.Add(DecodeBudget.InflatedLength(input)); // before PdfPig allocates it
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (inner is not FlateFilter)
            {
                budget.Add(output.Length);
            }

            return output;
        }
    }
}
