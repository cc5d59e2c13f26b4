using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Domain.Agreements;

/// <summary>
/// One version of a route's samenwerkingsovereenkomst (or interne regeling). Versions are only ever added (R-AGR-3);
/// the newest is the route's current agreement.
/// </summary>
public sealed class Agreement : Entity
{
    private readonly List<AgreementItemCoverage> _items = [];
    private readonly List<AgreementParty> _parties = [];

    private Agreement(
        Guid id, int number, AgreementKind kind, DateOnly signedOn, StoredFile file, bool fundingTransferred,
        bool usesLegalRoom, Guid uploadedBy, DateTime uploadedAt)
        : base(id)
    {
        Number = number;
        Kind = kind;
        SignedOn = signedOn;
        File = file;
        FundingTransferred = fundingTransferred;
        UsesLegalRoom = usesLegalRoom;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    // For EF Core.
    private Agreement()
        : base(Guid.Empty) => File = null!;

    /// <summary>Version number within the route: 1, 2, …</summary>
    public int Number { get; private set; }

    public AgreementKind Kind { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public StoredFile File { get; private set; }

    public bool FundingTransferred { get; private set; }

    public bool UsesLegalRoom { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTime UploadedAt { get; private set; }

    /// <summary>The R-AGR-2 items the uploader confirmed, each with its page number.</summary>
    public IReadOnlyList<AgreementItemCoverage> Items => _items;

    /// <summary>
    /// The partner institutions whose bevoegd gezag signed (R-AGR-1), as confirmed by the uploader: the route's partners
    /// at the moment of upload. A partner that joins later is not among them (R-ROUTE-10).
    /// </summary>
    public IReadOnlyList<AgreementParty> Parties => _parties;

    /// <summary>Items R-AGR-2 demands for this agreement.</summary>
    public static IReadOnlyList<AgreementItem> RequiredItems(bool fundingTransferred, bool usesLegalRoom)
    {
        var required = new List<AgreementItem>
        {
            AgreementItem.TransferOption, AgreementItem.JoiningAndChanges, AgreementItem.ProgrammeAndResponsibilities,
        };
        if (fundingTransferred)
        {
            required.Add(AgreementItem.FinancialArrangements);
        }

        if (usesLegalRoom)
        {
            required.Add(AgreementItem.LegalRoom);
        }

        return required;
    }

    /// <summary>
    /// Makes a new agreement version. <paramref name="partners"/> are the route's partners at upload; the uploader
    /// confirms that the bevoegd gezag of each of them signed.
    /// </summary>
    internal static Result<Agreement> Create(
        int number, AgreementKind kind, DateOnly signedOn, StoredFile file, IReadOnlyDictionary<AgreementItem, int> pages,
        bool fundingTransferred, bool usesLegalRoom, IReadOnlyCollection<AgreementParty> partners, Guid uploadedBy,
        DateTime uploadedAtUtc)
    {
        var errors = new List<DomainError>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(DomainErrors.Agreement.KindInvalid);
        }

        // R-AGR-1: an interne regeling only stands in for a SOK while all partners share one bevoegd gezag.
        if (kind == AgreementKind.InternalArrangement && !ShareOneBoard(partners))
        {
            errors.Add(DomainErrors.Agreement.InternalArrangementNeedsOneBoard);
        }

        if (signedOn > DutchTime.Today(uploadedAtUtc))
        {
            errors.Add(DomainErrors.Agreement.SignedInFuture);
        }

        // R-AGR-2: every required item confirmed, each with a page inside the document.
        foreach (var item in RequiredItems(fundingTransferred, usesLegalRoom))
        {
            if (!pages.ContainsKey(item))
            {
                errors.Add(DomainErrors.Agreement.ItemMissing(item));
            }
        }

        foreach (var (item, page) in pages)
        {
            if (!Enum.IsDefined(item))
            {
                errors.Add(DomainErrors.Agreement.ItemInvalid);
            }
            else if (page < 1 || page > file.PageCount)
            {
                errors.Add(DomainErrors.Agreement.PageOutOfRange(item, page, file.PageCount));
            }
        }

        if (errors.Count > 0)
        {
            return Result<Agreement>.Failure(errors);
        }

        var agreement = new Agreement(
            Guid.NewGuid(), number, kind, signedOn, file, fundingTransferred, usesLegalRoom, uploadedBy,
            DutchTime.EnsureUtc(uploadedAtUtc));
        agreement._items.AddRange(pages.OrderBy(p => p.Key).Select(p => new AgreementItemCoverage(p.Key, p.Value)));
        agreement._parties.AddRange(partners.DistinctBy(p => p.InstitutionId));
        return Result<Agreement>.Success(agreement);
    }

    /// <summary>A copy for a new route version (R-ROUTE-10): the same document and confirmations.</summary>
    internal Agreement CopyForNewVersion()
    {
        var copy = new Agreement(
            Guid.NewGuid(), 1, Kind, SignedOn, File, FundingTransferred, UsesLegalRoom, UploadedBy, UploadedAt);
        // New record instances: EF tracks owned rows by instance, and these belong to another agreement.
        copy._items.AddRange(_items.Select(i => i with { }));
        copy._parties.AddRange(_parties.Select(p => p with { }));
        return copy;
    }

    /// <summary>The reasons this agreement does not (or no longer) suffice for a route with these partners.</summary>
    public IReadOnlyList<DomainError> ShortcomingsFor(IReadOnlyCollection<AgreementParty> partners)
    {
        var errors = new List<DomainError>();
        var covered = _items.Select(i => i.Item).ToHashSet();
        if (!covered.Contains(AgreementItem.TransferOption))
        {
            errors.Add(DomainErrors.Agreement.ItemMissing(AgreementItem.TransferOption));
        }

        errors.AddRange(RequiredItems(FundingTransferred, UsesLegalRoom)
            .Where(i => i != AgreementItem.TransferOption && !covered.Contains(i))
            .Select(DomainErrors.Agreement.ItemMissing));

        // R-AGR-1 / R-ROUTE-10: a partner that joined after signing needs a new version signed for it, even when its
        // board already signed for another school.
        var signedFor = _parties.Select(p => p.InstitutionId).ToHashSet();
        if (partners.Any(p => !signedFor.Contains(p.InstitutionId)))
        {
            errors.Add(DomainErrors.Agreement.NotSignedByAllPartners);
        }

        if (Kind == AgreementKind.InternalArrangement && !ShareOneBoard(partners))
        {
            errors.Add(DomainErrors.Agreement.InternalArrangementNeedsOneBoard);
        }

        return errors;
    }

    private static bool ShareOneBoard(IReadOnlyCollection<AgreementParty> partners) =>
        partners.Select(p => p.Board).Distinct().Count() <= 1;
}

/// <summary>An R-AGR-2 item with the page number where the agreement arranges it.</summary>
public sealed record AgreementItemCoverage(AgreementItem Item, int Page);

/// <summary>A partner institution covered by the agreement, with the bevoegd gezag that signed for it.</summary>
public sealed record AgreementParty(Guid InstitutionId, BoardNumber Board);
