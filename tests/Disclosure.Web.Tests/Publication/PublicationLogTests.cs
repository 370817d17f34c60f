using Disclosure.Data;
using Disclosure.Data.Publication;
using Disclosure.Data.Sqlite;
using Disclosure.Data.SqlServer;
using Disclosure.Data.Summaries;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Publication;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Disclosure.Web.Tests.Publication;

/// <summary>
/// Saving records the publication events the aggregates raised (ADR 0018): in the same transaction as the change, once,
/// and the year's summaries follow the log. On a database of its own (the test provider), from an empty schema.
/// </summary>
public sealed class PublicationLogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"disclosure-log-{Guid.NewGuid():N}.db");
    private readonly string _sqlServerDatabase = $"DisclosureLog_{Guid.NewGuid():N}";

    private DisclosureDbContext NewContext(IPublicationListener? listener = null)
    {
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        if (TestDatabase.IsSqlServer)
        {
            options.UseDisclosureSqlServer(new SqlConnectionStringBuilder(TestDatabase.SqlServerConnectionString) { InitialCatalog = _sqlServerDatabase }.ConnectionString);
        }
        else
        {
            options.UseDisclosureSqlite($"Data Source={_sqliteFile}");
        }

        return new DisclosureDbContext(options.Options, listener is null ? null : [listener]);
    }

    [Fact]
    public async Task APublicationAndItsCorrection_AreLoggedWithTheirVersions_AndTheYearsSummaryFollowsTheLog()
    {
        await using var db = NewContext();
        var agency = await AddAgencyAsync(db, "zhongwei-commerce", "中卫市商务局");
        var createdEntry = await db.PublicationLog.SingleAsync();
        Assert.Equal((PublicationEventKind.AgencyCreated, agency.Id, (int?)null), (createdEntry.Kind, createdEntry.AgencyId, createdEntry.Year));

        var report = new Report(agency, 2023);
        var first = report.PublishAsPrinted(Zhongwei(), ReportOrigin.Imported, "test", At);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        var second = report.PublishAsPrinted(Zhongwei(), ReportOrigin.Imported, "test", At.AddDays(1), "更正表三");
        await db.SaveChangesAsync();

        var entries = await db.PublicationLog.AsNoTracking().Where(e => e.Year == 2023).OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.ReportVersionId, e.AgencyId }).ToListAsync();
        Assert.Equal(
            [
                new { Kind = PublicationEventKind.VersionBecameCurrent, ReportVersionId = (int?)first.Id, AgencyId = agency.Id },
                new { Kind = PublicationEventKind.VersionSuperseded, ReportVersionId = (int?)first.Id, AgencyId = agency.Id },
                new { Kind = PublicationEventKind.VersionBecameCurrent, ReportVersionId = (int?)second.Id, AgencyId = agency.Id },
            ],
            entries);
        var year = await db.YearSummaries.AsNoTracking().SingleAsync(y => y.Year == 2023);
        Assert.Equal((1, 3), (year.Reports, year.Events));
        Assert.Empty(await new YearSummaries(db).EnsureAllAsync(CancellationToken.None));

        // Saving again records nothing more: the events were cleared once saved.
        var lastId = await db.PublicationLog.LastIdAsync(CancellationToken.None);
        await db.SaveChangesAsync();
        Assert.Equal(lastId, await db.PublicationLog.LastIdAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ASaveTheDatabaseRefuses_LogsNothing()
    {
        await using var db = NewContext();
        var agency = await AddAgencyAsync(db, "zhongwei-commerce", "中卫市商务局");
        var report = new Report(agency, 2023);
        report.PublishAsPrinted(Zhongwei(), ReportOrigin.Imported, "test", At);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        var lastId = await db.PublicationLog.LastIdAsync(CancellationToken.None);

        // A second report of the same office and year breaks the unique index: nothing of the save is kept.
        var duplicate = new Report(agency, 2023);
        duplicate.PublishAsPrinted(Zhongwei(), ReportOrigin.Imported, "test", At);
        db.Reports.Add(duplicate);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var other = NewContext();
        Assert.Equal(lastId, await other.PublicationLog.LastIdAsync(CancellationToken.None));
        Assert.Equal((1, 1), await other.YearSummaries.Where(y => y.Year == 2023).Select(y => ValueTuple.Create(y.Reports, y.Events)).SingleAsync());
    }

    [Fact]
    public async Task ListenersHearOfASaveInACallersTransaction_OnlyWhenItCommits()
    {
        var heard = new HeardEvents();
        await using var db = NewContext(heard);
        var agency = await AddAgencyAsync(db, "zhongwei-commerce", "中卫市商务局");
        Assert.Single(heard.Events);
        heard.Events.Clear();

        // Rolled back: the publication never happened, so no listener hears of it.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var abandoned = new Report(agency, 2023);
            abandoned.PublishAsPrinted(Zhongwei(), ReportOrigin.Imported, "test", At);
            db.Reports.Add(abandoned);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(heard.Events);
        db.ChangeTracker.Clear();
        agency = await db.Agencies.SingleAsync(a => a.Id == agency.Id);

        // Committed: heard after the commit, not at the save inside the transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var report = new Report(agency, 2023);
            report.PublishAsPrinted(Zhongwei(), ReportOrigin.Imported, "test", At);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            Assert.Empty(heard.Events);
            await transaction.CommitAsync();
        }

        var became = Assert.IsType<VersionBecameCurrent>(Assert.Single(heard.Events));
        Assert.Equal(2023, became.Version.Report.Year);
    }

    [Fact]
    public async Task AnAgencyRename_IsLoggedOnce_AndAnUnchangedUpdateNotAtAll()
    {
        await using var db = NewContext();
        var agency = await AddAgencyAsync(db, "zhongwei-commerce", "中卫市商务局");
        var lastId = await db.PublicationLog.LastIdAsync(CancellationToken.None);

        agency.Update(agency.Slug, agency.Name, agency.Level, null, agency.Address, agency.Phone, At);
        await db.SaveChangesAsync();
        Assert.Equal(lastId, await db.PublicationLog.LastIdAsync(CancellationToken.None));

        agency.Update("zhongwei-investment", "中卫市商务和投资促进局", agency.Level, null, agency.Address, agency.Phone, At);
        await db.SaveChangesAsync();
        var entry = await db.PublicationLog.AsNoTracking().SingleAsync(e => e.Id > lastId);
        Assert.Equal((PublicationEventKind.AgencyChanged, agency.Id), (entry.Kind, entry.AgencyId));
    }

    [Fact]
    public async Task ADatabaseFromBeforeTheLog_GetsOneEntryPerCurrentVersion_AndItsYearsAreSummedAgainOnce()
    {
        await using var db = NewContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var logMigration = migrations.Single(m => m.EndsWith("_PublicationLog", StringComparison.Ordinal));
        var agency = await AddAgencyAsync(db, "zhongwei-commerce", "中卫市商务局");
        var report2023 = new Report(agency, 2023);
        report2023.PublishAsPrinted(Zhongwei(), ReportOrigin.Imported, "test", At);
        db.Reports.Add(report2023);
        await db.SaveChangesAsync();
        var corrected = report2023.PublishAsPrinted(Zhongwei(), ReportOrigin.Imported, "test", At, "更正");
        var report2022 = new Report(agency, 2022);
        var json = Fixtures.Json("zhongwei-commerce-2023").Replace("\"year\": 2023", "\"year\": 2022", StringComparison.Ordinal);
        var earlier = report2022.PublishAsPrinted(CanonicalJson.Read(json), ReportOrigin.Imported, "test", At);
        db.Reports.Add(report2022);
        await db.SaveChangesAsync();
        var before = await TotalsAsync(db);

        // Back to the schema before the log, as a database of the previous release, and up again.
        await migrator.MigrateAsync(migrations[migrations.IndexOf(logMigration) - 1]);
        await migrator.MigrateAsync();

        db.ChangeTracker.Clear();
        var entries = await db.PublicationLog.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Kind, e.ReportVersionId, e.Year }).ToListAsync();
        Assert.Equal(
            [
                new { Kind = PublicationEventKind.VersionBecameCurrent, ReportVersionId = (int?)corrected.Id, Year = (int?)2023 },
                new { Kind = PublicationEventKind.VersionBecameCurrent, ReportVersionId = (int?)earlier.Id, Year = (int?)2022 },
            ],
            entries);
        Assert.Equal([2022, 2023], await new YearSummaries(db).EnsureAllAsync(CancellationToken.None));
        Assert.Empty(await new YearSummaries(db).EnsureAllAsync(CancellationToken.None));
        Assert.Equal(before, await TotalsAsync(db));
    }

    private sealed class HeardEvents : IPublicationListener
    {
        public List<PublicationEvent> Events { get; } = [];

        public Task PublishedAsync(IReadOnlyList<PublicationEvent> events, CancellationToken cancellationToken)
        {
            Events.AddRange(events);
            return Task.CompletedTask;
        }
    }

    private static async Task<Agency> AddAgencyAsync(DisclosureDbContext db, string slug, string name)
    {
        await db.Database.MigrateAsync();
        var agency = new Agency(slug, name, AgencyLevel.CityDepartment);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency;
    }

    private static async Task<List<(int Year, string Row, string Column, long Sum)>> TotalsAsync(DisclosureDbContext db) =>
        (await db.YearCellTotals.AsNoTracking().Select(t => new { t.Year, t.Row, t.Column, t.Sum }).ToListAsync())
        .Select(t => (t.Year, t.Row, t.Column, t.Sum)).Order().ToList();

    private static AnnualReport Zhongwei() => CanonicalJson.Read(Fixtures.Json("zhongwei-commerce-2023"));

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
