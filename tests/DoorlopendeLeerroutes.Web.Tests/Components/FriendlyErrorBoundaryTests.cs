using Bunit;
using DoorlopendeLeerroutes.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

public sealed class FriendlyErrorBoundaryTests : ComponentTestContext
{
    [Fact]
    public void Error_in_a_page_shows_a_dutch_message_with_an_id_that_is_logged_with_the_exception()
    {
        var cut = Render<FriendlyErrorBoundary>(parameters => parameters
            .Add(p => p.ChildContent, (RenderFragment)(builder =>
            {
                builder.OpenComponent<FailingComponent>(0);
                builder.CloseComponent();
            })));

        var id = cut.Find("[data-testid=correlation-id]").TextContent;
        Assert.Matches("^C-[0-9A-F]{12}$", id);
        Assert.Contains("Er ging iets mis", cut.Find("[data-testid=friendly-error]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Interne details", cut.Markup, StringComparison.Ordinal);

        var logged = Assert.Single(Log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(id, logged.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public void Without_an_error_the_content_is_shown_unchanged()
    {
        var cut = Render<FriendlyErrorBoundary>(parameters => parameters
            .Add(p => p.ChildContent, (RenderFragment)(builder => builder.AddMarkupContent(0, "<p id=\"inhoud\">Inhoud</p>"))));

        Assert.Equal("Inhoud", cut.Find("#inhoud").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=friendly-error]"));
    }

    private sealed class FailingComponent : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("Interne details");
    }
}
