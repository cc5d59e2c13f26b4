using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Agreements;

namespace DoorlopendeLeerroutes.Application.Agreements;

/// <summary>What the agreement upload form gives.</summary>
public sealed record AgreementUpload(
    Stream Content,
    string? FileName,
    AgreementKind Kind,
    DateOnly? SignedOn,
    IReadOnlyDictionary<AgreementItem, int> Pages,
    bool FundingTransferred,
    bool UsesLegalRoom,
    bool SignedByAllPartners,
    Guid Version);

/// <summary>
/// Adds a new agreement version to a route (R-AGR-1…3): the PDF is streamed to the file store, checked by content and
/// hashed; the route records it. When anything is refused, the stored file is removed again and nothing is recorded.
/// </summary>
public sealed class AddAgreement(RouteWork work, IAgreementFileStore files)
{
    public async Task<Result> ExecuteAsync(Guid routeId, AgreementUpload upload, CancellationToken cancellationToken = default)
    {
        var formErrors = new List<DomainError>();
        if (upload.SignedOn is null)
        {
            formErrors.Add(AgreementErrors.SignedOnRequired);
        }

        if (!upload.SignedByAllPartners)
        {
            formErrors.Add(AgreementErrors.SignaturesNotConfirmed);
        }

        if (formErrors.Count > 0)
        {
            return Result.Failure(formErrors);
        }

        StoredFile? stored = null;
        var result = Result.Failure(AgreementErrors.Interrupted);
        try
        {
            result = await work.RunAsync(routeId, upload.Version, async context =>
            {
                // Only for someone who may add an agreement to this route in this state does the file reach the store.
                var allowed = context.Route.CanAddAgreement(context.Actor);
                if (allowed.IsFailure)
                {
                    return allowed;
                }

                // The quota (Route.MaxAgreementVersions) is checked before the file reaches the store, not after.
                var room = context.Route.EnsureRoomForAgreementVersion();
                if (room.IsFailure)
                {
                    return room;
                }

                var file = await files.StoreAsync(upload.Content, upload.FileName, context.CancellationToken);
                if (file.IsFailure)
                {
                    return file;
                }

                stored = file.Value;
                return context.Route.AddAgreement(
                    upload.Kind, upload.SignedOn!.Value, stored, upload.Pages, upload.FundingTransferred, upload.UsesLegalRoom,
                    context.Actor, context.Now);
            }, cancellationToken);
        }
        finally
        {
            // Whatever went wrong, also an exception: a file the route did not record does not stay behind.
            if (result.IsFailure && stored is { } orphan)
            {
                await files.DiscardAsync(orphan.StorageKey, CancellationToken.None);
            }
        }

        return result;
    }
}
