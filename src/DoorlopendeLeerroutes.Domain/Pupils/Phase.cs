namespace DoorlopendeLeerroutes.Domain.Pupils;

/// <summary>The funding phase of a pupil: the vo partner is funded in the vo-fase, the mbo partner in the mbo-fase (R-COUNT-4).</summary>
public enum Phase
{
    Vo = 1,
    Mbo = 2,
}

/// <summary>R-PUPIL-7: how an enrolment ended.</summary>
public enum EnrolmentOutcome
{
    /// <summary>Diploma behaald.</summary>
    Completed = 1,

    /// <summary>Overstapoptie gebruikt: to a regular vmbo or mbo programme.</summary>
    TransferOption = 2,

    /// <summary>Verhuisd / naar een andere school.</summary>
    Moved = 3,

    /// <summary>Anders, with an explanation.</summary>
    Other = 4,
}
