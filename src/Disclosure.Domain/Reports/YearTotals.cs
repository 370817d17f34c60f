using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Reports;

/// <summary>
/// One cell summed over the year's reports of one format; <see cref="Derived"/>: how many of those reports put a figure
/// derived from its parts into the sum (ADR 0016).
/// </summary>
public sealed record FormatCellSum(ReportFormat Format, ReportTableId Table, string Row, string Column, long Sum, int Derived = 0);

/// <summary>
/// A year's reports of different formats added up into printed tables: which cells of which format add up to which
/// figure of the totals.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Tables 三 and 四 have the same cells in every format but one: 2021 prints （六）其他处理 as three items, 2019
/// and the hybrid format as one row. The totals print the 2021 rows while every report is 2021; as soon as one is not,
/// they print the single row, and the 2021 items add into it.</item>
/// <item>Table 二 has other rows and columns in 2019 than in 2021: 2021 and hybrid reports add into one table 二
/// (<see cref="Totals"/>), 2019 reports into a table 二 of their own (<see cref="Totals2019"/>). Nothing of one adds
/// into the other.</item>
/// <item>A summed cell the totals' layout does not have is not added.</item>
/// </list>
/// </remarks>
public sealed class YearTotals
{
    private static readonly AgencyRef _total = new("合计", "total");

    private readonly Dictionary<(ReportTableId Table, string Row, string Column), int> _derived = [];

    private YearTotals(int year, IReadOnlyDictionary<ReportFormat, int> reports)
    {
        Reports = reports;
        var singleOther = reports.Keys.Any(f => f != ReportFormat.Format2021);
        Totals = new AnnualReport(_total, year, singleOther ? ReportFormat.Hybrid : ReportFormat.Format2021, ReportScope.Jurisdiction, $"{year}年度合计");
        Totals2019 = reports.ContainsKey(ReportFormat.Format2019)
            ? new AnnualReport(_total, year, ReportFormat.Format2019, ReportScope.Jurisdiction, $"{year}年度合计")
            : null;
    }

    /// <summary>Tables 二 (2021 layout), 三 and 四 of all the year's reports.</summary>
    public AnnualReport Totals { get; }

    /// <summary>Table 二 of the 2019-format reports (null when there are none); its other tables stay blank.</summary>
    public AnnualReport? Totals2019 { get; }

    /// <summary>How many reports of each format were added.</summary>
    public IReadOnlyDictionary<ReportFormat, int> Reports { get; }

    /// <summary>How many reports add into <see cref="Totals"/>' table 二 (all but the 2019-format ones).</summary>
    public int ProactiveReports => Reports.Where(kv => kv.Key != ReportFormat.Format2019).Sum(kv => kv.Value);

    /// <summary>How many reports add into <see cref="Totals2019"/>' table 二.</summary>
    public int Proactive2019Reports => Reports.GetValueOrDefault(ReportFormat.Format2019);

    /// <summary>How many reports put a derived figure (ADR 0016) into a cell of <see cref="Totals"/>.</summary>
    public int DerivedIn(ReportTableId table, string row, string column) => _derived.GetValueOrDefault((table, row, column));

    /// <param name="year">The year.</param>
    /// <param name="reports">How many reports of each format the sums cover.</param>
    /// <param name="sums">Each format's sum of each cell.</param>
    public static YearTotals Add(int year, IReadOnlyDictionary<ReportFormat, int> reports, IEnumerable<FormatCellSum> sums)
    {
        var totals = new YearTotals(year, reports);
        foreach (var sum in sums)
        {
            totals.Add(sum);
        }

        return totals;
    }

    private void Add(FormatCellSum sum)
    {
        var (table, row) = sum.Table switch
        {
            ReportTableId.Proactive when sum.Format == ReportFormat.Format2019 => (Totals2019?.Proactive, sum.Row),
            ReportTableId.Applications when Totals.Format != ReportFormat.Format2021 && sum.Row.StartsWith("other_", StringComparison.Ordinal)
                => (Totals.Applications, ApplicationsLayout.Rows.Other),
            _ => (Totals.Table(sum.Table), sum.Row),
        };
        if (table is null || !table.Layout.Contains(row, sum.Column))
        {
            return;
        }

        table[row, sum.Column] = CellValue.Of(checked((table.Number(row, sum.Column) ?? 0) + sum.Sum));
        if (sum.Derived > 0 && table != Totals2019?.Proactive)
        {
            _derived[(table.Id, row, sum.Column)] = DerivedIn(table.Id, row, sum.Column) + sum.Derived;
        }
    }
}
