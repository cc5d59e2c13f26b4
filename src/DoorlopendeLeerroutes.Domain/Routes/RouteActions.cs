namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>
/// What a person may do with a route in its current state: the route page shows exactly these actions. Each flag is the
/// outcome of the route's <c>Can…</c> method that the action itself runs first, so a hidden button is never the guard and
/// a shown one is never refused for a reason the page could have known.
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

    /// <summary>
    /// A projection of the route's own <c>Can…</c> methods: the page offers an action exactly when the action would be
    /// accepted now, and the rule is written once, in <see cref="Route"/>.
    /// </summary>
    public static RouteActions For(Route route, Actor actor) => new(
        CanEdit: route.CanEdit(actor).IsSuccess,
        CanConfirm: actor.InstitutionId is { } own && route.CanConfirm(own, actor).IsSuccess,
        CanAddAgreement: route.CanAddAgreement(actor).IsSuccess,
        CanSubmit: route.CanSubmit(actor).IsSuccess,
        CanReview: route.CanRegister(actor).IsSuccess && route.CanReject(actor).IsSuccess,
        CanStartNewVersion: route.CanStartNewVersion(actor).IsSuccess,
        CanEnd: route.CanEnd(actor).IsSuccess,
        CanWithdraw: route.CanWithdraw(actor).IsSuccess,
        CanEnrol: route.CanEnrol(actor).IsSuccess);
}
