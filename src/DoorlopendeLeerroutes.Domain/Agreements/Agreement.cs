using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Domain.Agreements;

/// <summary>
/// One version of a route's samenwerkingsovereenkomst (or interne regeling). Versions are only ever added (R-AGR-3);
/// the newest is the route's current agreement.
/// </summary>
public sealed class Agreement : Entity
{
    private readonly List<AgreementItemCoverage> _items = [];
    private readonly List<SignatoryBoard> _signatories = [];

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

    /// <summary>The boards that signed (R-AGR-1), as confirmed by the uploader.</summary>
    public IReadOnlyList<SignatoryBoard> Signatories => _signatories;

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
    /// Makes a new agreement version. <paramref name="partnerBoards"/> are the boards of the route's partners at upload;
    /// the uploader confirms that each of them signed.
    /// </summary>
    internal static Result<Agreement> Create(
        int number, AgreementKind kind, DateOnly signedOn, StoredFile file, IReadOnlyDictionary<AgreementItem, int> pages,
        bool fundingTransferred, bool usesLegalRoom, IReadOnlyCollection<BoardNumber> partnerBoards, Guid uploadedBy,
        DateTime uploadedAtUtc)
    {
        var errors = new List<DomainError>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(DomainErrors.Agreement.KindInvalid);
        }

        // R-AGR-1: an interne regeling only stands in for a SOK while all partners share one bevoegd gezag.
        if (kind == AgreementKind.InternalArrangement && partnerBoards.Distinct().Count() > 1)
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
                errors.Add(DomainErrors.Agreement.KindInvalid);
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
        agreement._signatories.AddRange(partnerBoards.Distinct().Select(b => new SignatoryBoard(b)));
        return Result<Agreement>.Success(agreement);
    }

    /// <summary>A copy for a new route version (R-ROUTE-10): the same document and confirmations.</summary>
    internal Agreement CopyForNewVersion()
    {
        var copy = new Agreement(
            Guid.NewGuid(), 1, Kind, SignedOn, File, FundingTransferred, UsesLegalRoom, UploadedBy, UploadedAt);
        copy._items.AddRange(_items);
        copy._signatories.AddRange(_signatories);
        return copy;
    }

    /// <summary>The reasons this agreement does not (or no longer) suffice for a route with these partner boards.</summary>
    public IReadOnlyList<DomainError> ShortcomingsFor(IReadOnlyCollection<BoardNumber> partnerBoards)
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

        // R-AGR-1 / R-ROUTE-10: a partner that joined after signing needs a new version signed by its board.
        var signed = _signatories.Select(s => s.Board).ToHashSet();
        if (partnerBoards.Any(b => !signed.Contains(b)))
        {
            errors.Add(DomainErrors.Agreement.NotSignedByAllPartners);
        }

        if (Kind == AgreementKind.InternalArrangement && partnerBoards.Distinct().Count() > 1)
        {
            errors.Add(DomainErrors.Agreement.InternalArrangementNeedsOneBoard);
        }

        return errors;
    }
}

/// <summary>An R-AGR-2 item with the page number where the agreement arranges it.</summary>
public sealed record AgreementItemCoverage(AgreementItem Item, int Page);

/// <summary>A bevoegd gezag that signed the agreement.</summary>
public sealed record SignatoryBoard(BoardNumber Board);
