using DoorlopendeLeerroutes.Application.Pupils.Reconciliation;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.Application.Tests.Pupils.Reconciliation;

/// <summary>
/// R-RECON-1/2 on the golden set (<see cref="GoldenSet"/>): a vo file and an mbo file against a known register on the
/// count date 1-10-2026, covering every category and the three-way disagreement.
/// </summary>
public sealed class PhaseComparisonTests
{
    private static readonly DateOnly CountDate = new(2026, 10, 1);

    [Theory]
    [InlineData(2026, 7, 31, 2025)]
    [InlineData(2026, 8, 31, 2026)]
    [InlineData(2026, 9, 30, 2026)]
    [InlineData(2026, 10, 1, 2026)]
    [InlineData(2026, 10, 2, 2026)]
    [InlineData(2027, 7, 31, 2026)]
    [InlineData(2027, 8, 1, 2027)]
    public void R_RECON_1_default_date_is_the_coming_count_date_and_after_it_the_last_one(int y, int m, int d, int countYear)
    {
        // 1 August starts the school year whose count date is coming; from 2 October on the last one is meant.
        var expected = new DateOnly(countYear, 10, 1);
        Assert.Equal(expected, PhaseComparison.DefaultDate(new DateOnly(y, m, d)));
    }

    [Fact]
    public void R_RECON_1_vo_file_alone_classifies_every_pupil()
    {
        var lines = PhaseComparison.Compare(GoldenSet.Register, CountDate, GoldenSet.VoFile, null, Sector.Vo);

        Assert.All(lines, l => Assert.False(l.Disagreement));
        Assert.Equal(PhaseComparisonKind.Same, Kind(lines, GoldenSet.Same, Sector.Vo));
        Assert.Equal(PhaseComparisonKind.Same, Kind(lines, GoldenSet.MboDiffers, Sector.Vo));
        Assert.Equal(PhaseComparisonKind.DifferentPhase, Kind(lines, GoldenSet.VoDiffersPhase, Sector.Vo));
        Assert.Equal(PhaseComparisonKind.DifferentStart, Kind(lines, GoldenSet.VoDiffersStart, Sector.Vo));
        Assert.Equal(PhaseComparisonKind.OnlyInFile, Kind(lines, GoldenSet.Unknown, Sector.Vo));
        Assert.Equal(PhaseComparisonKind.OnlyHere, Kind(lines, GoldenSet.OnlyHere, Sector.Vo));
        Assert.Equal(PhaseComparisonKind.OnlyHere, Kind(lines, GoldenSet.FutureRowOnly, Sector.Vo));
        Assert.Equal(PhaseComparisonKind.DifferentPhase, Kind(lines, GoldenSet.NoPhaseHere, Sector.Vo));

        // Differences first, in the order of the categories; the same last.
        var kinds = lines.Select(l => l.KindFor(Sector.Vo)).ToList();
        Assert.Equal(PhaseComparisonKind.Same, kinds[^1]);
        Assert.Equal(kinds.Where(k => k != PhaseComparisonKind.Same).Order().ToList(), kinds.Where(k => k != PhaseComparisonKind.Same).ToList());
    }

    [Fact]
    public void R_RECON_1_a_pupil_the_user_may_not_see_is_only_in_the_file_like_an_unknown_one()
    {
        // The register the use case passes holds only what the user may see (R-PRIV-1): the other institution's pupil
        // is left out, so its number is reported like an unknown one and nothing of its register shows.
        var visible = GoldenSet.Register.Where(e => e.Number != GoldenSet.OtherInstitution).ToList();

        var lines = PhaseComparison.Compare(visible, CountDate, null, GoldenSet.MboFile, Sector.Mbo);

        var line = lines.Single(l => l.Number == GoldenSet.OtherInstitution);
        Assert.Equal(PhaseComparisonKind.OnlyInFile, line.MboKind);
        Assert.Null(line.Register);
        Assert.Null(line.EnrolmentId);
    }

    [Fact]
    public void R_RECON_1_an_ended_enrolment_is_not_here_on_the_date()
    {
        var lines = PhaseComparison.Compare(GoldenSet.Register, CountDate, GoldenSet.VoFile, null, Sector.Vo);

        Assert.Equal(PhaseComparisonKind.OnlyInFile, Kind(lines, GoldenSet.Ended, Sector.Vo));
    }

    [Fact]
    public void R_RECON_2_pupils_on_which_vo_mbo_and_register_disagree_come_first()
    {
        var lines = PhaseComparison.Compare(GoldenSet.Register, CountDate, GoldenSet.VoFile, GoldenSet.MboFile, Sector.Vo);

        var disagreeing = lines.TakeWhile(l => l.Disagreement).Select(l => l.Number).ToHashSet();
        Assert.Equal(lines.Count(l => l.Disagreement), disagreeing.Count); // all of them at the top
        Assert.Contains(GoldenSet.MboDiffers, disagreeing); // vo file and register agree, the mbo file not
        Assert.Contains(GoldenSet.VoDiffersStart, disagreeing);
        Assert.Contains(GoldenSet.Unknown, disagreeing);
        Assert.DoesNotContain(GoldenSet.Same, disagreeing);

        var mboDiffers = lines.Single(l => l.Number == GoldenSet.MboDiffers);
        Assert.Equal(PhaseComparisonKind.Same, mboDiffers.VoKind);
        Assert.Equal(PhaseComparisonKind.DifferentPhase, mboDiffers.MboKind);
        Assert.False(lines[^1].Disagreement);
    }

    [Fact]
    public void R_RECON_2_with_one_file_nothing_is_a_three_way_disagreement()
    {
        var lines = PhaseComparison.Compare(GoldenSet.Register, CountDate, null, GoldenSet.MboFile, Sector.Mbo);

        Assert.DoesNotContain(lines, l => l.Disagreement);
        Assert.All(lines, l => Assert.Null(l.VoKind));
    }

    private static PhaseComparisonKind Kind(IReadOnlyList<PhaseComparisonLine> lines, PupilNumber number, Sector own) =>
        lines.Single(l => l.Number == number).KindFor(own);
}
