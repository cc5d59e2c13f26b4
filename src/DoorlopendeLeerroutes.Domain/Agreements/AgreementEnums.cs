namespace DoorlopendeLeerroutes.Domain.Agreements;

/// <summary>R-AGR-1: a samenwerkingsovereenkomst, or an interne regeling when all partners share one bevoegd gezag.</summary>
public enum AgreementKind
{
    CooperationAgreement = 1,
    InternalArrangement = 2,
}

/// <summary>The items of R-AGR-2 the uploader confirms, each with the page where it is arranged.</summary>
public enum AgreementItem
{
    /// <summary>1. Overstapoptie: how a pupil who stops or switches still reaches a diploma. Always mandatory.</summary>
    TransferOption = 1,

    /// <summary>2. Conditions for another party to join, and how the agreement is changed. Always mandatory.</summary>
    JoiningAndChanges = 2,

    /// <summary>3. The programme and who is responsible for what (exams, diplomas, BPV, absence). Always mandatory.</summary>
    ProgrammeAndResponsibilities = 3,

    /// <summary>4. Financial arrangements. Mandatory when funding is transferred between partners.</summary>
    FinancialArrangements = 4,

    /// <summary>5. Use of the legal room (one team, exam spread, early mbo exams). Mandatory when used.</summary>
    LegalRoom = 5,
}
