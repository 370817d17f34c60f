using Disclosure.Data;
using Disclosure.Data.Sqlite;
using Disclosure.Data.SqlServer;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests;

/// <summary>
/// The start-up migrations check reads the history table itself (to skip EF Core's costlier <c>Migrate</c> when
/// nothing is pending): it must answer exactly what EF Core's own <c>GetPendingMigrationsAsync</c> answers.
/// On the test provider (SQLite, or SQL Server when configured).
/// </summary>
public sealed class MigrationCheckTests : IAsyncLifetime
{
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"disclosure-migrations-{Guid.NewGuid():N}.db");
    private readonly string _sqlServerDatabase = $"DisclosureMigrations_{Guid.NewGuid():N}";

    private DisclosureDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        if (TestDatabase.IsSqlServer)
        {
            var connection = new SqlConnectionStringBuilder(TestDatabase.SqlServerConnectionString) { InitialCatalog = _sqlServerDatabase };
            options.UseDisclosureSqlServer(connection.ConnectionString);
        }
        else
        {
            options.UseDisclosureSqlite($"Data Source={_sqliteFile}");
        }

        return new DisclosureDbContext(options.Options);
    }

    [Fact]
    public async Task PendingMigrations_AgreeWithEfCore_OnANewDatabase_AMigratedOne_AndOneMissingItsLastMigration()
    {
        await using var db = NewContext();
        var all = db.Database.GetMigrations().ToList();
        Assert.True(all.Count >= 2, "the check is only interesting with several migrations");

        // No database at all yet: everything is pending.
        Assert.Equal(all, await db.Database.PendingMigrationIdsAsync());
        Assert.Equal(all, await db.Database.GetPendingMigrationsAsync());

        Assert.Equal(all, await db.Database.MigrateIfPendingAsync());
        Assert.Empty(await db.Database.PendingMigrationIdsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Empty(await db.Database.MigrateIfPendingAsync());

        // As if the newest migration had not been applied yet (history only: the check reads nothing else).
        var last = all[^1];
#pragma warning disable EF1002 // The id comes from the migrations assembly, not from input.
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{last}'");
#pragma warning restore EF1002
        Assert.Equal([last], await db.Database.PendingMigrationIdsAsync());
        Assert.Equal([last], await db.Database.GetPendingMigrationsAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (TestDatabase.IsSqlServer)
        {
            await using var db = NewContext();
            await db.Database.EnsureDeletedAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
