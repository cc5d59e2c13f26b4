using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Routes;

namespace DoorlopendeLeerroutes.Domain.Tests.Agreements;

public class AgreementTests
{
    private static Result Add(
        TestRoute t,
        IReadOnlyDictionary<AgreementItem, int>? pages = null,
        AgreementKind kind = AgreementKind.CooperationAgreement,
        bool fundingTransferred = false,
        bool usesLegalRoom = false,
        StoredFile? file = null,
        DateOnly? signedOn = null,
        Actor? actor = null,
        DateTime? at = null) =>
        t.Route.AddAgreement(
            kind, signedOn ?? TestData.SignedOn, file ?? TestData.Pdf(pageCount: 12), pages ?? TestData.MandatoryPages(),
            fundingTransferred, usesLegalRoom, actor ?? t.VoCoordinator, at ?? TestData.AgreementAddedAt);

    private static TestRoute OneBoardRoute()
    {
        var vo = TestData.VoSchool("05KO", "41234");
        var mbo = TestData.MboCollege("25LX", "41234");
        return TestRoute.Draft(voSchool: vo, mboCollege: mbo);
    }

    [Fact]
    public void R_AGR_1_agreement_records_every_partner_board_as_signatory()
    {
        var t = TestRoute.Draft();

        AssertResult.Succeeds(Add(t));

        var agreement = Assert.Single(t.Route.Agreements);
        Assert.Equal(
            ["30001", "41234"],
            agreement.Parties.Select(s => s.Board.Value).Order());
        Assert.Same(agreement, t.Route.CurrentAgreement);
    }

    [Fact]
    public void R_AGR_1_internal_arrangement_with_partners_of_two_boards_is_refused()
    {
        var t = TestRoute.Draft();

        AssertResult.FailsOnly(Add(t, kind: AgreementKind.InternalArrangement), "agreement.internal.one_board");
        Assert.Empty(t.Route.Agreements);
    }

    [Fact]
    public void R_AGR_1_internal_arrangement_is_enough_when_all_partners_share_one_board()
    {
        var t = OneBoardRoute();

        AssertResult.Succeeds(Add(t, kind: AgreementKind.InternalArrangement));
        t.ConfirmedByAll();

        Assert.Empty(t.Route.SubmitShortcomings());
        AssertResult.Succeeds(t.Route.Submit(t.VoCoordinator, TestData.SubmittedAt));
    }

    [Fact]
    public void R_AGR_1_partner_of_another_board_joining_an_internal_arrangement_needs_a_real_agreement()
    {
        var t = OneBoardRoute();
        TestData.Ok(Add(t, kind: AgreementKind.InternalArrangement));
        var otherBoardMbo = TestData.MboCollege("27CD", "30002");

        TestData.Ok(t.Route.Edit(t.Route.Definition, [.. t.Partners, new(otherBoardMbo)], t.VoCoordinator, TestData.ConfirmedAt));

        var shortcomings = t.Route.SubmitShortcomings().Select(e => e.Code).ToList();
        Assert.Contains("agreement.not_signed_by_all", shortcomings);
        Assert.Contains("agreement.internal.one_board", shortcomings);
    }

    [Fact]
    public void R_AGR_1_adding_a_partner_of_another_board_after_upload_gives_not_signed_by_all()
    {
        var t = TestRoute.Draft();
        TestData.Ok(Add(t));
        Assert.DoesNotContain("agreement.not_signed_by_all", t.Route.SubmitShortcomings().Select(e => e.Code));
        var otherBoardMbo = TestData.MboCollege("27CD", "30002");

        TestData.Ok(t.Route.Edit(t.Route.Definition, [.. t.Partners, new(otherBoardMbo)], t.VoCoordinator, TestData.ConfirmedAt));

        Assert.Contains("agreement.not_signed_by_all", t.Route.SubmitShortcomings().Select(e => e.Code));
    }

    [Fact]
    public void R_AGR_1_new_agreement_version_signed_by_all_boards_clears_the_shortcoming()
    {
        var t = TestRoute.Draft();
        TestData.Ok(Add(t));
        var otherBoardMbo = TestData.MboCollege("27CD", "30002");
        TestData.Ok(t.Route.Edit(t.Route.Definition, [.. t.Partners, new(otherBoardMbo)], t.VoCoordinator, TestData.ConfirmedAt));

        TestData.Ok(Add(t, at: TestData.ConfirmedAt.AddHours(1)));

        Assert.DoesNotContain("agreement.not_signed_by_all", t.Route.SubmitShortcomings().Select(e => e.Code));
        Assert.Equal(3, t.Route.CurrentAgreement!.Parties.Count);
    }

    [Fact]
    public void R_AGR_2_missing_transfer_option_item_is_refused()
    {
        var t = TestRoute.Draft();
        var pages = TestData.MandatoryPages();
        pages.Remove(AgreementItem.TransferOption);

        AssertResult.FailsOnly(Add(t, pages), "agreement.item.missing.transferoption");
        Assert.Null(t.Route.CurrentAgreement);
    }

    [Theory]
    [InlineData(AgreementItem.JoiningAndChanges, "agreement.item.missing.joiningandchanges")]
    [InlineData(AgreementItem.ProgrammeAndResponsibilities, "agreement.item.missing.programmeandresponsibilities")]
    public void R_AGR_2_other_mandatory_items_are_required(AgreementItem missing, string code)
    {
        var t = TestRoute.Draft();
        var pages = TestData.MandatoryPages();
        pages.Remove(missing);

        AssertResult.FailsOnly(Add(t, pages), code);
    }

    [Fact]
    public void R_AGR_2_without_any_items_reports_each_mandatory_item()
    {
        var t = TestRoute.Draft();

        var result = Add(t, new Dictionary<AgreementItem, int>(), fundingTransferred: true, usesLegalRoom: true);

        Assert.Equal(
            ["agreement.item.missing.transferoption", "agreement.item.missing.joiningandchanges",
             "agreement.item.missing.programmeandresponsibilities", "agreement.item.missing.financialarrangements",
             "agreement.item.missing.legalroom"],
            result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void R_AGR_2_financial_item_4_required_when_funding_is_transferred()
    {
        var t = TestRoute.Draft();

        AssertResult.FailsOnly(Add(t, fundingTransferred: true), "agreement.item.missing.financialarrangements");

        var pages = TestData.MandatoryPages();
        pages[AgreementItem.FinancialArrangements] = 9;
        AssertResult.Succeeds(Add(t, pages, fundingTransferred: true));
        Assert.True(t.Route.CurrentAgreement!.FundingTransferred);
    }

    [Fact]
    public void R_AGR_2_legal_room_item_5_required_when_used()
    {
        var t = TestRoute.Draft();

        AssertResult.FailsOnly(Add(t, usesLegalRoom: true), "agreement.item.missing.legalroom");

        var pages = TestData.MandatoryPages();
        pages[AgreementItem.LegalRoom] = 11;
        AssertResult.Succeeds(Add(t, pages, usesLegalRoom: true));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(0)]
    [InlineData(-1)]
    public void R_AGR_2_page_outside_the_document_is_refused(int page)
    {
        var t = TestRoute.Draft();
        var pages = TestData.MandatoryPages();
        pages[AgreementItem.TransferOption] = page;

        AssertResult.FailsOnly(Add(t, pages, file: TestData.Pdf(pageCount: 12)), "agreement.item.page_out_of_range");
    }

    [Fact]
    public void R_AGR_2_unknown_item_is_refused()
    {
        var t = TestRoute.Draft();
        var pages = TestData.MandatoryPages();
        pages[(AgreementItem)9] = 2;

        var result = Add(t, pages);

        Assert.True(result.IsFailure);
        Assert.Empty(t.Route.Agreements);
    }

    [Fact]
    public void R_AGR_2_last_page_of_the_document_is_accepted_and_items_are_kept_with_pages()
    {
        var t = TestRoute.Draft();
        var pages = TestData.MandatoryPages();
        pages[AgreementItem.ProgrammeAndResponsibilities] = 12;

        AssertResult.Succeeds(Add(t, pages, file: TestData.Pdf(pageCount: 12)));

        Assert.Equal(
            [new AgreementItemCoverage(AgreementItem.TransferOption, 3),
             new AgreementItemCoverage(AgreementItem.JoiningAndChanges, 5),
             new AgreementItemCoverage(AgreementItem.ProgrammeAndResponsibilities, 12)],
            t.Route.CurrentAgreement!.Items);
    }

    [Fact]
    public void R_AGR_3_versions_are_kept_and_the_newest_is_current()
    {
        var t = TestRoute.Draft();
        var firstFile = TestData.Pdf(pageCount: 12);
        TestData.Ok(Add(t, file: firstFile));
        var secondFile = TestData.Pdf(pageCount: 14);

        TestData.Ok(Add(t, file: secondFile, actor: t.MboCoordinator, at: TestData.ConfirmedAt));

        Assert.Equal([1, 2], t.Route.Agreements.Select(a => a.Number));
        Assert.Equal(2, t.Route.CurrentAgreement!.Number);
        Assert.Same(firstFile, t.Route.Agreements[0].File);
        Assert.Same(secondFile, t.Route.CurrentAgreement.File);
    }

    [Fact]
    public void R_AGR_3_agreement_records_uploader_time_signing_date_and_hash()
    {
        var t = TestRoute.Draft();

        TestData.Ok(Add(t, actor: t.MboCoordinator, at: TestData.AgreementAddedAt));

        var agreement = t.Route.CurrentAgreement!;
        Assert.Equal(t.MboCoordinator.UserId, agreement.UploadedBy);
        Assert.Equal(TestData.AgreementAddedAt, agreement.UploadedAt);
        Assert.Equal(TestData.SignedOn, agreement.SignedOn);
        Assert.Equal(TestData.Sha256, agreement.File.Sha256);
        Assert.Equal(AgreementKind.CooperationAgreement, agreement.Kind);
    }

    [Fact]
    public void R_AGR_3_signing_date_in_the_future_is_refused()
    {
        var t = TestRoute.Draft();

        AssertResult.FailsOnly(
            Add(t, signedOn: new DateOnly(2025, 3, 4), at: TestData.Utc(2025, 3, 3, 22, 30)),
            "agreement.signed_in_future");
    }

    [Fact]
    public void R_AGR_3_signing_date_is_compared_with_the_Dutch_calendar_day()
    {
        var t = TestRoute.Draft();

        // 3 March 23:30 UTC is already 4 March 00:30 in Amsterdam (CET, UTC+1).
        AssertResult.Succeeds(Add(t, signedOn: new DateOnly(2025, 3, 4), at: TestData.Utc(2025, 3, 3, 23, 30)));
    }

    [Fact]
    public void R_AGR_3_unknown_kind_is_refused()
    {
        AssertResult.FailsOnly(Add(TestRoute.Draft(), kind: (AgreementKind)7), "agreement.kind.invalid");
    }

    [Fact]
    public void Adding_an_agreement_in_a_draft_withdraws_confirmations()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll();

        TestData.Ok(Add(t, at: TestData.ConfirmedAt.AddHours(2)));

        Assert.False(t.Route.AllPartnersConfirmed);
        Assert.Contains("route.submit.not_all_confirmed", t.Route.SubmitShortcomings().Select(e => e.Code));
    }

    [Fact]
    public void Adding_an_agreement_while_submitted_is_refused()
    {
        var t = TestRoute.Draft().WithAgreement().ConfirmedByAll().Submitted();

        AssertResult.FailsOnly(Add(t, at: TestData.SubmittedAt), "agreement.status");
        Assert.Single(t.Route.Agreements);
    }

    [Fact]
    public void Adding_an_agreement_to_a_registered_route_keeps_it_registered()
    {
        var t = TestRoute.Registered();

        AssertResult.Succeeds(Add(t, at: TestData.Utc(2025, 6, 1)));

        Assert.Equal(RouteStatus.Registered, t.Route.Status);
        Assert.Equal(2, t.Route.Agreements.Count);
    }

    [Fact]
    public void Viewer_cannot_upload_an_agreement()
    {
        var t = TestRoute.Draft();

        AssertResult.FailsOnly(Add(t, actor: t.VoViewer), "access.read_only");
        Assert.Empty(t.Route.Agreements);
    }

    [Fact]
    public void R_AGR_4_administrator_and_partner_may_download_but_an_outsider_is_no_partner()
    {
        var t = TestRoute.Registered();
        var outsider = TestData.MboCollege("27CD", "30002");

        Assert.True(t.Route.IsPartner(t.VoSchool.Id));
        Assert.True(t.Route.IsPartner(t.MboCollege.Id));
        Assert.False(t.Route.IsPartner(outsider.Id));
        Assert.True(t.Administrator.IsAdministrator);
        Assert.False(TestData.CoordinatorOf(outsider).IsAdministrator);
    }
}
