using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Agreements;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Infrastructure.Auditing;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Interceptors;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DoorlopendeLeerroutes.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// The store and everything around it (<c>Database</c> and <c>ConnectionStrings</c> configuration). <paramref name="contentRoot"/> anchors a relative SQLite path, so the file
    /// lands in the app's own <c>data</c> folder whatever the working directory is.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, string contentRoot)
    {
        // Configuration is read when the first service is resolved, not here: hosts and tests may still add sources.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(DatabaseOptions.Section)
            .Get<DatabaseOptions>() ?? new DatabaseOptions());
        // A retention of zero would wipe the log (and with it the day's refusals, R-PRIV-3): refuse to start instead.
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section)
            .Validate(o => o.PupilNumberRefusalsPerDay >= 1, "Privacy:PupilNumberRefusalsPerDay moet minstens 1 zijn.")
            .Validate(o => o.AuditRetention >= PrivacyOptions.MinimumAuditRetention,
                "Privacy:AuditRetention moet minstens 30 dagen zijn (bijvoorbeeld 730.00:00:00 voor 2 jaar).")
            .ValidateOnStart();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        services.AddSingleton<StoredCountJob>(); // issue 17
        services.AddHostedService(sp => sp.GetRequiredService<StoredCountJob>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, NoCurrentUser>();
        services.AddScoped<AuditAndVersionInterceptor>();
        services.AddSingleton(sp => new Pupils.PupilNumberProtector(() => Pupils.PupilNumberKeySource.Load(
            sp.GetRequiredService<IConfiguration>(), contentRoot,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger(typeof(Pupils.PupilNumberKeySource).FullName!))));
        services.AddSingleton<PupilNumberHashInterceptor>();
        services.AddSingleton<PublicRouteChangeInterceptor>(); // issue 16: the route finder's cache follows the saves
        services.AddSingleton<CountInvalidationInterceptor>(); // issue 17: the stored count follows the saves

        // Scoped, not singleton: the audit interceptor needs the user of the circuit or request.
        services.AddDbContextFactory<AppDbContext>(
            (sp, builder) =>
            {
                var provider = sp.GetRequiredService<DatabaseOptions>().Provider;
                var connectionString = ConnectionString(provider, sp.GetRequiredService<IConfiguration>(), contentRoot);
                Configure(builder, provider, connectionString);
                builder.AddInterceptors(sp.GetRequiredService<AuditAndVersionInterceptor>(), sp.GetRequiredService<PupilNumberHashInterceptor>(),
                    sp.GetRequiredService<PublicRouteChangeInterceptor>(), sp.GetRequiredService<CountInvalidationInterceptor>());
            },
            ServiceLifetime.Scoped);
        services.AddScoped<IApplicationDbContextFactory, ApplicationDbContextFactory>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton(sp => new Agreements.PdfInspector(
            PdfInspectionLimits(sp.GetRequiredService<IConfiguration>()),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Agreements.PdfInspector>>()));
        services.AddSingleton<Agreements.AgreementUploadCheck>();
        services.AddSingleton<IAgreementFileStore>(sp => AgreementStore(sp, contentRoot)); // issue 17: Database or Folder
        services.AddSingleton<Application.Counting.ISpreadsheetWriter, Counting.SpreadsheetWriter>();
        services.AddSingleton<Application.Pupils.IPupilNumberIndex, Pupils.PupilNumberIndex>();
        services.AddSingleton<Application.Pupils.Import.IPupilCsvReader, Pupils.PupilCsvReader>();
        AddAccounts(services);
        AddApiClients(services);
        Notifications.EmailSetup.AddEmail(services); // issue 15: e-mail notices and the weekly digest

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// ASP.NET Core Identity on the same database: lockout after 5 failed attempts for 15 minutes, a password policy
    /// with Dutch messages, unique e-mail addresses, and the claims the access rules need.
    /// </summary>
    private static void AddAccounts(IServiceCollection services)
    {
        // Identity's stores take the context from DI; it comes from the same factory as every other context.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = SignInPolicy.MinPasswordLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false; // length beats symbols (NCSC advice)
                options.Password.RequiredUniqueChars = SignInPolicy.MinUniquePasswordChars;
                options.Lockout.MaxFailedAccessAttempts = SignInPolicy.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = SignInPolicy.LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3; // passkeys (R-AUTH-2)
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.AddScoped<IUserAccounts, UserAccounts>();
        services.AddScoped<SessionStarter>();
        services.AddScoped<SecondFactorSignIn>();
        services.AddScoped<AccountSecurity>();
        services.AddScoped<PasskeySignIn>();

        // Passkeys (WebAuthn) in Identity 10: AddIdentityCore does not register the handler. The passkey must check the
        // person (PIN, fingerprint: user verification), so it counts as two factors, and lives on the authenticator
        // (discoverable), so signing in needs no e-mail address. The relying party is the host the browser sees.
        services.TryAddScoped<IPasskeyHandler<ApplicationUser>, PasskeyHandler<ApplicationUser>>();
        services.Configure<IdentityPasskeyOptions>(options =>
        {
            options.UserVerificationRequirement = "required";
            options.ResidentKeyRequirement = "required";
        });
        services.AddScoped<ISignIn, PasswordSignIn>();
        services.AddScoped<IExternalSignIn, ExternalSignIn>();
        services.AddScoped<IExternalLogins, ExternalLogins>();
        services.AddScoped<IAccountSecondFactors, AccountSecondFactors>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<AdministratorBootstrap>();
    }

    /// <summary>
    /// API clients (issue 14): OpenIddict's stores on the app's own context (its applications hold the clients'
    /// credentials), and the app's record of each client. The web layer adds the server and the token validation.
    /// </summary>
    private static void AddApiClients(IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AppDbContext>().ReplaceDefaultEntities<Guid>());
        services.AddScoped<ApiClients.ApiClientRegistry>();
        services.AddScoped<ApiClients.ApiClientSeeder>();
        services.AddScoped<ApiClients.IdempotencyStore>();
        services.AddScoped<Application.ApiClients.IApiClientStore, ApiClients.ApiClientStore>();
    }

    /// <summary>Points an options builder at the chosen provider and its own migrations assembly.</summary>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PupilNumberModelCacheKeyFactory>();
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, sql => sql
                    .MigrationsAssembly(DatabaseOptions.SqlServerMigrationsAssembly)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            case DatabaseProvider.Sqlite:
                // A route comes with partners, agreement versions and their items: one query per collection, not one
                // query whose rows multiply.
                builder.UseSqlite(connectionString, sqlite => sqlite
                    .MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                builder.ReplaceService<Microsoft.EntityFrameworkCore.Storage.IDatabase, Persistence.BulkInsertDatabase>(); // issue 17: the pupil import
                break;
            default:
                throw new InvalidOperationException($"Onbekende databaseprovider '{provider}'. Kies Sqlite of SqlServer.");
        }
    }

    /// <summary>
    /// Where agreement PDFs live (<c>Storage:Agreements:Provider</c>): <c>Database</c> (the default: every instance
    /// reaches it) or <c>Folder</c> (<see cref="AgreementsFolder"/>; a folder all instances share). The database store
    /// still reads files a folder store kept before.
    /// </summary>
    private static IAgreementFileStore AgreementStore(IServiceProvider sp, string contentRoot)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        var folder = new Agreements.AgreementFileStore(
            AgreementsFolder(configuration, contentRoot),
            sp.GetRequiredService<Agreements.AgreementUploadCheck>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Agreements.AgreementFileStore>>());
        var provider = configuration["Storage:Agreements:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Database", StringComparison.OrdinalIgnoreCase))
        {
            return new Agreements.DatabaseAgreementFileStore(
                sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<Agreements.AgreementUploadCheck>(),
                sp.GetRequiredService<TimeProvider>(), folder,
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Agreements.DatabaseAgreementFileStore>>());
        }

        return provider.Equals("Folder", StringComparison.OrdinalIgnoreCase)
            ? folder
            : throw new InvalidOperationException(
                $"Onbekende opslag voor overeenkomsten Storage:Agreements:Provider = '{provider}'. Kies Database of Folder.");
    }

    /// <summary>
    /// Outside the web root: <c>Storage:Agreements:Folder</c> (or the earlier <c>Storage:AgreementsFolder</c>), else
    /// <c>data/agreements</c> under the content root.
    /// </summary>
    private static string AgreementsFolder(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Storage:Agreements:Folder"] ?? configuration["Storage:AgreementsFolder"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(contentRoot, "data", "agreements")
            : Path.GetFullPath(Path.Combine(contentRoot, configured));
    }

    /// <summary>
    /// How long and how much heap one uploaded PDF may cost (<c>Storage:PdfInspection:TimeoutSeconds</c>, default 8;
    /// <c>Storage:PdfInspection:HeapLimitMegabytes</c>, default 160).
    /// </summary>
    private static Agreements.PdfInspectionLimits PdfInspectionLimits(IConfiguration configuration)
    {
        var defaults = new Agreements.PdfInspectionLimits();
        var seconds = configuration.GetValue<double?>("Storage:PdfInspection:TimeoutSeconds");
        var megabytes = configuration.GetValue<int?>("Storage:PdfInspection:HeapLimitMegabytes");
        return new Agreements.PdfInspectionLimits
        {
            Timeout = seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : defaults.Timeout,
            HeapLimitBytes = megabytes is > 0 ? megabytes.Value * 1024L * 1024 : defaults.HeapLimitBytes,
        };
    }

    private static string ConnectionString(DatabaseProvider provider, IConfiguration configuration, string contentRoot)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            return configuration.GetConnectionString("SqlServer")
                   ?? throw new InvalidOperationException(
                       "Database:Provider is SqlServer, maar ConnectionStrings:SqlServer ontbreekt.");
        }

        var sqlite = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString("Sqlite") ?? DatabaseOptions.DefaultSqliteConnectionString);
        if (!Path.IsPathRooted(sqlite.DataSource) && sqlite.DataSource != ":memory:")
        {
            sqlite.DataSource = Path.GetFullPath(Path.Combine(contentRoot, sqlite.DataSource));
        }

        return sqlite.ToString();
    }
}
