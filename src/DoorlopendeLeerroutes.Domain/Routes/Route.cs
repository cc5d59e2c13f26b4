using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>
/// One version of a leerroute: what it offers (<see cref="Definition"/>), its partners and their confirmations, its
/// agreement versions and its life cycle <c>Draft → Submitted → Registered | Rejected</c>, <c>Registered → Ended</c>.
/// Versions of one route share a <see cref="Code"/>; a registered version is never edited in place (R-ROUTE-10).
/// </summary>
public sealed class Route : Entity
{
    public const int MaxCodeLength = 20;
    public const int MaxReasonLength = 2000;
    public const int MinReasonLength = 5;

    /// <summary>Agreement versions kept per route (R-AGR-3 keeps every version; this quota keeps the store bounded).</summary>
    public const int MaxAgreementVersions = 20;

    private readonly List<RoutePartner> _partners = [];
    private readonly List<Agreement> _agreements = [];
    private readonly List<RouteHistoryEntry> _history = [];

    private Route(Guid id, string code, int versionNumber, Guid? previousVersionId, RouteDefinition definition)
        : base(id)
    {
        Code = code;
        VersionNumber = versionNumber;
        PreviousVersionId = previousVersionId;
        Definition = definition;
        Status = RouteStatus.Draft;
    }

    // For EF Core.
    private Route()
        : base(Guid.Empty)
    {
        Code = null!;
        Definition = null!;
    }

    /// <summary>Human code shared by all versions, e.g. <c>LR-2025-0001</c>.</summary>
    public string Code { get; private set; }

    public int VersionNumber { get; private set; }

    /// <summary>The registered version this one will replace when registered (R-ROUTE-10).</summary>
    public Guid? PreviousVersionId { get; private set; }

    /// <summary>On a registered version: the newer version being prepared, if any.</summary>
    public Guid? PendingVersionId { get; private set; }

    public RouteDefinition Definition { get; private set; }

    public RouteStatus Status { get; private set; }

    /// <summary>Why the administrator rejected the route last (R-ROUTE-9); shown to the partners.</summary>
    public string? RejectionReason { get; private set; }

    public DateTime? RegisteredAt { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public IReadOnlyList<RoutePartner> Partners => _partners;

    /// <summary>Agreement versions, oldest first; none is ever removed (R-AGR-3).</summary>
    public IReadOnlyList<Agreement> Agreements => _agreements;

    public IReadOnlyList<RouteHistoryEntry> History => _history;

    public Agreement? CurrentAgreement => _agreements.MaxBy(a => a.Number);

    public bool IsPartner(Guid institutionId) => _partners.Any(p => p.InstitutionId == institutionId);

    public bool AllPartnersConfirmed => _partners.Count > 0 && _partners.All(p => p.HasConfirmed);

    public IEnumerable<RoutePartner> PartnersIn(Sector sector) => _partners.Where(p => p.Sector == sector);

    /// <summary>
    /// R-PUPIL-2: a pupil of this route goes to a vo school and an mbo institution that are both its partners. The one
    /// check for the enrol form, the import (before any number is read) and <see cref="Pupils.Enrolment.Start"/>.
    /// </summary>
    public Result CheckEnrolmentPartners(Guid voInstitutionId, Guid mboInstitutionId)
    {
        var errors = new List<DomainError>();
        if (!PartnersIn(Sector.Vo).Any(p => p.InstitutionId == voInstitutionId))
        {
            errors.Add(DomainErrors.Enrolment.VoInstitutionNotAPartner);
        }

        if (!PartnersIn(Sector.Mbo).Any(p => p.InstitutionId == mboInstitutionId))
        {
            errors.Add(DomainErrors.Enrolment.MboInstitutionNotAPartner);
        }

        return errors.Count == 0 ? Result.Success() : Result.Failure(errors);
    }

    /// <summary>
    /// The school a new enrolment of this sector gets unless the user chooses: the user's own institution when it is a
    /// partner of that sector, else the only partner of that sector, else none (the user must choose).
    /// </summary>
    public Guid? DefaultPartner(Sector sector, Guid? ownInstitution) =>
        DefaultPartnerAmong(PartnersIn(sector).Select(p => p.InstitutionId).ToList(), ownInstitution);

    /// <summary><see cref="DefaultPartner"/> over the partners of one sector as a screen lists them.</summary>
    public static Guid? DefaultPartnerAmong(IReadOnlyCollection<Guid> partnersOfOneSector, Guid? ownInstitution) =>
        ownInstitution is { } own && partnersOfOneSector.Contains(own) ? own
        : partnersOfOneSector.Count == 1 ? partnersOfOneSector.First()
        : null;

    private List<AgreementParty> AgreementParties =>
        _partners.Select(p => new AgreementParty(p.InstitutionId, p.BoardNumber)).ToList();

    /// <summary>
    /// A coordinator starts a route in which their own institution takes part; one school never reports for partners
    /// it does not belong to (R-ROUTE-8), so administrators do not create routes.
    /// </summary>
    public static Result<Route> Create(
        string code, RouteDefinition definition, IReadOnlyList<RoutePartnerInput> partners, Actor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength)
        {
            throw new DomainException("A route code is generated by the application and must be 1–20 characters.");
        }

        if (actor.Role != UserRole.Coordinator)
        {
            return Result<Route>.Failure(DomainErrors.Route.OnlyCoordinatorsCreate);
        }

        var partnerResult = BuildPartners(partners, actor);
        if (partnerResult.IsFailure)
        {
            return Result<Route>.Failure(partnerResult.Errors);
        }

        var route = new Route(Guid.NewGuid(), code.Trim(), 1, null, definition);
        route._partners.AddRange(partnerResult.Value);
        route.Record(RouteEvent.Created, actor, nowUtc);
        return Result<Route>.Success(route, definition.Warnings);
    }

    /// <summary>
    /// Changes a draft or rejected route. Every change withdraws the partners' confirmations, because they confirmed
    /// something else; a rejected route goes back to draft (docs/domain.md §4.3).
    /// </summary>
    public Result Edit(RouteDefinition definition, IReadOnlyList<RoutePartnerInput> partners, Actor actor, DateTime nowUtc)
    {
        var allowed = CanEdit(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var partnerResult = BuildPartners(partners, actor);
        if (partnerResult.IsFailure)
        {
            return partnerResult;
        }

        Definition = definition;
        ReplacePartners(partnerResult.Value);
        WithdrawConfirmations();
        Status = RouteStatus.Draft;
        Record(RouteEvent.Edited, actor, nowUtc);
        return Result.Success(definition.Warnings);
    }

    /// <summary>R-ROUTE-8: a coordinator confirms that their own institution takes part; never for another institution.</summary>
    public Result ConfirmParticipation(Guid institutionId, Actor actor, DateTime nowUtc)
    {
        var allowed = CanConfirm(institutionId, actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        _partners.Single(p => p.InstitutionId == institutionId).Confirm(actor.UserId, DutchTime.EnsureUtc(nowUtc));
        Record(RouteEvent.ParticipationConfirmed, actor, nowUtc, institutionId: institutionId);
        return Result.Success();
    }

    /// <summary>
    /// R-RIO-1: a coordinator confirms that their own institution registered this registered version in RIO on
    /// <paramref name="reportedOn"/>. A later confirmation corrects the date. A new version asks again.
    /// </summary>
    public Result ConfirmRioRegistration(Guid institutionId, DateOnly reportedOn, Actor actor, DateTime nowUtc)
    {
        var allowed = CanConfirmRio(institutionId, actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var errors = new List<DomainError>();
        if (reportedOn > DutchTime.Today(nowUtc))
        {
            errors.Add(DomainErrors.Rio.DateInFuture);
        }

        if (RioEarliestDate is { } earliest && reportedOn < earliest)
        {
            errors.Add(DomainErrors.Rio.DateBeforeAgreement(earliest));
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        _partners.Single(p => p.InstitutionId == institutionId).ConfirmRio(reportedOn, actor.UserId, DutchTime.EnsureUtc(nowUtc));
        Record(RouteEvent.ReportedInRio, actor, nowUtc, institutionId: institutionId);
        return Result.Success();
    }

    /// <summary>
    /// R-RIO-1: the earliest date a RIO registration of this version can have: the day its current agreement was signed
    /// (the partners had not agreed the route before; a registry entry may well precede the administrator's registration).
    /// </summary>
    public DateOnly? RioEarliestDate => CurrentAgreement?.SignedOn;

    /// <summary>The partners that have not yet confirmed their RIO registration of this version (R-RIO-1).</summary>
    public IEnumerable<RoutePartner> PartnersWithoutRioReport() => _partners.Where(p => !p.HasReportedToRio);

    /// <summary>
    /// Adds a new agreement version (R-AGR-1…3). Earlier versions are kept. In a draft the partners confirm again,
    /// since the agreement they confirmed has changed.
    /// </summary>
    public Result AddAgreement(
        AgreementKind kind, DateOnly signedOn, StoredFile file, IReadOnlyDictionary<AgreementItem, int> pages,
        bool fundingTransferred, bool usesLegalRoom, Actor actor, DateTime nowUtc)
    {
        var allowed = CanAddAgreement(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var room = EnsureRoomForAgreementVersion();
        if (room.IsFailure)
        {
            return room;
        }

        var created = Agreement.Create(
            (CurrentAgreement?.Number ?? 0) + 1, kind, signedOn, file, pages, fundingTransferred, usesLegalRoom,
            AgreementParties, actor.UserId, nowUtc);
        if (created.IsFailure)
        {
            return created;
        }

        _agreements.Add(created.Value);
        if (Status is RouteStatus.Draft or RouteStatus.Rejected)
        {
            WithdrawConfirmations();
            Status = RouteStatus.Draft;
        }

        Record(RouteEvent.AgreementAdded, actor, nowUtc);
        return Result.Success();
    }

    /// <summary>
    /// At most <see cref="MaxAgreementVersions"/> agreement versions per route; checked before an upload is stored too,
    /// so a route that is full never receives another file.
    /// </summary>
    public Result EnsureRoomForAgreementVersion() => _agreements.Count >= MaxAgreementVersions
        ? Result.Failure(DomainErrors.Agreement.TooManyVersions(MaxAgreementVersions))
        : Result.Success();

    /// <summary>
    /// Reports the route to the administrator: only when every partner confirmed (R-ROUTE-8) and the current
    /// agreement covers what R-AGR-1/R-AGR-2 demand (R-ROUTE-7).
    /// </summary>
    public Result Submit(Actor actor, DateTime nowUtc)
    {
        var allowed = CanSubmit(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        Status = RouteStatus.Submitted;
        Record(RouteEvent.Submitted, actor, nowUtc);
        return Result.Success();
    }

    /// <summary>Everything that still stands in the way of submitting (R-ROUTE-7, R-ROUTE-8), for the route page.</summary>
    public IEnumerable<DomainError> SubmitShortcomings()
    {
        var agreement = CurrentAgreement;
        if (agreement is null)
        {
            yield return DomainErrors.Route.AgreementRequired;
        }
        else
        {
            foreach (var shortcoming in agreement.ShortcomingsFor(AgreementParties))
            {
                yield return shortcoming;
            }
        }

        if (!AllPartnersConfirmed)
        {
            yield return DomainErrors.Route.NotAllPartnersConfirmed;
        }
    }

    /// <summary>
    /// R-ROUTE-9: only an administrator registers a submitted route. A new version (R-ROUTE-10) replaces the
    /// registered version it came from, which must be passed in: the old one stays in force until this moment.
    /// </summary>
    public Result Register(Actor actor, DateTime nowUtc, Route? previousVersion = null)
    {
        var allowed = CanRegister(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (PreviousVersionId != previousVersion?.Id)
        {
            throw new DomainException("Registering a new version needs exactly the version it replaces.");
        }

        if (previousVersion is not null)
        {
            if (previousVersion.Status != RouteStatus.Registered)
            {
                return Result.Failure(DomainErrors.Route.PreviousVersionNotInForce);
            }

            previousVersion.Status = RouteStatus.Superseded;
            previousVersion.PendingVersionId = null;
            previousVersion.Record(RouteEvent.Superseded, actor, nowUtc);
        }

        Status = RouteStatus.Registered;
        RegisteredAt = DutchTime.EnsureUtc(nowUtc);
        RejectionReason = null;
        Record(RouteEvent.Registered, actor, nowUtc);
        return Result.Success();
    }

    /// <summary>R-ROUTE-9: an administrator rejects a submitted route with a reason that the partners see.</summary>
    public Result Reject(Actor actor, string? reason, DateTime nowUtc)
    {
        var allowed = CanReject(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var trimmed = reason?.Trim();
        if (trimmed is null || trimmed.Length < MinReasonLength || trimmed.Length > MaxReasonLength)
        {
            return Result.Failure(DomainErrors.Route.ReasonRequired);
        }

        if (ReasonNotPrintable(trimmed) is { } notPrintable)
        {
            return Result.Failure(notPrintable);
        }

        Status = RouteStatus.Rejected;
        RejectionReason = trimmed;
        WithdrawConfirmations();
        Record(RouteEvent.Rejected, actor, nowUtc, trimmed);
        return Result.Success();
    }

    /// <summary>
    /// R-ROUTE-11: ends a registered route on a date. Pupils still enrolled after that date must first be ended or
    /// transferred, each with an outcome; the caller counts them.
    /// </summary>
    public Result End(Actor actor, DateOnly endDate, string? reason, int pupilsStillEnrolled, DateTime nowUtc)
    {
        var allowed = MayEnd(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var errors = new List<DomainError>();
        var trimmed = reason?.Trim();
        if (trimmed is null || trimmed.Length < MinReasonLength || trimmed.Length > MaxReasonLength)
        {
            errors.Add(DomainErrors.Route.ReasonRequired);
        }
        else if (ReasonNotPrintable(trimmed) is { } notPrintable)
        {
            errors.Add(notPrintable);
        }

        if (endDate < Definition.FirstSchoolYear.FirstDay)
        {
            errors.Add(DomainErrors.Route.EndBeforeStart);
        }

        if (pupilsStillEnrolled > 0)
        {
            errors.Add(DomainErrors.Route.PupilsStillEnrolled(pupilsStillEnrolled));
        }

        if (PendingVersionId is not null)
        {
            errors.Add(DomainErrors.Route.EndWithPendingVersion);
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Status = RouteStatus.Ended;
        EndDate = endDate;
        Record(RouteEvent.Ended, actor, nowUtc, trimmed);
        return Result.Success();
    }

    /// <summary>
    /// R-ROUTE-10: a change to a registered route starts a new draft version with the same code, partners and agreement.
    /// This version stays in force until the new one is registered.
    /// </summary>
    /// <param name="versionNumber">
    /// The new version's number: one above the highest number of this route code, which the caller knows (withdrawn
    /// versions keep theirs). Defaults to this version's number plus one.
    /// </param>
    public Result<Route> StartNewVersion(Actor actor, DateTime nowUtc, int? versionNumber = null)
    {
        var allowed = CanStartNewVersion(actor);
        if (allowed.IsFailure)
        {
            return Result<Route>.Failure(allowed.Errors);
        }

        var number = versionNumber ?? VersionNumber + 1;
        if (number <= VersionNumber)
        {
            throw new DomainException("A new version gets a higher number than the version it replaces.");
        }

        var next = new Route(Guid.NewGuid(), Code, number, Id, Definition);
        foreach (var partner in _partners)
        {
            next._partners.Add(partner.CopyUnconfirmed());
        }

        if (CurrentAgreement is { } agreement)
        {
            next._agreements.Add(agreement.CopyForNewVersion());
        }

        next.Record(RouteEvent.Created, actor, nowUtc);
        PendingVersionId = next.Id;
        Record(RouteEvent.NewVersionStarted, actor, nowUtc);
        return Result<Route>.Success(next);
    }

    /// <summary>
    /// A partner withdraws a draft or rejected version that will not be submitted. Withdrawing a new version of a
    /// registered route (pass that registered version) frees it for another change or for ending (R-ROUTE-10, R-ROUTE-11).
    /// </summary>
    public Result Withdraw(Actor actor, DateTime nowUtc, Route? previousVersion = null)
    {
        var allowed = CanWithdraw(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (PreviousVersionId != previousVersion?.Id)
        {
            throw new DomainException("Withdrawing a new version needs exactly the version it would have replaced.");
        }

        if (previousVersion is not null && previousVersion.PendingVersionId == Id)
        {
            previousVersion.PendingVersionId = null;
        }

        Status = RouteStatus.Withdrawn;
        WithdrawConfirmations();
        Record(RouteEvent.Withdrawn, actor, nowUtc);
        return Result.Success();
    }

    // The Can… methods below are the checks of the actions above, without the change: the action runs its Can… first, and
    // RouteActions asks the same methods, so the route page offers exactly what the action would accept.

    /// <summary>R-ROUTE-10: a partner's coordinator edits a draft or rejected version; a submitted or registered one is not edited in place.</summary>
    public Result CanEdit(Actor actor) => Check(
        EnsureCoordinatorOfPartner(actor),
        Status switch
        {
            RouteStatus.Draft or RouteStatus.Rejected => null,
            RouteStatus.Registered => DomainErrors.Route.RegisteredNotEditable,
            _ => DomainErrors.Route.NotEditableInStatus,
        });

    /// <summary>R-ROUTE-8: a coordinator of <paramref name="institutionId"/>, a partner that has not confirmed this draft yet.</summary>
    public Result CanConfirm(Guid institutionId, Actor actor)
    {
        if (!actor.IsCoordinatorOf(institutionId))
        {
            return Result.Failure(actor.Role == UserRole.Viewer
                ? DomainErrors.Access.ReadOnly
                : DomainErrors.Route.ConfirmOnlyOwnInstitution);
        }

        var partner = _partners.FirstOrDefault(p => p.InstitutionId == institutionId);
        if (partner is null)
        {
            return Result.Failure(DomainErrors.Route.NotAPartner);
        }

        if (Status != RouteStatus.Draft)
        {
            return Result.Failure(DomainErrors.Route.ConfirmOnlyInDraft);
        }

        return partner.HasConfirmed ? Result.Failure(DomainErrors.Route.AlreadyConfirmed) : Result.Success();
    }

    /// <summary>R-RIO-1: a coordinator of <paramref name="institutionId"/>, a partner of this version, once it is registered.</summary>
    public Result CanConfirmRio(Guid institutionId, Actor actor)
    {
        if (!actor.IsCoordinatorOf(institutionId))
        {
            return Result.Failure(actor.Role == UserRole.Viewer ? DomainErrors.Access.ReadOnly : DomainErrors.Rio.OnlyOwnInstitution);
        }

        if (!IsPartner(institutionId))
        {
            return Result.Failure(DomainErrors.Route.NotAPartner);
        }

        return Status == RouteStatus.Registered ? Result.Success() : Result.Failure(DomainErrors.Rio.OnlyRegistered);
    }

    /// <summary>R-AGR-3: a partner's coordinator adds an agreement version to a draft, rejected or registered route.</summary>
    public Result CanAddAgreement(Actor actor) => Check(
        EnsureCoordinatorOfPartner(actor),
        Status is RouteStatus.Draft or RouteStatus.Rejected or RouteStatus.Registered ? null : DomainErrors.Agreement.NotInThisStatus);

    /// <summary>R-ROUTE-7, R-ROUTE-8: a partner's coordinator submits a draft once nothing in <see cref="SubmitShortcomings"/> remains.</summary>
    public Result CanSubmit(Actor actor)
    {
        var allowed = Check(EnsureCoordinatorOfPartner(actor), Status == RouteStatus.Draft ? null : DomainErrors.Route.SubmitOnlyFromDraft);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var shortcomings = SubmitShortcomings().ToList();
        return shortcomings.Count > 0 ? Result.Failure(shortcomings) : Result.Success();
    }

    /// <summary>R-ROUTE-9: an administrator registers a submitted route.</summary>
    public Result CanRegister(Actor actor) => !actor.IsAdministrator
        ? Result.Failure(DomainErrors.Route.OnlyAdministratorRegisters)
        : Status == RouteStatus.Submitted ? Result.Success() : Result.Failure(DomainErrors.Route.RegisterOnlySubmitted);

    /// <summary>R-ROUTE-9: an administrator rejects a submitted route (with a reason, checked by <see cref="Reject"/>).</summary>
    public Result CanReject(Actor actor) => !actor.IsAdministrator
        ? Result.Failure(DomainErrors.Route.OnlyAdministratorRegisters)
        : Status == RouteStatus.Submitted ? Result.Success() : Result.Failure(DomainErrors.Route.RejectOnlySubmitted);

    /// <summary>
    /// R-ROUTE-11: an administrator ends a registered route that has no new version in preparation. <see cref="End"/>
    /// reports a pending version together with the other problems of its input.
    /// </summary>
    public Result CanEnd(Actor actor)
    {
        var allowed = MayEnd(actor);
        return allowed.IsFailure || PendingVersionId is null ? allowed : Result.Failure(DomainErrors.Route.EndWithPendingVersion);
    }

    /// <summary>R-ROUTE-10: a partner's coordinator starts one new version of a registered route at a time.</summary>
    public Result CanStartNewVersion(Actor actor) => Check(
        EnsureCoordinatorOfPartner(actor),
        Status != RouteStatus.Registered ? DomainErrors.Route.NewVersionOnlyFromRegistered
            : PendingVersionId is not null ? DomainErrors.Route.NewVersionAlreadyPending
            : null);

    /// <summary>A partner's coordinator withdraws a draft or rejected version.</summary>
    public Result CanWithdraw(Actor actor) => Check(
        EnsureCoordinatorOfPartner(actor),
        Status is RouteStatus.Draft or RouteStatus.Rejected ? null : DomainErrors.Route.WithdrawOnlyDraftOrRejected);

    /// <summary>
    /// R-PUPIL-2: a partner's coordinator enrols pupils only in a registered route. Which schools and dates are allowed is
    /// checked per enrolment (<see cref="AcceptsPupilsOn"/>, the enrolment's partners).
    /// </summary>
    public Result CanEnrol(Actor actor) => Check(
        EnsureCoordinatorOfPartner(actor),
        Status == RouteStatus.Registered ? null : DomainErrors.Enrolment.RouteNotRegistered);

    /// <summary>Whether pupils may be enrolled on <paramref name="date"/> (R-PUPIL-2).</summary>
    public bool AcceptsPupilsOn(DateOnly date) =>
        Status == RouteStatus.Registered
        && date >= Definition.FirstSchoolYear.FirstDay
        && (EndDate is null || date <= EndDate);

    private static Result Check(Result allowed, DomainError? stateError) =>
        allowed.IsFailure || stateError is null ? allowed : Result.Failure(stateError);

    private Result MayEnd(Actor actor) => !actor.IsAdministrator
        ? Result.Failure(DomainErrors.Route.OnlyAdministratorEnds)
        : Status == RouteStatus.Registered ? Result.Success() : Result.Failure(DomainErrors.Route.EndOnlyRegistered);

    private Result EnsureCoordinatorOfPartner(Actor actor)
    {
        if (actor.Role != UserRole.Coordinator)
        {
            return Result.Failure(actor.IsAdministrator
                ? DomainErrors.Route.AdministratorDoesNotReport
                : DomainErrors.Access.ReadOnly);
        }

        return actor.InstitutionId is { } own && IsPartner(own)
            ? Result.Success()
            : Result.Failure(DomainErrors.Route.NotAPartner);
    }

    /// <summary>
    /// R-ROUTE-1: at least one vo and one mbo partner, each institution once. The one statement of the rule: the route
    /// form's validator shows these errors while the user chooses, <see cref="Create"/> and <see cref="Edit"/> enforce them.
    /// </summary>
    public static Result CheckPartners(IReadOnlyCollection<(Guid InstitutionId, Sector Sector)> partners)
    {
        var errors = new List<DomainError>();
        if (!partners.Any(p => p.Sector == Sector.Vo))
        {
            errors.Add(DomainErrors.Route.VoPartnerRequired);
        }

        if (!partners.Any(p => p.Sector == Sector.Mbo))
        {
            errors.Add(DomainErrors.Route.MboPartnerRequired);
        }

        if (partners.GroupBy(p => p.InstitutionId).Any(g => g.Count() > 1))
        {
            errors.Add(DomainErrors.Route.PartnerTwice);
        }

        return Result.FromErrors(errors);
    }

    /// <summary>R-ROUTE-1 (<see cref="CheckPartners"/>), and the actor's own institution among them (R-ROUTE-8).</summary>
    private static Result<List<RoutePartner>> BuildPartners(IReadOnlyList<RoutePartnerInput> inputs, Actor actor)
    {
        var errors = CheckPartners(inputs.Select(p => (p.Institution.Id, p.Institution.Sector)).ToList()).Errors.ToList();

        if (actor.InstitutionId is not { } own || inputs.All(p => p.Institution.Id != own))
        {
            errors.Add(DomainErrors.Route.OwnInstitutionMustTakePart);
        }

        var partners = new List<RoutePartner>();
        foreach (var input in inputs)
        {
            SiteCode? site = null;
            if (!string.IsNullOrWhiteSpace(input.Site)
                && (!SiteCode.TryCreate(input.Site, out site) || site.Brin != input.Institution.Brin))
            {
                errors.Add(DomainErrors.Route.SiteNotOfInstitution(input.Institution.Brin));
                continue;
            }

            partners.Add(new RoutePartner(input.Institution, site));
        }

        return errors.Count > 0 ? Result<List<RoutePartner>>.Failure(errors) : Result<List<RoutePartner>>.Success(partners);
    }

    private void ReplacePartners(List<RoutePartner> partners)
    {
        // Keep the existing rows of partners that stay, so their ids (and history references) survive an edit.
        _partners.RemoveAll(existing => partners.All(p => p.InstitutionId != existing.InstitutionId));
        foreach (var partner in partners)
        {
            var existing = _partners.FirstOrDefault(p => p.InstitutionId == partner.InstitutionId);
            if (existing is null)
            {
                _partners.Add(partner);
            }
            else
            {
                existing.ChangeSite(partner.Site);
            }
        }
    }

    private void WithdrawConfirmations()
    {
        foreach (var partner in _partners)
        {
            partner.ClearConfirmation();
        }
    }

    /// <summary>R-PRIV-4: a reason the partners read is printable text; being several lines, it may hold line breaks.</summary>
    private static DomainError? ReasonNotPrintable(string reason) =>
        PrintableText.Check(reason, "route.reason", "de reden", multiLine: true);

    private void Record(RouteEvent @event, Actor actor, DateTime nowUtc, string? reason = null, Guid? institutionId = null) =>
        _history.Add(new RouteHistoryEntry(
            @event, Status, actor.UserId, DutchTime.EnsureUtc(nowUtc), reason, institutionId ?? actor.InstitutionId));
}
