using System.Security.Claims;
using System.Text;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>What the page "Beveiliging" shows of an account's second factors.</summary>
public sealed record SecurityOverview(
    bool AuthenticatorOn, bool SetupUnderway, int RecoveryCodesLeft, IReadOnlyList<PasskeyListItem> Passkeys, bool IsAdministrator)
{
    public int Factors => (AuthenticatorOn ? 1 : 0) + Passkeys.Count;
}

/// <summary>A passkey in the list: its id (base64url, for the forms), its name and when it was added.</summary>
public sealed record PasskeyListItem(string Id, string Name, DateTime AddedUtc);

/// <summary>A new authenticator key as the person types or scans it.</summary>
public sealed record AuthenticatorKey(string Key, string OtpAuthUri)
{
    /// <summary>The key in groups of four, lower case, as apps show and people type it.</summary>
    public string Grouped => string.Join(' ', Key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}

/// <summary>
/// Setting up, replacing and removing the second factors of the signed-in account (R-AUTH-2), on Identity's own
/// authenticator token provider, recovery codes and passkeys. Every change is audited and renews the session cookie
/// (Identity renews the security stamp, which would otherwise end the session at the next request); a change that proves a
/// second factor (a confirmed code, a new passkey) gives the session <c>amr=mfa</c>. An administrator keeps at least one
/// second factor.
/// </summary>
public sealed class AccountSecurity(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SessionStarter sessions, IAuditTrail audit,
    IUserStore<ApplicationUser> store)
{
    /// <summary>Where a new key waits until a code confirms it; the app in use (if any) keeps working until then.</summary>
    private const string PendingKeyProvider = "DoorlopendeLeerroutes";
    private const string PendingKeyName = "PendingAuthenticatorKey";

    /// <summary>Whether signing in with a password asks for an authenticator code.</summary>
    public static async Task<bool> HasAuthenticatorAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        await users.GetTwoFactorEnabledAsync(user) && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    public async Task<SecurityOverview> OverviewAsync(ApplicationUser user)
    {
        var on = await HasAuthenticatorAsync(users, user);
        var passkeys = (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyListItem(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt.UtcDateTime))
            .ToList();
        return new SecurityOverview(
            on,
            await users.GetAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName) is not null,
            on ? await users.CountRecoveryCodesAsync(user) : 0,
            passkeys,
            await users.IsInRoleAsync(user, UserRoles.Administrator));
    }

    /// <summary>The key being set up; a new one when none is waiting and <paramref name="start"/>.</summary>
    public async Task<AuthenticatorKey?> PendingKeyAsync(ApplicationUser user, bool start)
    {
        var key = await users.GetAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName);
        if (key is null && start)
        {
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName, key);
        }

        return key is null ? null : new AuthenticatorKey(key, OtpAuthUri(user.Email ?? user.UserName ?? "account", key));
    }

    /// <summary>Stops setting up: the new key is thrown away, the app in use (if any) stays.</summary>
    public async Task CancelSetupAsync(ApplicationUser user) =>
        await users.RemoveAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName);

    /// <summary>
    /// Confirms the waiting key with a code from the app: the app is switched on, or replaces the old one. Returns the new
    /// recovery codes when the account had none yet (shown once), else an empty list.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> ConfirmAuthenticatorAsync(ApplicationUser user, string code, ClaimsPrincipal current)
    {
        var pending = await users.GetAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName);
        if (pending is null)
        {
            return Result<IReadOnlyList<string>>.Failure(SecondFactorErrors.NotSetUp);
        }

        // Identity checks a code against the account's key: put the new key in place (not saved yet), check, and only
        // keep it when the code fits.
        var keys = (IUserAuthenticatorKeyStore<ApplicationUser>)store;
        var previous = await users.GetAuthenticatorKeyAsync(user);
        var replacing = await HasAuthenticatorAsync(users, user);
        await keys.SetAuthenticatorKeyAsync(user, pending, CancellationToken.None);
        var digits = new string(code.Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            await keys.SetAuthenticatorKeyAsync(user, previous!, CancellationToken.None);
            return Result<IReadOnlyList<string>>.Failure(SecondFactorErrors.WrongSetupCode);
        }

        await users.RemoveAuthenticationTokenAsync(user, PendingKeyProvider, PendingKeyName); // saves the new key too
        await users.SetTwoFactorEnabledAsync(user, true);
        IReadOnlyList<string> codes = await users.CountRecoveryCodesAsync(user) == 0
            ? [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SecondFactor.RecoveryCodeCount) ?? []]
            : [];
        await audit.RecordAsync(
            AuditKind.SecondFactorSetUp, user.Id, user.Email, replacing ? "authenticator-app vervangen" : "authenticator-app", CancellationToken.None);
        await sessions.RenewAsync(user, current, secondFactorUsed: true);
        return Result<IReadOnlyList<string>>.Success(codes);
    }

    /// <summary>Switches the authenticator app off and drops its recovery codes; an administrator needs another factor first.</summary>
    public async Task<Result> RemoveAuthenticatorAsync(ApplicationUser user, ClaimsPrincipal current)
    {
        var overview = await OverviewAsync(user);
        if (!overview.AuthenticatorOn)
        {
            return Result.Failure(SecondFactorErrors.NotSetUp);
        }

        if (overview.IsAdministrator && overview.Factors <= 1)
        {
            return Result.Failure(SecondFactorErrors.LastFactorOfAdministrator);
        }

        await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, null!, CancellationToken.None);
        await ((IUserTwoFactorRecoveryCodeStore<ApplicationUser>)store).ReplaceCodesAsync(user, [], CancellationToken.None);
        await users.SetTwoFactorEnabledAsync(user, false); // saves the three changes
        await audit.RecordAsync(AuditKind.SecondFactorRemoved, user.Id, user.Email, "authenticator-app", CancellationToken.None);
        await sessions.RenewAsync(user, current);
        return Result.Success();
    }

    /// <summary>Ten new recovery codes (shown once); the old ones stop working.</summary>
    public async Task<Result<IReadOnlyList<string>>> RenewRecoveryCodesAsync(ApplicationUser user, ClaimsPrincipal current)
    {
        if (!await HasAuthenticatorAsync(users, user))
        {
            return Result<IReadOnlyList<string>>.Failure(SecondFactorErrors.NotSetUp);
        }

        IReadOnlyList<string> codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SecondFactor.RecoveryCodeCount) ?? []];
        await audit.RecordAsync(AuditKind.RecoveryCodesRenewed, user.Id, user.Email, null, CancellationToken.None);
        await sessions.RenewAsync(user, current);
        return Result<IReadOnlyList<string>>.Success(codes);
    }

    /// <summary>The options for <c>navigator.credentials.create()</c>; Identity keeps the challenge in its two-factor cookie.</summary>
    public Task<string> PasskeyCreationOptionsAsync(ApplicationUser user)
    {
        var name = user.Email ?? user.UserName ?? user.Id.ToString();
        return signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(), Name = name, DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? name : user.DisplayName,
        });
    }

    /// <summary>Stores the passkey the browser made (the JSON of <c>navigator.credentials.create()</c>).</summary>
    public async Task<Result> AddPasskeyAsync(ApplicationUser user, string? credentialJson, string? name, ClaimsPrincipal current)
    {
        if ((await users.GetPasskeysAsync(user)).Count >= SecondFactor.MaxPasskeys)
        {
            return Result.Failure(SecondFactorErrors.PasskeyLimit);
        }

        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return Result.Failure(SecondFactorErrors.PasskeyFailed);
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            attestation = PasskeyAttestationResult.Fail(new PasskeyException("Er was geen passkey-aanvraag bezig."));
        }

        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id.ToString())
        {
            await audit.RecordAsync(AuditKind.SecondFactorFailed, user.Id, user.Email, "passkey toevoegen mislukt", CancellationToken.None);
            return Result.Failure(SecondFactorErrors.PasskeyFailed);
        }

        var passkey = attestation.Passkey;
        passkey.Name = CleanName(name) ?? $"Passkey {(await users.GetPasskeysAsync(user)).Count + 1}";
        var stored = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!stored.Succeeded)
        {
            return Result.Failure(SecondFactorErrors.PasskeyFailed);
        }

        await audit.RecordAsync(AuditKind.PasskeyAdded, user.Id, user.Email, passkey.Name, CancellationToken.None);
        await sessions.RenewAsync(user, current, secondFactorUsed: passkey.IsUserVerified);
        return Result.Success();
    }

    public async Task<Result> RenamePasskeyAsync(ApplicationUser user, string id, string? name, ClaimsPrincipal current)
    {
        if (CleanName(name) is not { } clean)
        {
            return Result.Failure(SecondFactorErrors.PasskeyName);
        }

        if (await FindPasskeyAsync(user, id) is not { } passkey)
        {
            return Result.Failure(SecondFactorErrors.PasskeyUnknown);
        }

        passkey.Name = clean;
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        await sessions.RenewAsync(user, current);
        return Result.Success();
    }

    public async Task<Result> RemovePasskeyAsync(ApplicationUser user, string id, ClaimsPrincipal current)
    {
        if (await FindPasskeyAsync(user, id) is not { } passkey)
        {
            return Result.Failure(SecondFactorErrors.PasskeyUnknown);
        }

        var overview = await OverviewAsync(user);
        if (overview.IsAdministrator && overview.Factors <= 1)
        {
            return Result.Failure(SecondFactorErrors.LastFactorOfAdministrator);
        }

        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await audit.RecordAsync(AuditKind.PasskeyRemoved, user.Id, user.Email, passkey.Name, CancellationToken.None);
        await sessions.RenewAsync(user, current);
        return Result.Success();
    }

    /// <summary>
    /// The <c>otpauth://</c> URI authenticator apps read (Google's Key Uri Format): the label "issuer:account", the key,
    /// and the issuer again as a parameter.
    /// </summary>
    public static string OtpAuthUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(SecondFactor.Issuer)}:{Uri.EscapeDataString(account)}"
        + $"?secret={key}&issuer={Uri.EscapeDataString(SecondFactor.Issuer)}&digits=6&period=30";

    private async Task<UserPasskeyInfo?> FindPasskeyAsync(ApplicationUser user, string id)
    {
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }

        return await users.GetPasskeyAsync(user, credentialId);
    }

    private static string? CleanName(string? name)
    {
        var clean = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Trim())
        {
            if (!char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                clean.Append(c);
            }
        }

        return clean.Length is > 0 and <= SecondFactor.MaxPasskeyNameLength ? clean.ToString() : null;
    }
}
