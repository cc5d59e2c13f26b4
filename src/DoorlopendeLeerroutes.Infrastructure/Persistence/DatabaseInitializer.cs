using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Agreements;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>
/// Start-up work on the database: make the SQLite folder, apply migrations, make sure the three roles exist, and in
/// Development fill an empty database with demo data and demo accounts. Never seeds a database that already holds
/// institutions.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> contexts,
    DatabaseOptions options,
    AccountSeeder accounts,
    IAgreementFileStore agreementFiles,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(bool allowDemoData, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        if (options.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {MigrationCount} database migration(s)", pending.Count);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        await EnsurePupilNumbersReadableAsync(db, cancellationToken);
        await accounts.EnsureRolesAsync();
        if (allowDemoData && options.SeedDemoData && !await db.Institutions.AnyAsync(cancellationToken))
        {
            await using var sample = new MemoryStream(SamplePdf.DemoAgreement());
            var agreementFile = (await agreementFiles.StoreAsync(sample, "samenwerkingsovereenkomst-voorbeeld.pdf", cancellationToken)).Value;
            var summary = DemoData.AddTo(db, time.GetUtcNow().UtcDateTime, agreementFile);
            await db.SaveChangesAsync(cancellationToken);
            var demoAccounts = await accounts.SeedDemoAccountsAsync(cancellationToken);
            logger.LogInformation(
                "Demo data loaded: {InstitutionCount} institutions, {RouteCount} routes, {PupilCount} pupils, {AccountCount} accounts",
                summary.Institutions, summary.Routes, summary.Pupils, demoAccounts);
        }
    }

    /// <summary>
    /// Fails the start when the configured pupil-number keys are not the ones the stored numbers were encrypted with
    /// (a lost or swapped key file): better no app than an app that breaks on the first pupil page.
    /// </summary>
    private static async Task EnsurePupilNumbersReadableAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            _ = await db.Pupils.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Number).FirstOrDefaultAsync(cancellationToken);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException(
                "The stored pupil numbers cannot be decrypted with the configured keys (PupilNumbers:EncryptionKey or "
                + "data/keys/" + Pupils.PupilNumberKeySource.KeyFileName + "). Restore the keys that belong to this database.", ex);
        }
    }
}
