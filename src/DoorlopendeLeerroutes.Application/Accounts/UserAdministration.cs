using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using FluentValidation;

namespace DoorlopendeLeerroutes.Application.Accounts;

/// <summary>
/// The Beheer actions on accounts (administrators only): list, create with a one-time password, change role and
/// institution, disable or enable, reset the password. Each change is written to the audit log.
/// </summary>
public sealed class UserAdministration(
    IUserAccounts accounts, IAuditTrail audit, AccessScope scope, IValidator<UserForm> validator)
{
    public async Task<PagedResult<UserListItem>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        return await accounts.ListAsync(page, cancellationToken);
    }

    public async Task<Result<NewAccount>> CreateAsync(UserForm form, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        var invalid = await ValidateAsync(form, cancellationToken);
        if (invalid is not null)
        {
            return Result<NewAccount>.Failure(invalid);
        }

        var created = await accounts.CreateAsync(
            form.Email.Trim(), form.DisplayName.Trim(), form.Role, form.InstitutionId, cancellationToken);
        if (created.IsSuccess)
        {
            await audit.RecordAsync(
                AuditKind.UserCreated, scope.User.UserId, created.Value.Email, "rol " + form.Role.DutchName(), cancellationToken);
        }

        return created;
    }

    public async Task<Result> ChangeAsync(Guid userId, UserForm form, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        var invalid = await ValidateAsync(form, cancellationToken);
        if (invalid is not null)
        {
            return Result.Failure(invalid);
        }

        var before = await accounts.FindAsync(userId, cancellationToken);
        if (before is null)
        {
            return Result.Failure(AccountErrors.NotFound);
        }

        var changed = await accounts.ChangeAsync(userId, form.DisplayName.Trim(), form.Role, form.InstitutionId, cancellationToken);
        if (changed.IsSuccess)
        {
            var changes = new List<string>();
            if (before.Role != form.Role)
            {
                changes.Add($"rol {before.Role.DutchName()} → {form.Role.DutchName()}");
            }

            if (before.InstitutionId != form.InstitutionId)
            {
                changes.Add("andere instelling");
            }

            if (before.DisplayName != form.DisplayName.Trim())
            {
                changes.Add("naam gewijzigd");
            }

            var detail = changes.Count == 0 ? "geen wijziging" : string.Join("; ", changes);
            await audit.RecordAsync(AuditKind.UserChanged, scope.User.UserId, before.Email, detail, cancellationToken);
        }

        return changed;
    }

    public async Task<Result> SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        if (disabled && userId == scope.User.UserId)
        {
            return Result.Failure(AccountErrors.CannotDisableYourself);
        }

        var user = await accounts.FindAsync(userId, cancellationToken);
        if (user is null)
        {
            return Result.Failure(AccountErrors.NotFound);
        }

        var result = await accounts.SetDisabledAsync(userId, disabled, cancellationToken);
        if (result.IsSuccess)
        {
            await audit.RecordAsync(
                disabled ? AuditKind.UserDisabled : AuditKind.UserEnabled, scope.User.UserId, user.Email, null, cancellationToken);
        }

        return result;
    }

    public async Task<Result<string>> ResetPasswordAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        var user = await accounts.FindAsync(userId, cancellationToken);
        if (user is null)
        {
            return Result<string>.Failure(AccountErrors.NotFound);
        }

        var result = await accounts.ResetPasswordAsync(userId, cancellationToken);
        if (result.IsSuccess)
        {
            await audit.RecordAsync(AuditKind.PasswordReset, scope.User.UserId, user.Email, null, cancellationToken);
        }

        return result;
    }


    private async Task<List<DomainError>?> ValidateAsync(UserForm form, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        return validation.IsValid
            ? null
            : validation.Errors.Select(e => new DomainError("account.form." + e.PropertyName.ToLowerInvariant(), e.ErrorMessage)).ToList();
    }
}
