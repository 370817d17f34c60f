using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Disclosure.Data;

/// <summary>
/// The migrations check at start-up, cheap in the usual case: nothing to apply. EF Core's <c>Migrate</c> takes the
/// migrations lock and builds a model of its history table (conventions included) before it finds that out, which is
/// about a third of a second of start-up; here one query over the history table answers it, and <c>Migrate</c> runs
/// only when a migration is pending.
/// </summary>
public static class MigrationCheck
{
    /// <summary>Applies the pending migrations, if there are any; returns the ones it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateIfPendingAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var pending = await database.PendingMigrationIdsAsync(cancellationToken);
        if (pending.Count > 0)
        {
            await database.MigrateAsync(cancellationToken);
        }

        return pending;
    }

    /// <summary>
    /// The migrations of the assembly not recorded in the history table, oldest first (all of them when there is no
    /// history table): what <c>GetPendingMigrationsAsync</c> answers, read with one plain query.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationIdsAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var known = database.GetMigrations().ToList();
        var history = database.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return known;
        }

        var applied = await AppliedAsync(database, cancellationToken);
        return known.Where(id => !applied.Contains(id)).ToList();
    }

    private static async Task<HashSet<string>> AppliedAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var options = RelationalOptionsExtension.Extract(database.GetService<IDbContextOptions>());
        var sql = database.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, options.MigrationsHistoryTableSchema);
        var column = sql.DelimitIdentifier("MigrationId");

        var connection = database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {column} FROM {table}";
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }

            return applied;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
