using Disclosure.Data;
using Disclosure.Data.Publication;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Api;

/// <summary>One published report of the year with the non-blank cells of one table.</summary>
public sealed record YearTableReport(string Slug, string Name, AgencyLevel Level, ReportFormat Format, IReadOnlyDictionary<(string Row, string Column), CellValue> Cells);

/// <summary>The cells of tables 二, 三 and 四 of every current version of a year, for the bulk downloads.</summary>
public sealed class YearTableQuery(DisclosureDbContext db)
{
    public static readonly IReadOnlyList<ReportTableId> Tables = [ReportTableId.Proactive, ReportTableId.Applications, ReportTableId.Reviews];

    /// <summary>
    /// The publication log's newest id: the downloads are rebuilt when it moves — a publication or correction, and an
    /// agency renamed without a new version (the files print its name), each add an entry (ADR 0018).
    /// </summary>
    public Task<long> LastLogIdAsync(CancellationToken cancellationToken) => db.PublicationLog.LastIdAsync(cancellationToken);

    /// <summary>Every report of the year (by slug) with the cells of <paramref name="table"/>; empty when no report of the year is published.</summary>
    public async Task<IReadOnlyList<YearTableReport>> LoadAsync(int year, ReportTableId table, CancellationToken cancellationToken)
    {
        var all = await LoadAsync(year, [table], cancellationToken);
        return all[table];
    }

    public async Task<IReadOnlyDictionary<ReportTableId, IReadOnlyList<YearTableReport>>> LoadAsync(
        int year, IReadOnlyCollection<ReportTableId> tables, CancellationToken cancellationToken)
    {
        var versions = await db.ReportVersions.AsNoTracking()
            .CurrentOf(year)
            .OrderBy(v => v.Report.Agency.Slug)
            .Select(v => new { v.Id, v.Report.Agency.Slug, v.Report.Agency.Name, v.Report.Agency.Level, v.Format })
            .ToListAsync(cancellationToken);

        // One query for all cells of the year's current versions; grouped per version below.
        var cells = await (
                from c in db.ReportCells.AsNoTracking()
                join v in db.ReportVersions.CurrentOf(year) on c.ReportVersionId equals v.Id
                where tables.Contains(c.Table)
                select new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number, c.Text })
            .ToListAsync(cancellationToken);
        var byVersion = cells.ToLookup(c => (c.ReportVersionId, c.Table));

        var result = new Dictionary<ReportTableId, IReadOnlyList<YearTableReport>>();
        foreach (var table in tables)
        {
            result[table] = versions
                .Select(v => new YearTableReport(v.Slug, v.Name, v.Level, v.Format,
                    byVersion[(v.Id, table)].ToDictionary(c => (c.Row, c.Column), c => new CellValue(c.Number, c.Text))))
                .ToList();
        }

        return result;
    }

    /// <summary>The column keys a table has in any format, in printed order (2021 first).</summary>
    public static IReadOnlyList<ColumnDefinition> ColumnsOf(ReportTableId table) =>
        new[] { ReportLayout.Format2021, ReportLayout.Hybrid, ReportLayout.Format2019 }
            .SelectMany(layout => layout.Table(table).Rows)
            .SelectMany(row => row.Columns)
            .DistinctBy(c => c.Key)
            .ToList();

    public static string FileTitle(ReportTableId table) => table switch
    {
        ReportTableId.Proactive => "表二 主动公开政府信息情况",
        ReportTableId.Applications => "表三 收到和处理政府信息公开申请情况",
        ReportTableId.Reviews => "表四 行政复议、行政诉讼情况",
        _ => table.ToString(),
    };
}
