using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary><see cref="IExternalLogins"/> on Identity's external logins, each call in a scope of its own (fresh data in a long circuit).</summary>
internal sealed class ExternalLogins(IServiceScopeFactory scopes) : IExternalLogins
{
    public async Task<IReadOnlyList<LinkedIdentity>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.UserLogins.AsNoTracking()
            .Where(l => l.UserId == userId)
            .OrderBy(l => l.ProviderDisplayName)
            .Select(l => new LinkedIdentity(
                l.LoginProvider, l.ProviderDisplayName ?? l.LoginProvider, l.ProviderKey,
                EF.Property<DateTime?>(l, ExternalLoginConfiguration.LinkedUtc)))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result> RemoveAsync(Guid userId, string provider, string key, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Result.Failure(AccountErrors.NotFound);
        }

        if (!(await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == provider && l.ProviderKey == key))
        {
            return Result.Failure(ExternalLoginErrors.NotFound);
        }

        // Identity renews the security stamp: sessions started through this link end at their next request.
        var removed = await users.RemoveLoginAsync(user, provider, key);
        return removed.Succeeded
            ? Result.Success()
            : Result.Failure(removed.Errors.Select(e => new DomainError("identity." + e.Code, e.Description)).ToList());
    }
}

/// <summary>Identity's login rows also keep when the link was made (a shadow property: Identity's own type stays as it is).</summary>
internal sealed class ExternalLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public const string LinkedUtc = "LinkedUtc";

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.Property<DateTime?>(LinkedUtc);
}
