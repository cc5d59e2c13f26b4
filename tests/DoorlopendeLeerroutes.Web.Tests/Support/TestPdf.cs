using DoorlopendeLeerroutes.Infrastructure.Agreements;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>Small but real PDF documents for upload tests (made by the app's own sample generator).</summary>
public static class TestPdf
{
    public static byte[] WithPages(params string[] pageTexts) => SamplePdf.WithPages(pageTexts);

    /// <summary>An agreement of three pages that mentions the overstapoptie.</summary>
    public static byte[] Agreement() =>
        WithPages("Samenwerkingsovereenkomst", "Artikel 4: de overstapoptie voor leerlingen", "Artikel 9: toetreding en wijziging");
}
