namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>The ten beroepsgerichte profielen of the vmbo (docs/domain.md §7).</summary>
public enum VmboProfile
{
    BouwenWonenInterieur = 1,
    DienstverleningProducten = 2,
    EconomieOndernemen = 3,
    Groen = 4,
    HorecaBakkerijRecreatie = 5,
    MaritiemTechniek = 6,
    MediaVormgevingIct = 7,
    MobiliteitTransport = 8,
    ProducerenInstallerenEnergie = 9,
    ZorgWelzijn = 10,
}

/// <summary>Sector of a route as used in the national monitor (docs/domain.md §7).</summary>
public enum RouteSector
{
    Economie = 1,
    Groen = 2,
    Techniek = 3,
    ZorgWelzijn = 4,

    /// <summary>"Overig / breed": D&amp;P and HBR.</summary>
    OverigBreed = 5,
}

public static class VmboProfiles
{
    /// <summary>The monitor's sector of a profiel.</summary>
    public static RouteSector Sector(this VmboProfile profile) => profile switch
    {
        VmboProfile.EconomieOndernemen => RouteSector.Economie,
        VmboProfile.Groen => RouteSector.Groen,
        VmboProfile.BouwenWonenInterieur
            or VmboProfile.ProducerenInstallerenEnergie
            or VmboProfile.MobiliteitTransport
            or VmboProfile.MaritiemTechniek
            or VmboProfile.MediaVormgevingIct => RouteSector.Techniek,
        VmboProfile.ZorgWelzijn => RouteSector.ZorgWelzijn,
        VmboProfile.DienstverleningProducten or VmboProfile.HorecaBakkerijRecreatie => RouteSector.OverigBreed,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Onbekend profiel."),
    };

    /// <summary>The official abbreviation, e.g. <c>Z&amp;W</c>.</summary>
    public static string Abbreviation(this VmboProfile profile) => profile switch
    {
        VmboProfile.BouwenWonenInterieur => "BWI",
        VmboProfile.DienstverleningProducten => "D&P",
        VmboProfile.EconomieOndernemen => "E&O",
        VmboProfile.Groen => "Groen",
        VmboProfile.HorecaBakkerijRecreatie => "HBR",
        VmboProfile.MaritiemTechniek => "MaT",
        VmboProfile.MediaVormgevingIct => "MVI",
        VmboProfile.MobiliteitTransport => "M&T",
        VmboProfile.ProducerenInstallerenEnergie => "PIE",
        VmboProfile.ZorgWelzijn => "Z&W",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Onbekend profiel."),
    };

    /// <summary>The Dutch name as schools write it.</summary>
    public static string DutchName(this VmboProfile profile) => profile switch
    {
        VmboProfile.BouwenWonenInterieur => "Bouwen, wonen en interieur",
        VmboProfile.DienstverleningProducten => "Dienstverlening en producten",
        VmboProfile.EconomieOndernemen => "Economie en ondernemen",
        VmboProfile.Groen => "Groen",
        VmboProfile.HorecaBakkerijRecreatie => "Horeca, bakkerij en recreatie",
        VmboProfile.MaritiemTechniek => "Maritiem en techniek",
        VmboProfile.MediaVormgevingIct => "Media, vormgeving en ICT",
        VmboProfile.MobiliteitTransport => "Mobiliteit en transport",
        VmboProfile.ProducerenInstallerenEnergie => "Produceren, installeren en energie",
        VmboProfile.ZorgWelzijn => "Zorg en welzijn",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Onbekend profiel."),
    };
}
