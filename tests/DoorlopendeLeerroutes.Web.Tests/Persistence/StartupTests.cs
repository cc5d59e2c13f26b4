using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Persistence;

/// <summary>In Production the app creates and migrates its database but never loads demo data.</summary>
public sealed class ProductionStartupTests(ProductionStartupTests.ProductionApp app) : IClassFixture<ProductionStartupTests.ProductionApp>
{
    [Fact]
    public async Task Production_start_creates_the_data_folder_migrates_and_loads_no_demo_data()
    {
        using var client = app.CreateClient();

        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(health.IsSuccessStatusCode);
        await using var db = await app.OpenDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.Institutions.AnyAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.Routes.AnyAsync(TestContext.Current.CancellationToken));
        if (!app.Database.IsSqlServer)
        {
            Assert.True(File.Exists(app.NestedSqliteFile), "The SQLite file and its folders are created on first start.");
        }
    }

    public sealed class ProductionApp : ProductionAppFactory
    {
        public string NestedSqliteFile => Path.Combine(Database.Folder, "nog", "niet", "aangemaakt", "app.db");

        protected override string SqliteConnectionString => $"Data Source={NestedSqliteFile};Pooling=False";
    }
}
