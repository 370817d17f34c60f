using Disclosure.Data;
using Disclosure.Data.Sqlite;
using Disclosure.Data.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Disclosure.Web.Tests;

/// <summary>Both providers' migrations stay in step with the model; no database server is needed for these.</summary>
public sealed class DatabaseModelTests
{
    private static DisclosureDbContext Sqlite()
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        options.UseDisclosureSqlite("Data Source=:memory:");
        return new DisclosureDbContext(options.Options);
    }

    private static DisclosureDbContext SqlServer()
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        options.UseDisclosureSqlServer("Server=127.0.0.1,1;Database=NotUsed;User Id=sa;Password=unused;TrustServerCertificate=True");
        return new DisclosureDbContext(options.Options);
    }

    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration to src/Disclosure.Data.Sqlite (see README).");
    }

    [Fact]
    public void SqlServer_HasNoPendingModelChanges()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration to src/Disclosure.Data.SqlServer (see README).");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();
        static IEnumerable<string> Names(DisclosureDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void SqlServer_IdempotentScript_CreatesEveryTableAndGuardsEachMigration()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        foreach (var table in new[] { "Agencies", "Reports", "ReportVersions", "ReportCells" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]\n    WHERE [MigrationId] = N'{migration}'", script.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        Assert.Contains("WHERE [IsCurrent] = 1", script, StringComparison.Ordinal);
    }
}
