using Bunit;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Web.Components.Routes;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>The upload form answers a too large file at once, in Dutch, without sending it anywhere.</summary>
public sealed class AgreementUploadFormTests : ComponentTestContext
{
    public AgreementUploadFormTests()
    {
        Services.AddScoped<ICurrentUser>(_ => new Support.TestCurrentUser(null));
        Services.AddScoped<AccessScope>();
        Services.AddSingleton<IAuditTrail>(new Support.RecordingAuditTrail());
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<IApplicationDbContextFactory, Untouchable>();
        Services.AddScoped<IAgreementFileStore, Untouchable>();
        Services.AddScoped<DoorlopendeLeerroutes.Application.Common.ScopedWork>();
        Services.AddScoped<RouteWork>();
        Services.AddScoped<AddAgreement>();
    }

    [Fact]
    public async Task File_over_20_MB_gets_the_size_message_and_is_not_uploaded()
    {
        Render<MudPopoverProvider>();
        var cut = Render<AgreementUploadForm>(p => p.Add(x => x.RouteId, Guid.NewGuid()).Add(x => x.Version, Guid.NewGuid()));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary(new byte[(20 * 1024 * 1024) + 1], "groot.pdf", contentType: "application/pdf"));
        cut.WaitForAssertion(() => Assert.Contains("groter dan 20 MB", cut.Markup, StringComparison.Ordinal));
        await cut.Find("[data-testid=agreement-save]").ClickAsync(new());

        Assert.Contains("groter dan 20 MB", cut.Find("[data-testid=agreement-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_without_a_file_asks_for_one()
    {
        Render<MudPopoverProvider>();
        var cut = Render<AgreementUploadForm>(p => p.Add(x => x.RouteId, Guid.NewGuid()).Add(x => x.Version, Guid.NewGuid()));

        await cut.Find("[data-testid=agreement-save]").ClickAsync(new());

        Assert.Contains("Kies het pdf-bestand van de overeenkomst.", cut.Find("[data-testid=agreement-error]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Neither the database nor the file store may be reached by these refusals.</summary>
    private sealed class Untouchable : IApplicationDbContextFactory, IAgreementFileStore
    {
        public Task<IApplicationDbContext> CreateAsync(CancellationToken cancellationToken = default) => throw new InvalidOperationException("database used");

        public Task<DoorlopendeLeerroutes.Domain.Common.Result<DoorlopendeLeerroutes.Domain.Agreements.StoredFile>> StoreAsync(Stream content, string? originalFileName, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("file stored");

        public Task DiscardAsync(string storageKey, CancellationToken cancellationToken = default) => throw new InvalidOperationException("file store used");

        public Task<Stream?> OpenReadAsync(string storageKey, CancellationToken cancellationToken = default) => throw new InvalidOperationException("file store used");

    }
}
