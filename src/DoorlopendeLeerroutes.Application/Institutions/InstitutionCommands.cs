using DoorlopendeLeerroutes.Domain.Institutions;

namespace DoorlopendeLeerroutes.Application.Institutions;

// Creating and correcting institutions (administrators only, R-INST-1…3), one class per action, written to the audit log.

/// <summary>The form of one institution to correct, with the version it was loaded with; null when it does not exist.</summary>
public sealed class InstitutionFormQuery(IApplicationDbContextFactory contexts, AccessScope scope)
{
    public async Task<InstitutionForm?> ExecuteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        await using var db = await contexts.CreateAsync(cancellationToken);
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return institution is null
            ? null
            : new InstitutionForm
            {
                Brin = institution.Brin.Value, Name = institution.Name, Sector = institution.Sector,
                BoardNumber = institution.BoardNumber.Value, BoardName = institution.BoardName,
                FederationDomain = institution.FederationDomain, Municipality = institution.Municipality ?? string.Empty,
                Province = institution.Province, RmcRegion = institution.RmcRegion, Version = institution.Version,
            };
    }
}

/// <summary>A new institution with a unique BRIN (R-INST-3).</summary>
public sealed class CreateInstitution(IApplicationDbContextFactory contexts, AccessScope scope, IAuditTrail audit)
{
    public async Task<Result<Guid>> ExecuteAsync(InstitutionForm form, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        var created = Institution.Create(form.Brin, form.Name, form.Sector, form.BoardNumber, form.BoardName);
        if (created.IsFailure)
        {
            return Result<Guid>.Failure(created.Errors);
        }

        var institution = created.Value;
        var domain = institution.SetFederationDomain(form.FederationDomain);
        if (domain.IsFailure)
        {
            return Result<Guid>.Failure(domain.Errors);
        }

        var place = institution.SetPlace(form.Municipality, form.Province, form.RmcRegion); // R-MON-1
        if (place.IsFailure)
        {
            return Result<Guid>.Failure(place.Errors);
        }

        await using var db = await contexts.CreateAsync(cancellationToken);

        // R-INST-3: a clear message first; the unique index catches a simultaneous second create (TrySaveChangesAsync).
        if (await db.Institutions.AnyAsync(i => i.Brin == institution.Brin, cancellationToken))
        {
            return Result<Guid>.Failure(DomainErrors.Institution.BrinNotUnique);
        }

        if (await FederationDomainTakenAsync(db, institution, cancellationToken))
        {
            return Result<Guid>.Failure(DomainErrors.Institution.FederationDomainNotUnique);
        }

        db.Institutions.Add(institution);
        var saved = await db.TrySaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
        {
            return Result<Guid>.Failure(saved.Errors);
        }

        await audit.RecordAsync(AuditKind.InstitutionCreated, scope.User.UserId, institution.Brin.Value, institution.Name, cancellationToken);
        return Result<Guid>.Success(institution.Id);
    }

    /// <summary>Whether another institution has the federation domain already (R-AUTH-1: one domain, one institution).</summary>
    internal static Task<bool> FederationDomainTakenAsync(IApplicationDbContext db, Institution institution, CancellationToken cancellationToken) =>
        institution.FederationDomain is { } domain
            ? db.Institutions.AnyAsync(i => i.Id != institution.Id && i.FederationDomain == domain, cancellationToken)
            : Task.FromResult(false);
}

/// <summary>Corrects an institution; a save over someone else's change is refused, not merged.</summary>
public sealed class ChangeInstitution(IApplicationDbContextFactory contexts, AccessScope scope, IAuditTrail audit)
{
    public async Task<Result> ExecuteAsync(Guid id, InstitutionForm form, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        await using var db = await contexts.CreateAsync(cancellationToken);
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null)
        {
            return Result.Failure(InstitutionErrors.NotFound);
        }

        var updated = institution.Update(form.Brin, form.Name, form.Sector, form.BoardNumber, form.BoardName);
        if (updated.IsFailure)
        {
            return updated;
        }

        var domain = institution.SetFederationDomain(form.FederationDomain);
        if (domain.IsFailure)
        {
            return domain;
        }

        var place = institution.SetPlace(form.Municipality, form.Province, form.RmcRegion); // R-MON-1
        if (place.IsFailure)
        {
            return place;
        }

        if (await db.Institutions.AnyAsync(i => i.Id != id && i.Brin == institution.Brin, cancellationToken))
        {
            return Result.Failure(DomainErrors.Institution.BrinNotUnique);
        }

        if (await CreateInstitution.FederationDomainTakenAsync(db, institution, cancellationToken))
        {
            return Result.Failure(DomainErrors.Institution.FederationDomainNotUnique);
        }

        db.Entry(institution).Property(i => i.Version).OriginalValue = form.Version;
        var saved = await db.TrySaveChangesAsync(cancellationToken);
        if (saved.IsFailure)
        {
            return saved;
        }

        await audit.RecordAsync(AuditKind.InstitutionChanged, scope.User.UserId, institution.Brin.Value, institution.Name, cancellationToken);
        return Result.Success();
    }
}

/// <summary>All institutions as choices for a select list (name and BRIN only).</summary>
public sealed class InstitutionChoicesQuery(IApplicationDbContextFactory contexts, AccessScope scope)
{
    public async Task<IReadOnlyList<InstitutionChoice>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        await using var db = await contexts.CreateAsync(cancellationToken);
        var list = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken);
        return list.Select(i => new InstitutionChoice(i.Id, i.Name, i.Brin.Value, i.Sector)).ToList();
    }
}

public sealed record InstitutionChoice(Guid Id, string Name, string Brin, Sector Sector)
{
    public override string ToString() => $"{Name} ({Brin})";
}
