namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>For start-up work (migrations, demo data) and command-line tasks: nobody is signed in.</summary>
internal sealed class NoCurrentUser : ICurrentUser
{
    public UserContext? User => null;
}
