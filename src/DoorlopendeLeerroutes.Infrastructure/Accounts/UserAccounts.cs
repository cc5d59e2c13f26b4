using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary><see cref="IUserAccounts"/> on ASP.NET Core Identity.</summary>
internal sealed class UserAccounts(
    UserManager<ApplicationUser> users, IDbContextFactory<AppDbContext> contexts, TimeProvider time) : IUserAccounts
{
    public async Task<PagedResult<UserListItem>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Users.CountAsync(cancellationToken);
        var rows = await Rows(db, db.Users.OrderBy(u => u.Email).Skip(page.Skip).Take(page.Take))
            .ToListAsync(cancellationToken);
        return new PagedResult<UserListItem>(rows.Select(ToItem).ToList(), total);
    }

    public async Task<UserListItem?> FindAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Rows(db, db.Users.Where(u => u.Id == userId)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToItem(row);
    }

    public async Task<Result<NewAccount>> CreateAsync(
        string email, string displayName, UserRole role, Guid? institutionId, CancellationToken cancellationToken = default)
    {
        var institutionCheck = await CheckInstitutionAsync(role, institutionId, cancellationToken);
        if (institutionCheck.IsFailure)
        {
            return Result<NewAccount>.Failure(institutionCheck.Errors);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return Result<NewAccount>.Failure(AccountErrors.EmailTaken);
        }

        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            InstitutionId = role == UserRole.Administrator ? null : institutionId, MustChangePassword = true,
            LockoutEnabled = true,
        };
        var password = OneTimePassword.Generate();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Result<NewAccount>.Failure(Errors(created));
        }

        var inRole = await users.AddToRoleAsync(user, role.ToString());
        if (!inRole.Succeeded)
        {
            await users.DeleteAsync(user); // nothing half-saved: an account without a role is no account
            return Result<NewAccount>.Failure(Errors(inRole));
        }

        return Result<NewAccount>.Success(new NewAccount(user.Id, email, password));
    }

    public async Task<Result> ChangeAsync(
        Guid userId, string displayName, UserRole role, Guid? institutionId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result.Failure(AccountErrors.NotFound);
        }

        var institutionCheck = await CheckInstitutionAsync(role, institutionId, cancellationToken);
        if (institutionCheck.IsFailure)
        {
            return institutionCheck;
        }

        var currentRoles = await users.GetRolesAsync(user);
        var roleChanges = !currentRoles.SequenceEqual([role.ToString()]);
        var institutionChanges = user.InstitutionId != institutionId;
        user.DisplayName = displayName;
        user.InstitutionId = role == UserRole.Administrator ? null : institutionId;

        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Result.Failure(Errors(updated));
        }

        if (roleChanges)
        {
            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, role.ToString());
        }

        if (roleChanges || institutionChanges)
        {
            // What the user may see changed: open sessions must sign in again to pick it up.
            await users.UpdateSecurityStampAsync(user);
        }

        return Result.Success();
    }

    public async Task<Result> SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result.Failure(AccountErrors.NotFound);
        }

        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Result.Failure(Errors(updated));
        }

        if (disabled)
        {
            // A new security stamp invalidates every cookie of this user at its next request.
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        return Result.Success();
    }

    public async Task<Result<string>> ResetPasswordAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result<string>.Failure(AccountErrors.NotFound);
        }

        var password = OneTimePassword.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return Result<string>.Failure(Errors(reset));
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Result<string>.Success(password);
    }

    private async Task<Result> CheckInstitutionAsync(UserRole role, Guid? institutionId, CancellationToken cancellationToken)
    {
        if (role == UserRole.Administrator)
        {
            return institutionId is null ? Result.Success() : Result.Failure(AccountErrors.AdministratorHasNoInstitution);
        }

        if (institutionId is null)
        {
            return Result.Failure(AccountErrors.InstitutionRequired);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Institutions.AnyAsync(i => i.Id == institutionId, cancellationToken)
            ? Result.Success()
            : Result.Failure(AccountErrors.InstitutionUnknown);
    }

    private static List<DomainError> Errors(IdentityResult result) =>
        result.Errors.Select(e => new DomainError("identity." + e.Code, e.Description)).ToList();

    // Filter and order the users first: EF cannot translate a filter on the projected record.
    private static IQueryable<UserRow> Rows(AppDbContext db, IQueryable<ApplicationUser> users) =>
        users.Select(u => new UserRow(
            u.Id,
            u.Email!,
            u.DisplayName,
            (from ur in db.UserRoles
             join r in db.Roles on ur.RoleId equals r.Id
             where ur.UserId == u.Id
             select r.Name).FirstOrDefault(),
            u.InstitutionId,
            db.Institutions.Where(i => i.Id == u.InstitutionId).Select(i => i.Name).FirstOrDefault(),
            u.IsDisabled,
            u.LockoutEnd,
            u.MustChangePassword));

    private UserListItem ToItem(UserRow row) => new(
        row.Id, row.Email, row.DisplayName,
        Enum.TryParse<UserRole>(row.RoleName, out var role) ? role : UserRole.Viewer,
        row.InstitutionId, row.InstitutionName, row.IsDisabled,
        row.LockoutEnd is { } end && end > time.GetUtcNow(), row.MustChangePassword);

    private sealed record UserRow(
        Guid Id, string Email, string DisplayName, string? RoleName, Guid? InstitutionId, string? InstitutionName,
        bool IsDisabled, DateTimeOffset? LockoutEnd, bool MustChangePassword);
}
