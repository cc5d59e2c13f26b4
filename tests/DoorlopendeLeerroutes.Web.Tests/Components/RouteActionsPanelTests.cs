using Bunit;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Web.Components.Routes;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>The route page's action panel shows exactly the actions of this person in this state.</summary>
public sealed class RouteActionsPanelTests : ComponentTestContext
{
    private static readonly DateTime Now = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Institution Vo = Institution.Create("05KO", "Vakcollege", Sector.Vo, "41234", "Bestuur A").Value;
    private static readonly Institution Mbo = Institution.Create("25PG", "ROC", Sector.Mbo, "30012", "Bestuur B").Value;
    private static readonly Actor VoCoordinator = Actor.Coordinator(Guid.NewGuid(), Vo.Id);
    private static readonly Actor MboCoordinator = Actor.Coordinator(Guid.NewGuid(), Mbo.Id);
    private static readonly Actor VoViewer = Actor.Viewer(Guid.NewGuid(), Vo.Id);
    private static readonly Actor Administrator = Actor.Administrator(Guid.NewGuid());

    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "draft", "vo-coordinator", ["action-confirm", "action-edit", "action-withdraw"] },
        { "draft", "viewer", [] },
        { "draft", "administrator", [] },
        { "ready", "vo-coordinator", ["action-submit", "action-edit", "action-withdraw"] },
        { "submitted", "vo-coordinator", [] },
        { "submitted", "administrator", ["action-register", "action-reject"] },
        { "registered", "mbo-coordinator", ["action-new-version"] },
        { "registered", "administrator", ["action-end"] },
        { "registered", "viewer", [] },
        { "rejected", "mbo-coordinator", ["action-edit", "action-withdraw"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Panel_shows_the_actions_of_this_role_in_this_state(string state, string who, string[] expected)
    {
        var route = RouteIn(state);
        var actor = who switch
        {
            "vo-coordinator" => VoCoordinator,
            "mbo-coordinator" => MboCoordinator,
            "viewer" => VoViewer,
            _ => Administrator,
        };

        var cut = Render<RouteActionsPanel>(p => p.Add(x => x.Details, Details(route, actor)));

        var shown = cut.FindAll("[data-testid^=action-]").Select(e => e.GetAttribute("data-testid")).Order().ToArray();
        Assert.Equal(expected.Order().ToArray(), shown);
        Assert.Equal(expected.Length > 0, cut.FindAll("[data-testid=route-actions]").Count == 1);
    }

    [Fact]
    public void Draft_that_cannot_be_submitted_yet_says_what_is_missing()
    {
        var cut = Render<RouteActionsPanel>(p => p.Add(x => x.Details, Details(RouteIn("draft"), VoCoordinator)));

        var missing = cut.Find("[data-testid=submit-shortcomings]").TextContent;
        Assert.Contains("Voeg eerst de ondertekende samenwerkingsovereenkomst", missing, StringComparison.Ordinal);
        Assert.Contains("Nog niet alle partners hebben hun deelname bevestigd", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_an_action_reports_it_to_the_page()
    {
        RouteAction? clicked = null;
        var cut = Render<RouteActionsPanel>(p => p
            .Add(x => x.Details, Details(RouteIn("submitted"), Administrator))
            .Add(x => x.OnAction, action => clicked = action));

        await cut.Find("[data-testid=action-register]").ClickAsync(new());

        Assert.Equal(RouteAction.Register, clicked);
    }

    private static Route RouteIn(string state)
    {
        var definition = RouteDefinition.Create(
            "Zorg", RouteType.Continuous, VmboProfile.ZorgWelzijn, [Track.KB], "25491", null, MboLevel.Level3, 3,
            SchoolYear.FromStartYear(2026), TeachingLocation.Both).Value;
        var route = Route.Create("LR-2026-0001", definition, [new(Vo), new(Mbo)], VoCoordinator, Now).Value;
        if (state == "draft")
        {
            return route;
        }

        var file = StoredFile.Create("k.pdf", "k.pdf", 100, new string('a', 64), 5).Value;
        var pages = new Dictionary<AgreementItem, int>
        {
            [AgreementItem.TransferOption] = 1, [AgreementItem.JoiningAndChanges] = 2, [AgreementItem.ProgrammeAndResponsibilities] = 3,
        };
        Ok(route.AddAgreement(AgreementKind.CooperationAgreement, new DateOnly(2026, 2, 1), file, pages, false, false, VoCoordinator, Now));
        Ok(route.ConfirmParticipation(Vo.Id, VoCoordinator, Now));
        Ok(route.ConfirmParticipation(Mbo.Id, MboCoordinator, Now));
        if (state == "ready")
        {
            return route;
        }

        Ok(route.Submit(VoCoordinator, Now));
        if (state == "rejected")
        {
            Ok(route.Reject(Administrator, "Overstapoptie ontbreekt.", Now));
        }
        else if (state == "registered")
        {
            Ok(route.Register(Administrator, Now));
        }

        return route;
    }

    private static RouteDetails Details(Route route, Actor actor) => new(
        route.Id, route.Code, route.VersionNumber, route.Version, route.Status, route.Definition, route.RejectionReason,
        route.EndDate, route.PreviousVersionId, route.PendingVersionId, [], [], [], [],
        route.Status == RouteStatus.Draft ? route.SubmitShortcomings().ToList() : [], 0, RouteActions.For(route, actor));

    private static void Ok(Result result) => Assert.True(result.IsSuccess, result.ToString());
}
