using FluentValidation;

namespace DoorlopendeLeerroutes.Application.Accounts;

// The Beheer actions on accounts (administrators only), one class per action. Each change is written to the audit log;
// the identity store (IUserAccounts) keeps the last active administrator.

/// <summary>The accounts, a page at a time.</summary>
public sealed class UserListQuery(IUserAccounts accounts, AccessScope scope)
{
    public async Task<PagedResult<UserListItem>> ExecuteAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        return await accounts.ListAsync(page, cancellationToken);
    }
}

/// <summary>A new account with a one-time password.</summary>
public sealed class CreateUser(IUserAccounts accounts, IAuditTrail audit, AccessScope scope, IValidator<UserForm> validator)
{
    public async Task<Result<NewAccount>> ExecuteAsync(UserForm form, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        var invalid = await validator.ErrorsOfAsync(form, cancellationToken);
        if (invalid.Count > 0)
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
}

/// <summary>Another name, role or institution for an account.</summary>
public sealed class ChangeUser(IUserAccounts accounts, IAuditTrail audit, AccessScope scope, IValidator<UserForm> validator)
{
    public async Task<Result> ExecuteAsync(Guid userId, UserForm form, CancellationToken cancellationToken = default)
    {
        scope.RequireAdministrator();
        var invalid = await validator.ErrorsOfAsync(form, cancellationToken);
        if (invalid.Count > 0)
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
}

/// <summary>Disables (ending every session) or enables an account; never one's own, never the last administrator.</summary>
public sealed class SetUserDisabled(IUserAccounts accounts, IAuditTrail audit, AccessScope scope)
{
    public async Task<Result> ExecuteAsync(Guid userId, bool disabled, CancellationToken cancellationToken = default)
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
}

/// <summary>A new one-time password for an account.</summary>
public sealed class ResetPassword(IUserAccounts accounts, IAuditTrail audit, AccessScope scope)
{
    public async Task<Result<string>> ExecuteAsync(Guid userId, CancellationToken cancellationToken = default)
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
}

internal static class UserFormValidation
{
    /// <summary>The form's errors as domain errors, coded per field ("account.form.email").</summary>
    internal static async Task<List<DomainError>> ErrorsOfAsync(
        this IValidator<UserForm> validator, UserForm form, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        return validation.Errors.Select(e => new DomainError("account.form." + e.PropertyName.ToLowerInvariant(), e.ErrorMessage)).ToList();
    }
}
