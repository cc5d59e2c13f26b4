using DoorlopendeLeerroutes.Application.Common;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>Used until sign-in provides the user, and for start-up work (migrations, demo data).</summary>
internal sealed class NoCurrentUser : ICurrentUser
{
    public Guid? UserId => null;
}
