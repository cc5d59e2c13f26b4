using System.Security.Claims;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>
/// <see cref="IExternalSignIn"/> on Identity's external logins (AspNetUserLogins: provider name + subject). Never grants
/// power by itself (R-AUTH-1): the role of the account reached is the one an administrator gave it, or, for a just-in-time
/// account, read-only. The provider's role or group claims are not even read.
/// </summary>
internal sealed class ExternalSignIn(
    UserManager<ApplicationUser> users, SessionStarter sessions, IAuditTrail audit, AppDbContext db, TimeProvider time) : IExternalSignIn
{
    public async Task<ExternalSignInOutcome> SignInAsync(
        ExternalIdentity identity, string? returnUrl, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(identity.Subject))
        {
            return await RefuseAsync(identity, ExternalSignInRefusal.RemoteFailure, "geen subject", null, cancellationToken);
        }

        // 1. An identity linked before reaches its account by the provider's stable subject.
        var user = await users.FindByLoginAsync(identity.Provider, identity.Subject);
        if (user is null)
        {
            var (found, refusal, detail) = await LinkOrCreateAsync(identity, cancellationToken);
            if (found is null)
            {
                return await RefuseAsync(identity, refusal!.Value, detail, null, cancellationToken);
            }

            user = found;
        }

        if (user.IsDisabled)
        {
            return await RefuseAsync(identity, ExternalSignInRefusal.AccountDisabled, null, user, cancellationToken);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await RefuseAsync(identity, ExternalSignInRefusal.AccountLockedOut, null, user, cancellationToken);
        }

        if (user.MustChangePassword)
        {
            // The person proved who they are at their school: the one-time password they were sent is not needed any more,
            // and left working it would be a way in that nobody uses. An administrator can make a new one.
            await users.RemovePasswordAsync(user);
            user.MustChangePassword = false;
            user.OneTimePasswordExpiresUtc = null;
            await users.UpdateAsync(user);
        }

        var redirectTo = await sessions.StartOrAskSecondFactorAsync(
            user, identity.MultiFactor, SignInPolicy.SafeReturnUrl(returnUrl),
            [new Claim(AppClaims.ExternalProvider, identity.Provider)]);
        if (!SessionStarter.IsSecondFactorStep(redirectTo))
        {
            // Signed in only once the session really starts; after the second step the code page records it.
            await audit.RecordAsync(AuditKind.SignedIn, user.Id, user.Email, "via " + identity.ProviderDisplayName, cancellationToken);
        }

        return ExternalSignInOutcome.Started(redirectTo);
    }

    public Task RecordRefusalAsync(
        string providerDisplayName, ExternalSignInRefusal refusal, string detail, CancellationToken cancellationToken = default) =>
        audit.RecordAsync(
            AuditKind.ExternalSignInRefused, null, null,
            Shorten($"{providerDisplayName}: {ExternalSignInPolicy.AuditDetail(refusal)} ({detail})"), cancellationToken);

    /// <summary>2. A verified e-mail address of an existing account links it; 3. else perhaps a just-in-time read-only account.</summary>
    private async Task<(ApplicationUser? User, ExternalSignInRefusal? Refusal, string? Detail)> LinkOrCreateAsync(
        ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var email = identity.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !identity.EmailVerified)
        {
            return (null, ExternalSignInRefusal.EmailNotVerified, string.IsNullOrEmpty(email) ? "geen e-mailadres" : null);
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (existing.IsDisabled)
            {
                return (null, ExternalSignInRefusal.AccountDisabled, "niet gekoppeld");
            }

            if (await users.IsInRoleAsync(existing, nameof(UserRole.Administrator)))
            {
                // An administrator sees every pupil number in the country: a provider vouching for the address is not enough.
                return (null, ExternalSignInRefusal.AdministratorNotLinked, null);
            }

            if ((await users.GetLoginsAsync(existing)).Any(l => l.LoginProvider == identity.Provider))
            {
                return (null, ExternalSignInRefusal.AlreadyLinked, null);
            }

            var linked = await users.AddLoginAsync(
                existing, new UserLoginInfo(identity.Provider, identity.Subject, identity.ProviderDisplayName));
            if (!linked.Succeeded)
            {
                return (null, ExternalSignInRefusal.RemoteFailure, "koppelen mislukt");
            }

            await StampLinkAsync(identity, cancellationToken);
            await audit.RecordAsync(AuditKind.ExternalLoginLinked, existing.Id, existing.Email, identity.ProviderDisplayName, cancellationToken);
            return (existing, null, null);
        }

        if (!identity.JustInTimeAccounts)
        {
            return (null, ExternalSignInRefusal.NoAccount, null);
        }

        var institution = await FindInstitutionAsync(identity, cancellationToken);
        if (institution is null)
        {
            return (null, ExternalSignInRefusal.UnknownInstitution, InstitutionDetail(identity));
        }

        return await CreateReadOnlyAccountAsync(identity, email, institution, cancellationToken);
    }

    /// <summary>A new account of the institution the provider names, read-only (R-AUTH-1), without a password.</summary>
    private async Task<(ApplicationUser? User, ExternalSignInRefusal? Refusal, string? Detail)> CreateReadOnlyAccountAsync(
        ExternalIdentity identity, string email, Institution institution, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = DisplayName(identity, email),
            InstitutionId = institution.Id, LockoutEnabled = true,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, nameof(UserRole.Viewer));
            }

            if (created.Succeeded)
            {
                created = await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Subject, identity.ProviderDisplayName));
            }

            if (!created.Succeeded)
            {
                return (null, ExternalSignInRefusal.RemoteFailure, "account aanmaken mislukt: " + created.Errors.FirstOrDefault()?.Code);
            }

            await StampLinkAsync(identity, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await audit.RecordAsync(
            AuditKind.ExternalAccountCreated, user.Id, email,
            $"{identity.ProviderDisplayName}: {UserRole.Viewer.DutchName()} bij {institution.Name}", cancellationToken);
        return (user, null, null);
    }

    private async Task<Institution?> FindInstitutionAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var value = identity.Institution?.Trim();
        switch (identity.InstitutionKind)
        {
            // Entree names the school by its BRIN; a value with a site (05KO00) names the same institution.
            case InstitutionClaimKind.Brin when value is { Length: 4 or 6 } && Brin.TryCreate(value[..4], out var brin):
                return await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Brin == brin, cancellationToken);
            case InstitutionClaimKind.Domain when Institution.TryNormaliseFederationDomain(value, out var domain) && domain is not null:
                return await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.FederationDomain == domain, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>When the link was made, kept on Identity's login row (<see cref="ExternalLoginConfiguration.LinkedUtc"/>).</summary>
    private async Task StampLinkAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var login = await db.UserLogins.SingleAsync(
            l => l.LoginProvider == identity.Provider && l.ProviderKey == identity.Subject, cancellationToken);
        db.Entry(login).Property(ExternalLoginConfiguration.LinkedUtc).CurrentValue = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ExternalSignInOutcome> RefuseAsync(
        ExternalIdentity identity, ExternalSignInRefusal refusal, string? detail, ApplicationUser? user, CancellationToken cancellationToken)
    {
        var text = $"{identity.ProviderDisplayName}: {ExternalSignInPolicy.AuditDetail(refusal)}" + (detail is null ? string.Empty : $" ({detail})");
        await audit.RecordAsync(
            AuditKind.ExternalSignInRefused, user?.Id, user?.Email ?? AuditSubject(identity.Email), Shorten(text), cancellationToken);
        return ExternalSignInOutcome.Refused(refusal);
    }

    /// <summary>The institution claim as the audit log names it: a BRIN or a domain is no personal data.</summary>
    private static string InstitutionDetail(ExternalIdentity identity) =>
        identity.Institution is { Length: > 0 and <= 100 } value && PrintableText.FirstForbidden(value) is null
            ? (identity.InstitutionKind == InstitutionClaimKind.Brin ? "BRIN " : "domein ") + value.Trim()
            : "geen instelling genoemd";

    private static string DisplayName(ExternalIdentity identity, string email)
    {
        var name = identity.Name?.Trim();
        return name is { Length: > 0 and <= ApplicationUser.MaxDisplayNameLength } && PrintableText.FirstForbidden(name) is null ? name : email;
    }

    private static string? AuditSubject(string? email) =>
        email is { Length: > 0 and <= 256 } && email.Contains('@', StringComparison.Ordinal) && PrintableText.FirstForbidden(email) is null
            ? email.Trim()
            : null;

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400];
}
