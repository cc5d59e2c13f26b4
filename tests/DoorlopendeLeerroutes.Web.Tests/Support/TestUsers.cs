using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>A fixed signed-in user for calling Application services directly, without a browser.</summary>
public sealed class TestCurrentUser(UserContext? user) : ICurrentUser
{
    public UserContext? User { get; } = user;
}

public static class TestUsers
{
    /// <summary>The demo account with this e-mail address as the Application layer sees it.</summary>
    public static async Task<UserContext> UserAsync(this AppFactory app, string email)
    {
        await using var db = await app.OpenDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var role = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where ur.UserId == user.Id
                          select r.Name).SingleAsync();
        return new UserContext(user.Id, email, Enum.Parse<UserRole>(role!), user.InstitutionId);
    }

    /// <summary>
    /// Resolves an Application service as <paramref name="email"/> would get it: the app's own registrations, with the
    /// current user replaced.
    /// </summary>
    public static async Task<T> ServiceAsAsync<T>(this AppFactory app, string email)
        where T : notnull
    {
        var user = await app.UserAsync(email);
        return app.ServiceAs<T>(user);
    }

    public static T ServiceAs<T>(this AppFactory app, UserContext? user)
        where T : notnull
    {
        var scope = app.Services.CreateScope();
        var provider = new OverridingProvider(scope.ServiceProvider, new TestCurrentUser(user));
        return ActivatorUtilities.CreateInstance<T>(provider);
    }

    /// <summary>Gives the test's user wherever <see cref="ICurrentUser"/> or <see cref="AccessScope"/> is asked for.</summary>
    private sealed class OverridingProvider(IServiceProvider inner, ICurrentUser user) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(ICurrentUser))
            {
                return user;
            }

            if (serviceType == typeof(AccessScope))
            {
                return new AccessScope(user, inner.GetRequiredService<IAuditTrail>());
            }

            // Every use case and query of the Application layer is built here, so all it depends on sees the test's user.
            if (serviceType.Assembly == typeof(AccessScope).Assembly && serviceType is { IsClass: true, IsAbstract: false })
            {
                return ActivatorUtilities.CreateInstance(this, serviceType);
            }

            return inner.GetService(serviceType);
        }
    }
}
