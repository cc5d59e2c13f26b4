using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Accounts;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Accounts;

/// <summary>
/// <c>create-admin</c>: the first administrator of a production installation, which has no default accounts. The
/// one-time password is printed once; the administrator chooses their own at the first sign-in.
/// </summary>
public sealed class AdministratorBootstrap(IUserAccounts accounts, IAuditTrail audit, ILogger<AdministratorBootstrap> logger)
{
    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var email = ValueAfter(args, "--email");
        var name = ValueAfter(args, "--name") ?? email;
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync("Gebruik: create-admin --email <e-mailadres> [--name \"<naam>\"]");
            return 2;
        }

        var created = await accounts.CreateAsync(email.Trim(), name!.Trim(), UserRole.Administrator, null, cancellationToken);
        if (created.IsFailure)
        {
            foreach (var error in created.Errors)
            {
                await output.WriteLineAsync("Niet aangemaakt: " + error.Message);
            }

            return 1;
        }

        await audit.RecordAsync(AuditKind.UserCreated, null, created.Value.Email, "rol Beheerder (create-admin)", cancellationToken);
        logger.LogInformation("Administrator account {UserId} created from the command line", created.Value.UserId);
        await output.WriteLineAsync($"Beheerder aangemaakt: {created.Value.Email}");
        await output.WriteLineAsync($"Eenmalig wachtwoord: {created.Value.OneTimePassword}");
        await output.WriteLineAsync("Bij de eerste keer inloggen kiest de beheerder een eigen wachtwoord.");
        return 0;
    }

    private static string? ValueAfter(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
