using Disclosure.Data;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Features.Agencies;
using Disclosure.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Compare;

public sealed record CompareAgency(string Slug, string Name, bool Published);

/// <summary>
/// The comparison page: the form (offices ticked, offices to tick, the name searched, year, applicant type), a message
/// at each field that needs one, and the tables once two to six offices are chosen.
/// </summary>
public sealed record CompareViewModel(
    IReadOnlyList<AgencyChoice> Selected,
    IReadOnlyList<AgencyChoice> Candidates,
    string? Query,
    int? Year,
    IReadOnlyList<int> Years,
    string Applicant,
    IReadOnlyList<CompareAgency> Agencies,
    IReadOnlyList<GridTable> Tables)
{
    /// <summary>What is wrong with the offices asked for (names that match none or several, too many).</summary>
    public IReadOnlyList<string> AgencyProblems { get; init; } = [];

    /// <summary>A note on the name search (nothing found, list cut short); not an error.</summary>
    public string? QueryNote { get; init; }

    public string? YearProblem { get; init; }

    public string? ApplicantProblem { get; init; }

    /// <summary>Table 三's applicant columns a person can choose to compare (总计 by default).</summary>
    public static IReadOnlyList<ColumnDefinition> ApplicantChoices => ApplicationsLayout.DataColumns;

    public string ApplicantLabel => ApplicantChoices.FirstOrDefault(c => c.Key == Applicant)?.Label ?? Applicant;
}

/// <summary>Two to six offices' reports of one year, side by side, table by table.</summary>
public sealed class CompareQuery(DisclosureDbContext db)
{
    public const int MinAgencies = 2;
    public const int MaxAgencies = 6;

    public Task<List<int>> YearsAsync(CancellationToken cancellationToken) =>
        db.ReportVersions.AsNoTracking().Current().Select(v => v.Report.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    /// <summary>The ids of the agencies chosen, in the order chosen.</summary>
    public async Task<List<(int Id, string Slug, string Name)>> IdsAsync(IReadOnlyList<AgencyChoice> agencies, CancellationToken cancellationToken)
    {
        var slugs = agencies.Select(a => a.Slug).ToList();
        var rows = await db.Agencies.AsNoTracking().Where(a => slugs.Contains(a.Slug)).Select(a => new { a.Id, a.Slug, a.Name }).ToListAsync(cancellationToken);
        return slugs.Select(s => rows.FirstOrDefault(r => r.Slug == s)).Where(r => r is not null).Select(r => (r!.Id, r.Slug, r.Name)).ToList();
    }

    /// <summary>The latest year any of the agencies published.</summary>
    public Task<int?> LatestYearAsync(IReadOnlyList<int> agencyIds, CancellationToken cancellationToken) =>
        db.ReportVersions.AsNoTracking().Current().Where(v => agencyIds.Contains(v.Report.AgencyId)).MaxAsync(v => (int?)v.Report.Year, cancellationToken);

    /// <summary>
    /// Tables 二 and 四 cell by cell (a row per cell, a column per office); table 三 as a matrix of its rows × the
    /// offices, for one applicant column (<paramref name="applicant"/>, 总计 by default), the largest figure of each row marked.
    /// </summary>
    public async Task<(List<CompareAgency> Agencies, List<GridTable> Tables)> CompareAsync(
        IReadOnlyList<(int Id, string Slug, string Name)> agencies, int year, string applicant, CancellationToken cancellationToken)
    {
        var ids = agencies.Select(a => a.Id).ToList();
        var versions = await db.ReportVersions.AsNoTracking()
            .CurrentOf(year).Where(v => ids.Contains(v.Report.AgencyId))
            .Select(v => new { v.Id, v.Report.AgencyId, v.Format, v.AgencyName, v.Scope, v.Title })
            .ToListAsync(cancellationToken);
        var versionIds = versions.Select(v => v.Id).ToList();
        var cells = (await db.ReportCells.AsNoTracking()
                .Where(c => versionIds.Contains(c.ReportVersionId))
                .Select(c => new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number, c.Text })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ReportVersionId);

        var documents = agencies.Select(a =>
        {
            var v = versions.FirstOrDefault(x => x.AgencyId == a.Id);
            if (v is null)
            {
                return null;
            }

            var document = new AnnualReport(new AgencyRef(v.AgencyName, a.Slug), year, v.Format, v.Scope, v.Title);
            foreach (var c in cells[v.Id])
            {
                if (document.Layout.Table(c.Table).Contains(c.Row, c.Column))
                {
                    document.Table(c.Table)[c.Row, c.Column] = new CellValue(c.Number, c.Text);
                }
            }

            return document;
        }).ToList();

        var headers = agencies.Select(a => a.Name).ToList();
        var tables = new List<GridTable>();
        foreach (var table in new[] { ReportTableId.Proactive, ReportTableId.Applications, ReportTableId.Reviews })
        {
            // The rows and columns of every format in use, in printed order.
            var layouts = documents.Where(d => d is not null).Select(d => d!.Layout.Table(table)).DefaultIfEmpty(ReportLayout.Format2021.Table(table)).Distinct().ToList();
            var addresses = layouts
                .SelectMany(l => l.Rows.SelectMany(r => r.Columns.Select(c => (Row: r, Column: c))))
                .DistinctBy(x => (x.Row.Key, x.Column.Key))
                .ToList();
            // Each report's effective figures (ADR 0016): a blank or disagreeing 总计 shows the sum of its parts, marked.
            var effective = documents.Select(d => d is null ? null : EffectiveTotals.For(d.Table(table))).ToList();
            if (table == ReportTableId.Applications)
            {
                tables.Add(ApplicationsMatrix(layouts, documents, effective, headers, applicant));
                continue;
            }

            var rows = addresses.Select(x => new GridRow(
                    x.Column.Label,
                    documents.Select((d, i) => Cell(d, effective[i], table, x.Row.Key, x.Column)).ToList(),
                    x.Row.Subgroup is null ? x.Row.Label : $"{x.Row.Subgroup} {x.Row.Label}",
                    $"{x.Row.Key}.{x.Column.Key}"))
                .ToList();
            tables.Add(new GridTable($"compare-t{(int)table}", Caption(table), headers, rows, "项目"));
        }

        return (agencies.Select((a, i) => new CompareAgency(a.Slug, a.Name, documents[i] is not null)).ToList(), tables);
    }

    private static GridTable ApplicationsMatrix(List<TableLayout> layouts, List<AnnualReport?> documents,
        List<IReadOnlyDictionary<CellRef, EffectiveFigure>?> effective, IReadOnlyList<string> headers, string applicant)
    {
        var column = ApplicationsLayout.DataColumns.First(c => c.Key == applicant);
        var rows = MergedRows(layouts).Select(r =>
            {
                var cells = documents.Select((d, i) => Cell(d, effective[i], ReportTableId.Applications, r.Key, column)).ToList();
                return new GridRow(r.Subgroup is null ? r.Label : $"{r.Subgroup} {r.Label}", MarkLargest(cells), Key: r.Key);
            })
            .ToList();
        return new GridTable("compare-t3", $"表三 收到和处理政府信息公开申请情况（申请人：{column.Label}）", headers, rows, "项目");
    }

    /// <summary>
    /// The rows of every format in use, each in its printed place: a row only one format has comes right after the row
    /// it follows there (洪泽's single （六）其他处理 before 中卫's three, not after 四、结转下年度继续办理).
    /// </summary>
    private static List<RowDefinition> MergedRows(List<TableLayout> layouts)
    {
        var rows = new List<RowDefinition>();
        foreach (var layout in layouts)
        {
            var at = 0;
            foreach (var row in layout.Rows)
            {
                var existing = rows.FindIndex(r => r.Key == row.Key);
                if (existing >= 0)
                {
                    at = existing + 1;
                    continue;
                }

                rows.Insert(at++, row);
            }
        }

        return rows;
    }

    /// <summary>
    /// Marks the largest figure of a row (each, when tied) when the row holds two figures or more that differ; a
    /// blank, "—" or "未公开" takes no part.
    /// </summary>
    public static IReadOnlyList<GridCell> MarkLargest(IReadOnlyList<GridCell> cells)
    {
        var numbers = cells.Select(c => decimal.TryParse(c.Text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (decimal?)null).ToList();
        var present = numbers.Where(n => n is not null).Select(n => n!.Value).ToList();
        if (present.Count < 2 || present.Max() == present.Min())
        {
            return cells;
        }

        var max = present.Max();
        return cells.Select((c, i) => numbers[i] == max ? c with { Largest = true } : c).ToList();
    }

    private static GridCell Cell(AnnualReport? document, IReadOnlyDictionary<CellRef, EffectiveFigure>? effective, ReportTableId table, string row, ColumnDefinition column)
    {
        if (document is null)
        {
            return new GridCell("未公开", Title: "该机关本年度没有已公开的报告");
        }

        var t = document.Table(table);
        if (!t.Layout.Contains(row, column.Key))
        {
            return new GridCell("—", Title: "该报告的格式没有此项");
        }

        if (effective!.TryGetValue(new CellRef(row, column.Key), out var figure) && figure.IsDerived)
        {
            return new GridCell(figure.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Title: $"{figure.Reason}，按分项推算；见该报告的数据核对提示", Mark: EffectiveFigure.DerivedMark,
                MarkHref: $"/reports/{document.Agency.Slug}/{document.Year}#{Reports.TableFindings.IdFor(table)}");
        }

        var value = t[row, column.Key];
        return value.IsBlank ? new GridCell("空白", Title: "原报告未填写") : new GridCell(value.Format(column.Kind));
    }

    private static string Caption(ReportTableId table) => table switch
    {
        ReportTableId.Proactive => "表二 主动公开政府信息情况",
        ReportTableId.Applications => "表三 收到和处理政府信息公开申请情况",
        _ => "表四 政府信息公开行政复议、行政诉讼情况",
    };
}
