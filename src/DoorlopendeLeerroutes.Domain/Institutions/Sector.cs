namespace DoorlopendeLeerroutes.Domain.Institutions;

/// <summary>R-INST-2: an institution is either a vo (vmbo) school or an mbo institution.</summary>
public enum Sector
{
    /// <summary>vo-school offering vmbo.</summary>
    Vo = 1,

    /// <summary>mbo-instelling (ROC, AOC, vakinstelling).</summary>
    Mbo = 2,
}
