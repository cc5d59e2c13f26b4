using System.Data.Common;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Configurations;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>
/// What a refused save means for the user. The one place that knows the unique indexes guarding a rule and how each
/// provider reports a violation; use cases only see a <see cref="Result"/> from
/// <see cref="IApplicationDbContext.TrySaveChangesAsync"/>.
/// </summary>
internal static class SaveFailures
{
    /// <summary>The unique indexes that guard a rule the user can break at the same moment as someone else, by name.</summary>
    internal static readonly IReadOnlyDictionary<string, DomainError> RuleOfUniqueIndex = new Dictionary<string, DomainError>(StringComparer.Ordinal)
    {
        // R-INST-3: a second institution with the same BRIN created at the same moment.
        ["IX_Institutions_Brin"] = DomainErrors.Institution.BrinNotUnique,

        // R-PUPIL-2: the same pupil enrolled elsewhere at the same moment.
        [EnrolmentConfiguration.OpenEnrolmentIndex] = DomainErrors.Enrolment.AlreadyActiveElsewhere,

        // The same new pupil created by someone else at the same moment.
        ["IX_Pupils_NumberHash"] = CommonErrors.ConcurrencyConflict,

        // Two uploads to one route got the same agreement number: someone else changed the route meanwhile.
        ["IX_Agreements_RouteId_Number"] = CommonErrors.ConcurrencyConflict,

        // Two new routes of one school year got the same code; creating a route tries again with the next number.
        ["IX_Routes_Code_VersionNumber"] = RouteErrors.CodeTaken,
    };

    private const string SqliteUniquePrefix = "UNIQUE constraint failed: ";

    /// <summary>The error for <paramref name="exception"/>, or null when it is a fault nobody can fix by trying again.</summary>
    internal static DomainError? ErrorFor(DbUpdateException exception, IModel model)
    {
        if (exception is DbUpdateConcurrencyException)
        {
            return CommonErrors.ConcurrencyConflict;
        }

        return UniqueIndexOf(exception.InnerException, model) is { } index && RuleOfUniqueIndex.TryGetValue(index, out var error)
            ? error
            : null;
    }

    /// <summary>
    /// The refused save as a fault to log and show as the generic error page: what failed and where, without the
    /// provider's message, which may quote the duplicate key (a pupil-number hash, a name).
    /// </summary>
    internal static Exception Fault(DbUpdateException exception, IModel model)
    {
        var entities = string.Join(", ", exception.Entries.Select(e => e.Metadata.DisplayName()).Distinct());
        var index = UniqueIndexOf(exception.InnerException, model);
        var cause = exception.InnerException switch
        {
            SqliteException sqlite => $"SQLite error {sqlite.SqliteErrorCode}/{sqlite.SqliteExtendedErrorCode}",
            SqlException sql => $"SQL Server error {sql.Number}",
            DbException db => $"{db.GetType().Name} {db.ErrorCode}",
            null => "no provider exception",
            var other => other.GetType().Name,
        };
        return new UnexpectedSaveFailureException(
            $"The database refused a save of {(entities.Length == 0 ? "unknown entities" : entities)}: {cause}"
            + (index is null ? "." : $" on unique index {index}.")
            + " The provider's message is left out because it may quote a key.");
    }

    /// <summary>The name of the unique index a provider exception reports as violated, or null.</summary>
    internal static string? UniqueIndexOf(Exception? providerException, IModel model) => providerException switch
    {
        // SQLite names the table and columns, not the index: "UNIQUE constraint failed: Enrolments.PupilId".
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } sqlite => IndexOfColumns(SqliteColumns(sqlite.Message), model),

        // SQL Server 2601: "… with unique index 'IX_…'. …"; 2627: "Violation of UNIQUE KEY constraint 'UQ_…'. …".
        SqlException { Number: 2601 } sql => Quoted(sql.Message, "unique index '"),
        SqlException { Number: 2627 } sql => Quoted(sql.Message, "constraint '"),
        _ => null,
    };

    /// <summary>"Table.Column, Table.Column" from SQLite's message.</summary>
    internal static string? SqliteColumns(string message)
    {
        var start = message.IndexOf(SqliteUniquePrefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += SqliteUniquePrefix.Length;
        var end = message.IndexOf('\'', start);
        return (end < 0 ? message[start..] : message[start..end]).Trim();
    }

    /// <summary>The unique index of the model on exactly these "Table.Column" pairs.</summary>
    internal static string? IndexOfColumns(string? columns, IModel model)
    {
        if (columns is null)
        {
            return null;
        }

        foreach (var entityType in model.GetEntityTypes())
        {
            if (entityType.GetTableName() is not { } table)
            {
                continue;
            }

            var storeObject = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            foreach (var index in entityType.GetIndexes().Where(i => i.IsUnique))
            {
                var indexColumns = string.Join(", ", index.Properties.Select(p => $"{table}.{p.GetColumnName(storeObject)}"));
                if (string.Equals(indexColumns, columns, StringComparison.Ordinal))
                {
                    return index.GetDatabaseName(storeObject);
                }
            }
        }

        return null;
    }

    private static string? Quoted(string message, string after)
    {
        var start = message.IndexOf(after, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += after.Length;
        var end = message.IndexOf('\'', start);
        return end < 0 ? null : message[start..end];
    }
}

/// <summary>A save the database refused for a reason that is a fault, not a rule; its message never quotes a key.</summary>
public sealed class UnexpectedSaveFailureException : Exception
{
    public UnexpectedSaveFailureException()
    {
    }

    public UnexpectedSaveFailureException(string message)
        : base(message)
    {
    }

    public UnexpectedSaveFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
