using System.Data.Common;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Interceptors;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Persistence;

/// <summary>
/// Issue 17: <see cref="BulkInsertDatabase"/> writes a large save of only new rows with one prepared INSERT per table.
/// What it writes must read back exactly as what EF Core writes row by row, and a refused row must store nothing.
/// </summary>
public sealed class BulkInsertTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PUPIL_8_a_large_insert_is_written_in_bulk_and_reads_back_as_EF_Core_writes_it()
    {
        var inserts = new InsertCounter();
        var bulk = NewPupils(BulkInsertDatabase.MinimumRows);
        var single = NewPupils(3);

        await using (var db = await OpenAsync(inserts))
        {
            db.Pupils.AddRange(bulk);
            Assert.True((await db.TrySaveChangesAsync(Ct)).IsSuccess);
            Assert.Equal(0, inserts.Count); // not one EF Core command per row

            db.Pupils.AddRange(single);
            Assert.True((await db.TrySaveChangesAsync(Ct)).IsSuccess);
            Assert.Equal(3, inserts.Count); // a small save stays EF Core's own
        }

        await using var fresh = await app.OpenDbContextAsync();
        var index = app.Services.GetRequiredService<IPupilNumberIndex>();
        foreach (var pupil in new[] { bulk[0], bulk[^1], single[0] })
        {
            // The encrypted number decrypts, the keyed hash finds it (R-PUPIL-8), the audit columns are filled.
            var stored = await fresh.Pupils.AsNoTracking().SingleAsync(index.HasNumber(pupil.Number), Ct);
            Assert.Equal((pupil.Id, pupil.Number, pupil.LastName, pupil.BirthDate), (stored.Id, stored.Number, stored.LastName, stored.BirthDate));
            Assert.NotEqual(default, await fresh.Pupils.Where(p => p.Id == pupil.Id).Select(p => EF.Property<DateTime>(p, AuditColumns.CreatedAt)).SingleAsync(Ct));
            Assert.NotEqual(Guid.Empty, stored.Version);
        }

        // The same text in every column as EF Core's own INSERT (ids, dates, moments), so queries compare them alike.
        Assert.Equal(await StoredTextAsync(fresh, single[0].Id), await StoredTextAsync(fresh, bulk[0].Id));
    }

    [Fact]
    public async Task A_refused_row_in_a_bulk_insert_gives_the_rules_message_and_stores_none_of_the_rows()
    {
        await using var db = await app.OpenDbContextAsync();
        var existing = await db.Pupils.AsNoTracking().FirstAsync(Ct);
        var pupils = NewPupils(BulkInsertDatabase.MinimumRows);
        pupils.Add(Pupil.Create(existing.Number.Value, "Dubbel", null, "Dirk", new DateOnly(2011, 5, 1)).Value); // as a simultaneous import would
        var before = await db.Pupils.CountAsync(Ct);

        db.Pupils.AddRange(pupils);
        var saved = await db.TrySaveChangesAsync(Ct);

        Assert.Equal([CommonErrors.ConcurrencyConflict], saved.Errors); // IX_Pupils_NumberHash, as SaveFailures says
        await using var fresh = await app.OpenDbContextAsync();
        Assert.Equal(before, await fresh.Pupils.CountAsync(Ct));
    }

    private static List<Pupil> NewPupils(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Pupil.Create(ImportKit.NewNumber(), $"Bulk{i}", i % 3 == 0 ? "van" : null, "Noor", new DateOnly(2011, 1, 1).AddDays(i % 300)).Value)
            .ToList();

    /// <summary>A context as the app's, with <paramref name="inserts"/> counting the INSERT commands EF Core runs.</summary>
    private async Task<AppDbContext> OpenAsync(InsertCounter inserts)
    {
        await using var appDb = await app.OpenDbContextAsync();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.Sqlite, appDb.Database.GetConnectionString()!);
        options.UseApplicationServiceProvider(app.Services);
        options.AddInterceptors(
            new AuditAndVersionInterceptor(new NoCurrentUser(), TimeProvider.System),
            app.Services.GetRequiredService<PupilNumberHashInterceptor>(),
            inserts);
        return new AppDbContext(options.Options);
    }

    private static async Task<List<string>> StoredTextAsync(AppDbContext db, Guid id)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(Id), length(Id), upper(Id) = Id, typeof(BirthDate), length(BirthDate), typeof(CreatedAt), length(CreatedAt) > 18, typeof(Version), typeof(Prefix) FROM Pupils WHERE Id = (SELECT Id FROM Pupils WHERE upper(Id) = upper($id))";
        command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$id", id.ToString()));
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToList();
    }

    private sealed class InsertCounter : DbCommandInterceptor
    {
        public int Count;

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Tally(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Tally(command);
            return ValueTask.FromResult(result);
        }

        private void Tally(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"Pupils\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref Count);
            }
        }
    }
}
