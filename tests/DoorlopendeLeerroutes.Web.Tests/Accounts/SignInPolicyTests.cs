using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Web.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Issue 12, item 5: what the sign-in texts say about lockout and passwords is what Identity enforces.</summary>
public sealed class SignInPolicyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Identity_is_configured_from_the_policy_and_the_refusal_states_its_numbers()
    {
        var options = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;

        Assert.Equal(SignInPolicy.MaxFailedAttempts, options.Lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(SignInPolicy.LockoutMinutes), options.Lockout.DefaultLockoutTimeSpan);
        Assert.Equal(SignInPolicy.MinPasswordLength, options.Password.RequiredLength);
        Assert.Contains($"Na {options.Lockout.MaxFailedAccessAttempts} mislukte pogingen kun je {options.Lockout.DefaultLockoutTimeSpan.TotalMinutes} minuten niet inloggen.",
            SignInPolicy.RefusedMessage, StringComparison.Ordinal);
        Assert.StartsWith($"Minstens {options.Password.RequiredLength} tekens", SignInPolicy.PasswordRules, StringComparison.Ordinal);
    }
}
