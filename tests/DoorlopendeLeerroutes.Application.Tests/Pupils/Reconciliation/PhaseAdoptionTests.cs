using DoorlopendeLeerroutes.Application.Pupils.Reconciliation;
using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.Application.Tests.Pupils.Reconciliation;

/// <summary>R-RECON-1: which phase registrations adopting a difference records, so the register then holds the file's phase.</summary>
public sealed class PhaseAdoptionTests
{
    private static readonly DateOnly LastYear = new(2025, 8, 1);
    private static readonly DateOnly ThisYear = new(2026, 8, 1);

    [Fact]
    public void R_RECON_1_a_different_phase_is_one_registration_from_the_file_date()
    {
        var adoption = new PhaseAdoption(Guid.NewGuid(), new PhaseOnDate(Phase.Vo, LastYear), new PhaseOnDate(Phase.Mbo, ThisYear));

        Assert.Equal([(Phase.Mbo, ThisYear)], adoption.Registrations());
    }

    [Fact]
    public void R_RECON_1_a_pupil_only_here_without_a_phase_gets_the_file_phase()
    {
        var adoption = new PhaseAdoption(Guid.NewGuid(), null, new PhaseOnDate(Phase.Vo, ThisYear));

        Assert.Equal([(Phase.Vo, ThisYear)], adoption.Registrations());
    }

    [Fact]
    public void R_RECON_1_the_same_phase_starting_earlier_in_the_file_is_one_registration()
    {
        var adoption = new PhaseAdoption(Guid.NewGuid(), new PhaseOnDate(Phase.Mbo, ThisYear), new PhaseOnDate(Phase.Mbo, LastYear));

        Assert.Equal([(Phase.Mbo, LastYear)], adoption.Registrations());
    }

    [Fact]
    public void R_RECON_1_the_same_phase_starting_later_in_the_file_gives_the_days_before_it_the_other_phase()
    {
        // Here mbo-fase since last year; the file says mbo-fase only from this year: until then the pupil was in the vo-fase.
        var adoption = new PhaseAdoption(Guid.NewGuid(), new PhaseOnDate(Phase.Mbo, LastYear), new PhaseOnDate(Phase.Mbo, ThisYear));

        Assert.Equal([(Phase.Vo, LastYear), (Phase.Mbo, ThisYear)], adoption.Registrations());
    }
}
