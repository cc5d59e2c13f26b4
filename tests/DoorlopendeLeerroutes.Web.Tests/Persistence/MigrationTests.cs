using DoorlopendeLeerroutes.Infrastructure;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Infrastructure.Pupils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Persistence;

/// <summary>Both providers' migrations match the model (the same check CI runs with <c>dotnet ef</c>).</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=model-check;TrustServerCertificate=True")]
    public void Migrations_cover_the_whole_model(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, provider, connectionString);

        // The model's pupil-number converter needs a protector; any keys do, nothing is encrypted here.
        using var services = new ServiceCollection().AddSingleton(new PupilNumberProtector(PupilNumberKeys.Generate())).BuildServiceProvider();
        options.UseApplicationServiceProvider(services);
        using var db = new AppDbContext(options.Options);

        // Compares the model with the provider's latest snapshot; no connection is opened.
        Assert.False(db.Database.HasPendingModelChanges(), $"Add a migration for {provider}.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
