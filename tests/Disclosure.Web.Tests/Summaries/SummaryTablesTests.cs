using System.Data.Common;
using Disclosure.Data;
using Disclosure.Data.Sqlite;
using Disclosure.Data.SqlServer;
using Disclosure.Data.Summaries;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Disclosure.Domain.Serialization;
using Disclosure.Web.Features.Shared;
using Disclosure.Web.Features.Statistics;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;

namespace Disclosure.Web.Tests.Summaries;

/// <summary>
/// The summary tables behind /statistics and /data-quality are kept by publication. After publications, corrections
/// and imports they must hold exactly what summing every current version's cells again gives.
/// </summary>
[Collection(PortalCollections.Staff)]
public sealed class SummaryTablesTests(PortalFactory shared) : PortalTest(shared)
{
    private static readonly DateTimeOffset At = new(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Summaries_AfterANewYearACorrectionAndAnImport_EqualTheYearSummedAgainFromTheCells()
    {
        var portal = Portal;
        _ = portal.Server;
        await portal.WithDbAsync(async db =>
        {
            await PublishAsync(db, Zhongwei(2022, carriedForwardTotal: 3));
            await CorrectAsync(db, "zhongwei-commerce", 2023, doc => doc.Applications[A.Rows.New, A.Columns.NaturalPerson] = CellValue.Of(1000));
        });

        var incremental = await SnapshotAsync(portal);
        Assert.Contains(incremental.Totals, t => t.Year == 2022 && t.Row == A.Rows.CarriedForward && t.Column == A.Columns.Total && t.Sum == 3 && t.Count == 1);
        Assert.Contains(incremental.Totals, t => t.Year == 2023 && t.Row == A.Rows.New && t.Column == A.Columns.NaturalPerson && t.Sum >= 1000);

        await portal.WithDbAsync(async db =>
        {
            var summaries = new YearSummaries(db);
            foreach (var year in incremental.Years.Select(y => y.Year))
            {
                await summaries.RebuildAsync(year, CancellationToken.None);
            }
        });

        var rebuilt = await SnapshotAsync(portal);
        Assert.Equal(rebuilt.Totals, incremental.Totals);
        Assert.Equal(rebuilt.Reports, incremental.Reports);
        Assert.Equal(rebuilt.Years.Select(y => (y.Year, y.Reports, y.Events)), incremental.Years.Select(y => (y.Year, y.Reports, y.Events)));
        Assert.Equal(5, incremental.Reports.Count);
    }

    [Fact]
    public async Task CorrectingLastYear_WorksOutThisYearsCarryOverFindingAgain()
    {
        var portal = Portal;
        using var client = portal.CreateClient();
        long carriedOver2023 = 0;
        await portal.WithDbAsync(async db =>
        {
            var doc = CanonicalJson.Read(Fixtures.Json("zhongwei-commerce-2023"));
            carriedOver2023 = doc.Applications.Number(A.Rows.CarriedOver, A.Columns.Total) ?? 0;
            await PublishAsync(db, Zhongwei(2022, carriedForwardTotal: carriedOver2023 + 5));
        });

        Assert.Contains(ConsistencyRules.R5, await RulesOfAsync(portal, "zhongwei-commerce", 2023));
        var page = await client.GetDocumentAsync("/data-quality?rule=R5&year=2023");
        Assert.Contains(page.QuerySelectorAll("a[href='/reports/zhongwei-commerce/2023']"), a => a.TextContent.Contains("中卫", StringComparison.Ordinal));

        await portal.WithDbAsync(db => CorrectAsync(db, "zhongwei-commerce", 2022,
            doc =>
            {
                doc.Applications[A.Rows.CarriedForward, A.Columns.NaturalPerson] = CellValue.Of(carriedOver2023);
                doc.Applications[A.Rows.CarriedForward, A.Columns.Total] = CellValue.Of(carriedOver2023);
            }));

        Assert.DoesNotContain(ConsistencyRules.R5, await RulesOfAsync(portal, "zhongwei-commerce", 2023));
    }

    [Fact]
    public async Task SummariesMissing_AsInADatabaseFromBeforeThem_AreSummedAgainOnFirstRead()
    {
        var portal = Portal;
        _ = portal.Server;
        StatisticsViewModel? before = null;
        await portal.WithDbAsync(async db => before = await new StatisticsQuery(db, new YearSummaries(db)).GetAsync(2023, CancellationToken.None));
        await portal.WithDbAsync(async db =>
        {
            await db.ReportSummaries.ExecuteDeleteAsync();
            await db.YearCellTotals.ExecuteDeleteAsync();
            await db.YearSummaries.ExecuteDeleteAsync();
        });

        StatisticsViewModel? after = null;
        await portal.WithDbAsync(async db => after = await new StatisticsQuery(db, new YearSummaries(db)).GetAsync(2023, CancellationToken.None));

        Assert.Equal(2, after!.ReportCount);
        Assert.Equal(Values(before!.Applications), Values(after.Applications));
        Assert.Equal(Values(before.Reviews), Values(after.Reviews));
        Assert.Equal(before.Rankings.SelectMany(r => r.Lines).Select(l => (l.Slug, l.Value)), after.Rankings.SelectMany(r => r.Lines).Select(l => (l.Slug, l.Value)));
        Assert.Contains(Values(after.Applications), v => v.Length > 0 && v != "0");
        await portal.WithDbAsync(async db => Assert.Equal(2, await db.ReportSummaries.CountAsync(s => s.Version.IsCurrent && s.Version.Report.Year == 2023)));
    }

    [Fact]
    public async Task TwoPublicationsOfOneYearAtOnce_AreBothCounted()
    {
        var portal = Portal;
        _ = portal.Server;
        var rival = new RivalPublication(portal.ConnectionString);
        var options = new DbContextOptionsBuilder<DisclosureDbContext>();
        _ = PortalFactory.Provider == DatabaseProvider.SqlServer
            ? options.UseDisclosureSqlServer(portal.ConnectionString)
            : options.UseDisclosureSqlite(portal.ConnectionString);
        options.AddInterceptors(rival);
        await using (var db = new DisclosureDbContext(options.Options))
        {
            await PublishAsync(db, Zhongwei(2021, carriedForwardTotal: 7));
        }

        Assert.Equal(1, rival.Fired);
        var incremental = await SnapshotAsync(portal);
        await portal.WithDbAsync(db => new YearSummaries(db).RebuildAsync(2021, CancellationToken.None));
        var rebuilt = await SnapshotAsync(portal);
        Assert.Equal(rebuilt.Totals.Where(t => t.Year == 2021), incremental.Totals.Where(t => t.Year == 2021));
        Assert.Contains(incremental.Totals, t => t.Year == 2021 && t.Row == A.Rows.CarriedForward && t.Column == A.Columns.Total && t.Sum >= 7);
        Assert.Equal(2, incremental.Years.Single(y => y.Year == 2021).Reports);
        await portal.WithDbAsync(async db =>
        {
            var saved = await db.ReportVersions.Where(v => v.IsCurrent && v.Report.Year == 2021 && v.Report.Agency.Slug == "zhongwei-commerce")
                .Select(v => new { Cells = v.Cells.Count, Summaries = db.ReportSummaries.Count(s => s.ReportVersionId == v.Id) })
                .SingleAsync();
            Assert.True(saved.Cells > 100, $"{saved.Cells} cells saved");
            Assert.Equal(1, saved.Summaries);
        });
    }

    /// <summary>Before the first save, another writer changes the year's row, as a publication committing first would.</summary>
    private sealed class RivalPublication(string connectionString) : SaveChangesInterceptor
    {
        public int Fired { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Fired == 0 && eventData.Context!.ChangeTracker.Entries<YearSummary>().Any())
            {
                Fired++;
                var options = new DbContextOptionsBuilder<DisclosureDbContext>();
                _ = PortalFactory.Provider == DatabaseProvider.SqlServer
                    ? options.UseDisclosureSqlServer(connectionString)
                    : options.UseDisclosureSqlite(connectionString);
                await using var other = new DisclosureDbContext(options.Options);
                await other.YearSummaries.Where(y => y.Year == 2021)
                    .ExecuteUpdateAsync(s => s.SetProperty(y => y.Revision, y => y.Revision + 1), cancellationToken);
            }

            return result;
        }
    }

    private static AnnualReport Zhongwei(int year, long carriedForwardTotal)
    {
        var json = Fixtures.Json("zhongwei-commerce-2023").Replace("\"year\": 2023", $"\"year\": {year}", StringComparison.Ordinal);
        var doc = CanonicalJson.Read(json);
        Assert.Equal(year, doc.Year);
        // The 自然人 cell too, so that the 总计 agrees with its parts and the summaries add it as printed (ADR 0016).
        doc.Applications[A.Rows.CarriedForward, A.Columns.NaturalPerson] = CellValue.Of(carriedForwardTotal);
        doc.Applications[A.Rows.CarriedForward, A.Columns.Total] = CellValue.Of(carriedForwardTotal);
        return doc;
    }

    private static async Task PublishAsync(DisclosureDbContext db, AnnualReport content, string source = "test")
    {
        var agency = await db.Agencies.SingleAsync(a => a.Slug == content.Agency.Slug);
        var report = new Report(agency, content.Year);
        report.PublishAsPrinted(content, ReportOrigin.Imported, source, At);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
    }

    /// <summary>A correction the way the importer makes one: the report with its versions, cells not loaded.</summary>
    private static async Task CorrectAsync(DisclosureDbContext db, string slug, int year, Action<AnnualReport> change)
    {
        var report = await db.Reports.Include(r => r.Agency).Include(r => r.Versions).SingleAsync(r => r.Agency.Slug == slug && r.Year == year);
        var current = await db.ReportVersions.AsNoTracking().Include(v => v.Cells).Include(v => v.Report).SingleAsync(v => v.Id == report.CurrentVersion!.Id);
        var content = current.ToDocument(slug);
        change(content);
        report.PublishAsPrinted(content, ReportOrigin.Imported, "test correction", At.AddDays(1), "更正测试");
        await db.SaveChangesAsync();
    }

    private static async Task<string> RulesOfAsync(PortalFactory portal, string slug, int year)
    {
        var rules = "";
        await portal.WithDbAsync(async db => rules = await db.ReportSummaries
            .Where(s => s.Version.IsCurrent && s.Version.Report.Agency.Slug == slug && s.Version.Report.Year == year)
            .Select(s => s.Rules).SingleAsync());
        return rules;
    }

    private static IEnumerable<string> Values(GridTable table) => table.Rows.SelectMany(r => r.Cells.Select(c => c.Text));

    private sealed record Snapshot(
        List<(int Year, ReportFormat Format, Domain.Reports.Layouts.ReportTableId Table, string Row, string Column, long Sum, int Count)> Totals,
        List<(int Version, long? New, long? Processed, long? Granted, long? Reviews, long? Suits, int Errors, int Warnings, int Blanks, string Rules, string Findings)> Reports,
        List<YearSummary> Years);

    private static async Task<Snapshot> SnapshotAsync(PortalFactory portal)
    {
        Snapshot? snapshot = null;
        await portal.WithDbAsync(async db =>
        {
            var totals = (await db.YearCellTotals.AsNoTracking().Where(t => t.Count > 0).ToListAsync())
                .Select(t => (t.Year, t.Format, t.Table, t.Row, t.Column, t.Sum, t.Count))
                .OrderBy(t => t.Year).ThenBy(t => t.Format).ThenBy(t => t.Table).ThenBy(t => t.Row, StringComparer.Ordinal).ThenBy(t => t.Column, StringComparer.Ordinal)
                .ToList();
            var reports = (await db.ReportSummaries.AsNoTracking().Where(s => s.Version.IsCurrent).ToListAsync())
                .Select(s => (s.ReportVersionId, s.New, s.Processed, s.Granted, s.Reviews, s.Suits, s.Errors, s.Warnings, s.Blanks, s.Rules, s.Findings))
                .OrderBy(s => s.ReportVersionId)
                .ToList();
            var years = await db.YearSummaries.AsNoTracking().OrderBy(y => y.Year).ToListAsync();
            snapshot = new Snapshot(totals, reports, years);
        });
        return snapshot!;
    }
}
