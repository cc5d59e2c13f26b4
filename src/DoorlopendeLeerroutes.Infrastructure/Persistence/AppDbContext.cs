using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Counting;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Domain.Agreements;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Infrastructure.ApiClients;
using DoorlopendeLeerroutes.Infrastructure.Auditing;
using DoorlopendeLeerroutes.Infrastructure.Pupils;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>
/// One model for both providers. Provider-specific migrations live in their own assemblies
/// (DoorlopendeLeerroutes.Migrations.Sqlite / .SqlServer); see <see cref="DatabaseOptions"/>.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IApplicationDbContext, IDataProtectionKeyContext
{
    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<Route> Routes => Set<Route>();

    public DbSet<Pupil> Pupils => Set<Pupil>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<PhaseUpload> PhaseUploads => Set<PhaseUpload>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    /// <summary>Weekly digests claimed or sent, one per coordinator and week (issue 15, R-TASK-1).</summary>
    public DbSet<Notifications.EmailDigestSent> EmailDigestsSent => Set<Notifications.EmailDigestSent>();

    /// <summary>The data-protection key ring, shared by every instance of the app (issue 17; Web/Security/KeyProtection.cs).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Agreement PDFs when <c>Storage:Agreements:Provider</c> is <c>Database</c>, the default (issue 17).</summary>
    public DbSet<Agreements.AgreementFileContent> AgreementFiles => Set<Agreements.AgreementFileContent>();

    /// <summary>The stored count (issue 17; Application/Counting/CountSnapshot.cs).</summary>
    public DbSet<CountedEnrolment> CountedEnrolments => Set<CountedEnrolment>();

    public DbSet<CountedYear> CountedYears => Set<CountedYear>();

    public DbSet<CountInvalidation> CountInvalidations => Set<CountInvalidation>();

    public async Task UpdateCountStatisticsAsync(CancellationToken cancellationToken = default)
    {
        if (!IsSqlServer)
        {
            await Database.ExecuteSqlRawAsync("ANALYZE \"CountedEnrolments\"", cancellationToken);
        }
    }

    public async Task<IDbContextTransaction> BeginSerialisedTransactionAsync(string resource, CancellationToken cancellationToken = default)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(resource, cancellationToken);
        return transaction;
    }

    /// <summary>
    /// Serialises the current transaction with every other one that locks <paramref name="resource"/>. SQLite already
    /// did: its transactions begin IMMEDIATE, taking the database's write lock. SQL Server takes an application lock held
    /// until the transaction ends.
    /// </summary>
    internal async Task LockAsync(string resource, CancellationToken cancellationToken)
    {
        if (IsSqlServer)
        {
            await Database.ExecuteSqlAsync(
                $"EXEC sp_getapplock @Resource = {resource}, @LockMode = N'Exclusive', @LockOwner = N'Transaction'", cancellationToken);
        }
    }

    public Task<Dictionary<Guid, string>> UserNames(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    public async Task<Result> TrySaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateException ex)
        {
            return SaveFailures.ErrorFor(ex, Model) is { } error
                ? Result.Failure(error)
                : throw SaveFailures.Fault(ex, Model);
        }
    }

    /// <summary>
    /// The app's pupil-number protector: the model's converter for <see cref="Pupil.Number"/> encrypts and decrypts
    /// with it. Taken from the application's services, because a converter cannot ask DI itself; the model cache is
    /// keyed on its key fingerprint (<see cref="PupilNumberModelCacheKeyFactory"/>), so two apps with different keys in
    /// one process never share a converter.
    /// </summary>
    internal PupilNumberProtector PupilNumberProtector =>
        EF.IsDesignTime
            ? DesignTimeProtector // `dotnet ef` only needs the column's shape; it must not create or read real keys
            : this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<PupilNumberProtector>()
              ?? throw new InvalidOperationException("PupilNumberProtector is not registered; call AddInfrastructure.");

    private static readonly PupilNumberProtector DesignTimeProtector = new(PupilNumberKeys.Generate);

    /// <summary>True on SQL Server; the few provider-specific bits of the model (index filters) ask this.</summary>
    internal bool IsSqlServer => Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder); // Identity's tables

        // Identity's schema version 3 (IdentityOptions.Stores.SchemaVersion) brings the passkeys table and, from version 2,
        // shorter key columns. Identity reads the version from the application's services, which a context made without
        // them (a model check, a cached model) lacks: the passkeys table is declared here as version 3 does, so every
        // host builds the same model. The existing columns keep their shape: shortening a primary-key column on SQL
        // Server means dropping the key first, for no gain.
        builder.Entity<IdentityUserPasskey<Guid>>(passkey =>
        {
            passkey.HasKey(p => p.CredentialId);
            passkey.ToTable("AspNetUserPasskeys");
            passkey.Property(p => p.CredentialId).HasMaxLength(1024); // WebAuthn: at most 1023 bytes
            passkey.OwnsOne(p => p.Data).ToJson();
        });
        builder.Entity<ApplicationUser>().HasMany<IdentityUserPasskey<Guid>>().WithOne().HasForeignKey(p => p.UserId).IsRequired();
        builder.Entity<IdentityUserLogin<Guid>>().Property(l => l.LoginProvider).Metadata.SetMaxLength(null);
        builder.Entity<IdentityUserLogin<Guid>>().Property(l => l.ProviderKey).Metadata.SetMaxLength(null);
        builder.Entity<IdentityUserToken<Guid>>().Property(t => t.LoginProvider).Metadata.SetMaxLength(null);
        builder.Entity<IdentityUserToken<Guid>>().Property(t => t.Name).Metadata.SetMaxLength(null);
        builder.Entity<ApplicationUser>().Property(u => u.PhoneNumber).Metadata.SetMaxLength(null);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // OpenIddict's applications, authorizations, scopes and tokens (the API's authorization server, issue 14).
        builder.UseOpenIddict<Guid>();
        AuditColumns.AddTo(builder);
        Configurations.PupilConfiguration.ProtectNumber(builder.Entity<Pupil>(), PupilNumberProtector);

        // R-PUPIL-2: at most one open enrolment per pupil; the domain checks overlapping periods, this guards the rest.
        builder.Entity<Enrolment>()
            .HasIndex(e => e.PupilId, Configurations.EnrolmentConfiguration.OpenEnrolmentIndex)
            .IsUnique()
            .HasFilter(IsSqlServer ? "[EndDate] IS NULL" : "\"EndDate\" IS NULL");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // Value objects are stored as their text; each converter normalises through the value object's own factory.
        configurationBuilder.Properties<Brin>().HaveConversion<ValueConverters.BrinConverter>().HaveMaxLength(4);
        configurationBuilder.Properties<BoardNumber>().HaveConversion<ValueConverters.BoardNumberConverter>().HaveMaxLength(5);
        configurationBuilder.Properties<SiteCode>().HaveConversion<ValueConverters.SiteCodeConverter>().HaveMaxLength(6);
        configurationBuilder.Properties<Crebo>().HaveConversion<ValueConverters.CreboConverter>().HaveMaxLength(5);
        configurationBuilder.Properties<SchoolYear>().HaveConversion<ValueConverters.SchoolYearConverter>();

        // Moments are UTC (SQLite cannot order DateTimeOffset); reading them back marks them as UTC again.
        configurationBuilder.Properties<DateTime>().HaveConversion<ValueConverters.UtcDateTimeConverter>();

        // Enums as text: readable for whoever queries the database, and safe when members are added.
        configurationBuilder.Properties<Sector>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<RouteType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RouteStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RouteEvent>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<VmboProfile>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<MboLevel>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<TeachingLocation>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AgreementKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<AgreementItem>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Phase>().HaveConversion<string>().HaveMaxLength(5);
        configurationBuilder.Properties<EnrolmentOutcome>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CountStatus>().HaveConversion<string>().HaveMaxLength(20);
    }
}
