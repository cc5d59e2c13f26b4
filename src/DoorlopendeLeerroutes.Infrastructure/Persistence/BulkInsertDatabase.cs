using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Update;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>
/// SQLite only (issue 17, docs/decisions.md): a save that only adds many rows of plain tables writes them with one
/// prepared <c>INSERT</c> per table, reused for every row, instead of EF Core's one new command per row (SQLite gets no
/// batching: every row is a new command, parsed and prepared again). Everything before the write is EF Core's own: the
/// change tracker, every SaveChanges interceptor (audit columns, versions, the pupil-number hash), the model's tables,
/// columns and value converters (the encrypted pupil number), the transaction and the accepting of the entries after
/// it. Any other save, or a save this class cannot write exactly as EF Core would, goes through EF Core unchanged.
/// </summary>
public sealed class BulkInsertDatabase(
    DatabaseDependencies dependencies, RelationalDatabaseDependencies relationalDependencies, ISqlGenerationHelper sql)
    : RelationalDatabase(dependencies, relationalDependencies)
{
    /// <summary>Below this many rows EF Core's own path is as quick; the pupil import stores thousands.</summary>
    public const int MinimumRows = 1_000;

    public override int SaveChanges(IList<IUpdateEntry> entries) =>
        TablesToInsert(entries) is { } tables ? Insert(tables) : base.SaveChanges(entries);

    // Microsoft.Data.Sqlite runs its asynchronous methods synchronously, so the write itself is the same.
    public override Task<int> SaveChangesAsync(IList<IUpdateEntry> entries, CancellationToken cancellationToken = default) =>
        TablesToInsert(entries) is { } tables ? Task.FromResult(Insert(tables)) : base.SaveChangesAsync(entries, cancellationToken);

    /// <summary>
    /// The rows per table, principal tables first (a pupil before its enrolment before its phases), or null when the
    /// save is not a large one of only new rows in plain tables: anything updated or deleted, a table shared by two
    /// types, owned or complex types, inheritance, values the database generates, or tables that refer to each other.
    /// </summary>
    private static List<(ITableMapping Table, List<IUpdateEntry> Rows)>? TablesToInsert(IList<IUpdateEntry> entries)
    {
        if (entries.Count < MinimumRows || entries.Any(e => e.EntityState != EntityState.Added))
        {
            return null;
        }

        var byType = entries.GroupBy(e => e.EntityType).ToDictionary(g => g.Key, g => g.ToList());
        var tables = new Dictionary<IEntityType, ITableMapping>();
        foreach (var (type, rows) in byType)
        {
            if (PlainTable(type, rows) is not { } table)
            {
                return null;
            }

            tables[type] = table;
        }

        // Principals first: a type is written once every type it refers to (among those written here) is.
        var ordered = new List<(ITableMapping, List<IUpdateEntry>)>();
        var pending = byType.Keys.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(type => type.GetForeignKeys().All(fk =>
                fk.PrincipalEntityType != type && !pending.Contains(fk.PrincipalEntityType)));
            if (ready is null)
            {
                return null; // a cycle or a table referring to itself: EF Core orders the rows one by one
            }

            ordered.Add((tables[ready], byType[ready]));
            pending.Remove(ready);
        }

        return ordered;
    }

    private static ITableMapping? PlainTable(IEntityType type, List<IUpdateEntry> rows)
    {
        var mappings = type.GetTableMappings().ToList();
        if (type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.IsOwned()
            || type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            || mappings.Count != 1 || mappings[0].Table.EntityTypeMappings.Count() != 1)
        {
            return null;
        }

        var generated = type.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.Never).ToList();
        var columns = mappings[0].ColumnMappings.Select(c => c.Column).ToList();
        if (columns.Any(c => c.DefaultValueSql is not null || c.ComputedColumnSql is not null)
            || rows.Any(row => generated.Any(p => row.HasTemporaryValue(p) || row.IsStoreGenerated(p))))
        {
            return null;
        }

        return mappings[0];
    }

    private int Insert(List<(ITableMapping Table, List<IUpdateEntry> Rows)> tables)
    {
        var connection = RelationalDependencies.Connection;
        connection.Open();
        try
        {
            // Inside the caller's transaction when there is one (the import's), otherwise in one of its own: all or nothing.
            var own = connection.CurrentTransaction is null ? connection.BeginTransaction() : null;
            using (own)
            {
                var written = tables.Sum(t => InsertRows(connection, t.Table, t.Rows));
                own?.Commit();
                return written;
            }
        }
        finally
        {
            connection.Close();
        }
    }

    private int InsertRows(IRelationalConnection connection, ITableMapping table, List<IUpdateEntry> rows)
    {
        var columns = table.ColumnMappings.ToList();
        using var command = connection.DbConnection.CreateCommand();
        command.Transaction = connection.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = connection.CommandTimeout ?? command.CommandTimeout;
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Table.Name, table.Table.Schema)} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";

        // The statement is parsed and prepared once and kept while the text stays the same; only the values change.
        // Each value goes through the column's own type mapping and converter, as in EF Core's own INSERT.
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                command.Parameters.Add(column.TypeMapping.CreateParameter(
                    command, "@p" + i, row.GetCurrentValue(column.Property), column.Column.IsNullable));
            }

            try
            {
                if (command.ExecuteNonQuery() != 1)
                {
                    throw new DbUpdateException($"A new row of {table.Table.Name} was not stored.", (Exception?)null, [row]);
                }
            }
            catch (DbException exception)
            {
                // As EF Core reports it: SaveFailures recognises the unique index from the provider's exception.
                throw new DbUpdateException($"A new row of {table.Table.Name} was refused.", exception, [row]);
            }
        }

        return rows.Count;
    }
}
