using Disclosure.Data;
using Disclosure.Data.Sqlite;
using Disclosure.Data.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Disclosure.Web.Tests;

/// <summary>Both providers' migrations and compiled models stay in step with the model; no database server is needed for these.</summary>
public sealed class DatabaseModelTests
{
    private static DisclosureDbContext Sqlite(bool useCompiledModel = true)
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        options.UseDisclosureSqlite("Data Source=:memory:", useCompiledModel);
        return new DisclosureDbContext(options.Options);
    }

    private static DisclosureDbContext SqlServer(bool useCompiledModel = true)
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        options.UseDisclosureSqlServer("Server=127.0.0.1,1;Database=NotUsed;User Id=sa;Password=unused;TrustServerCertificate=True", useCompiledModel);
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
    public void Sqlite_CompiledModel_MatchesOnModelCreating()
    {
        using var compiled = Sqlite();
        using var built = Sqlite(useCompiledModel: false);
        Assert.IsType<Disclosure.Data.Sqlite.CompiledModel.DisclosureDbContextModel>(compiled.Model);
        AssertSameModel(compiled, built, "src/Disclosure.Data.Sqlite");
    }

    [Fact]
    public void SqlServer_CompiledModel_MatchesOnModelCreating()
    {
        using var compiled = SqlServer();
        using var built = SqlServer(useCompiledModel: false);
        Assert.IsType<Disclosure.Data.SqlServer.CompiledModel.DisclosureDbContextModel>(compiled.Model);
        AssertSameModel(compiled, built, "src/Disclosure.Data.SqlServer");
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

    /// <summary>
    /// The app runs on the compiled model (CompiledModel/, made by <c>dotnet ef dbcontext optimize</c>); a model change
    /// without regenerating it would leave the app on the old model. Compared: what the app reads from the model at
    /// run time, the mapping (CLR types, converters, navigations, keys, foreign keys, indexes, filters) and the tables
    /// it maps to. (EF's migrations differ cannot be used: it needs design-time data that compiled models leave out.)
    /// </summary>
    private static void AssertSameModel(DisclosureDbContext compiled, DisclosureDbContext built, string project)
    {
        var regenerate = $"The compiled model in {project}/CompiledModel is stale: regenerate it with dotnet ef dbcontext optimize (see README, Adding to the model).";

        var expected = ModelFacts.Of(built.Model);
        var actual = ModelFacts.Of(compiled.Model);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"{regenerate}\nOnly in OnModelCreating:\n  {string.Join("\n  ", missing)}\nOnly in the compiled model:\n  {string.Join("\n  ", extra)}");
    }
}
