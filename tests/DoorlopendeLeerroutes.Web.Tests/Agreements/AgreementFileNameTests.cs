using DoorlopendeLeerroutes.Infrastructure.Agreements;

namespace DoorlopendeLeerroutes.Web.Tests.Agreements;

/// <summary>The uploaded file name is kept only as a harmless display name (R-AGR-3, R-PRIV-4).</summary>
public sealed class AgreementFileNameTests
{
    [Theory]
    [InlineData("contract\u202Efdp.exe", "contractfdp.exe")] // right-to-left override: would read "contractexe.pdf"
    [InlineData("over\u200Beenkomst.pdf", "overeenkomst.pdf")] // zero-width space
    [InlineData("..\\..\\etc\\passwd", "passwd")]
    [InlineData("a\tb\r\nc.pdf", "abc.pdf")]
    [InlineData("<script>.pdf", "script.pdf")]
    [InlineData("Overeenkomst Çelik & Ñúñez.pdf", "Overeenkomst Çelik & Ñúñez.pdf")]
    [InlineData("\u202E", "overeenkomst.pdf")]
    public void R_PRIV_4_display_name_has_no_folders_control_bidi_or_zero_width_characters(string uploaded, string expected) =>
        Assert.Equal(expected, AgreementFileStore.SafeName(uploaded));
}
