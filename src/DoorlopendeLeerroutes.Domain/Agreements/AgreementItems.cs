namespace DoorlopendeLeerroutes.Domain.Agreements;

public static class AgreementItems
{
    /// <summary>The item as the checklist names it.</summary>
    public static string DutchName(this AgreementItem item) => item switch
    {
        AgreementItem.TransferOption => "de overstapoptie",
        AgreementItem.JoiningAndChanges => "toetreding van andere partijen en wijziging van de overeenkomst",
        AgreementItem.ProgrammeAndResponsibilities => "het onderwijsprogramma en de verantwoordelijkheden",
        AgreementItem.FinancialArrangements => "de financiële afspraken",
        AgreementItem.LegalRoom => "het gebruik van de wettelijke ruimte",
        _ => item.ToString(),
    };
}
