using System.Globalization;
using DoorlopendeLeerroutes.Application.Routes;

namespace DoorlopendeLeerroutes.Application.Agreements;

/// <summary>An agreement file ready to send: its content and a safe download name.</summary>
public sealed record AgreementDownload(Stream Content, string FileName, long SizeBytes);

/// <summary>
/// R-AGR-4: only administrators and the institutions an agreement version was signed for (the partners of the route
/// version it was uploaded for, <see cref="AccessScope.MayDownload"/>) download it; anyone else gets nothing (the same
/// "not found" as for an id that does not exist), and that refusal is recorded, as is every download (R-PRIV-2). The
/// download name is made from the route code and version, never from the uploaded name.
/// </summary>
public sealed class AgreementDownloadQuery(
    IApplicationDbContextFactory contexts, AccessScope scope, IAgreementFileStore files, IAuditTrail audit)
{
    public async Task<AgreementDownload?> ExecuteAsync(Guid routeId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var route = await scope.Routes(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == routeId, cancellationToken);
        var agreement = route?.Agreements.SingleOrDefault(a => a.Id == agreementId);
        if (route is null || agreement is null || !AccessScope.MayDownload(agreement, scope.User))
        {
            await scope.RecordRefusalAsync(db, AuditObject.Agreement, agreementId, "overeenkomst downloaden", cancellationToken);
            return null;
        }

        var content = await files.OpenReadAsync(agreement.File.StorageKey, cancellationToken);
        if (content is null)
        {
            return null;
        }

        await audit.RecordAsync(scope.User, AuditEvent.AgreementDownloaded(agreement.Id, route.Id), cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"samenwerkingsovereenkomst-{route.Code}-v{route.VersionNumber}-{agreement.Number}.pdf");
        return new AgreementDownload(content, name, agreement.File.SizeBytes);
    }
}
