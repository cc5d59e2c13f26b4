using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Notifications;
using DoorlopendeLeerroutes.Infrastructure.Persistence;

namespace DoorlopendeLeerroutes.Infrastructure.Notifications;

/// <summary>The coordinators e-mails go to: Identity accounts with the Coordinator role, an institution and an address, not disabled.</summary>
internal sealed class EmailRecipients(IDbContextFactory<AppDbContext> contexts) : IEmailRecipients
{
    public async Task<IReadOnlyList<UserContext>> CoordinatorsAsync(
        IReadOnlyCollection<Guid>? institutionIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var coordinators =
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == UserRoles.Coordinator && !user.IsDisabled && user.Email != null && user.InstitutionId != null
            select user;
        if (institutionIds is not null)
        {
            var ids = institutionIds.ToList();
            coordinators = coordinators.Where(u => ids.Contains(u.InstitutionId!.Value));
        }

        var rows = await coordinators.OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.InstitutionId })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new UserContext(u.Id, u.Email!, UserRole.Coordinator, u.InstitutionId)).ToList();
    }
}
