using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>
/// What a person may do with a route in its current state: the route page shows exactly these actions. The action
/// methods on <see cref="Route"/> check the same conditions again (and more), so a hidden button is never the guard.
/// </summary>
public sealed record RouteActions(
    bool CanEdit,
    bool CanConfirm,
    bool CanAddAgreement,
    bool CanSubmit,
    bool CanReview,
    bool CanStartNewVersion,
    bool CanEnd,
    bool CanWithdraw,
    bool CanEnrol = false)
{
    public static readonly RouteActions None = new(false, false, false, false, false, false, false, false);

    public bool Any => CanEdit || CanConfirm || CanAddAgreement || CanSubmit || CanReview || CanStartNewVersion || CanEnd || CanWithdraw;

    public static RouteActions For(Route route, Actor actor)
    {
        if (actor.IsAdministrator)
        {
            return None with
            {
                CanReview = route.Status == RouteStatus.Submitted,
                CanEnd = route.Status == RouteStatus.Registered && route.PendingVersionId is null,
            };
        }

        if (actor.Role != UserRole.Coordinator || actor.InstitutionId is not { } own || !route.IsPartner(own))
        {
            return None; // viewers and anyone outside the route change nothing
        }

        var draftOrRejected = route.Status is RouteStatus.Draft or RouteStatus.Rejected;
        return new RouteActions(
            CanEdit: draftOrRejected,
            CanConfirm: route.Status == RouteStatus.Draft && !route.Partners.Single(p => p.InstitutionId == own).HasConfirmed,
            CanAddAgreement: draftOrRejected || route.Status == RouteStatus.Registered,
            CanSubmit: route.Status == RouteStatus.Draft && !route.SubmitShortcomings().Any(),
            CanReview: false,
            CanStartNewVersion: route.Status == RouteStatus.Registered && route.PendingVersionId is null,
            CanEnd: false,
            CanWithdraw: draftOrRejected,
            CanEnrol: route.Status == RouteStatus.Registered); // R-PUPIL-2: only in a registered route
    }
}
