using DoorlopendeLeerroutes.Web.Components.Shared;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>Issue 12, item 10: a page count of one is singular ("1 pagina's" was shown).</summary>
public sealed class DutchLabelsTests
{
    [Theory]
    [InlineData(1, "1 pagina")]
    [InlineData(2, "2 pagina's")]
    [InlineData(1200, "1.200 pagina's")]
    public void Pages_is_singular_for_one(int count, string expected) => Assert.Equal(expected, DutchLabels.Pages(count));

    [Fact]
    public void Phases_offers_the_vo_fase_before_the_mbo_fase() =>
        Assert.Equal(["vo-fase", "mbo-fase"], DutchLabels.Phases.Select(p => DutchLabels.PhaseText(p)));
}
