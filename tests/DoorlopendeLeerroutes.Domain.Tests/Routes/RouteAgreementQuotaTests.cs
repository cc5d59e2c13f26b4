using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Routes;

/// <summary>Issue 11, quota: at most 20 agreement versions per route (every version is kept, R-AGR-3).</summary>
public class RouteAgreementQuotaTests
{
    [Fact]
    public void R_AGR_3_twentieth_version_is_added_the_twenty_first_is_refused_and_nothing_changes()
    {
        var t = TestRoute.Draft();
        for (var i = 0; i < Route.MaxAgreementVersions; i++)
        {
            t.WithAgreement();
        }

        Assert.Equal(20, t.Route.Agreements.Count);
        AssertResult.Succeeds(TestRoute.Draft().Route.EnsureRoomForAgreementVersion());
        AssertResult.FailsOnly(t.Route.EnsureRoomForAgreementVersion(), "agreement.versions.too_many");

        var refused = t.Route.AddAgreement(
            AgreementKind.CooperationAgreement, TestData.SignedOn, TestData.Pdf(), TestData.MandatoryPages(), false, false,
            t.VoCoordinator, TestData.AgreementAddedAt);

        AssertResult.FailsOnly(refused, "agreement.versions.too_many");
        Assert.Contains("20 versies", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(20, t.Route.Agreements.Count);
        Assert.Equal(20, t.Route.CurrentAgreement!.Number);
    }
}
