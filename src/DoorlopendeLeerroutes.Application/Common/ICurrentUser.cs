namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>Who is acting right now, for audit fields. Sign-in fills it in; background work acts as nobody (null).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
}
