using System.Globalization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Reports;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>One finding as the clerk acts on it: what to check, in words, and the cell to go to (a cell one can type).</summary>
public sealed record StaffFinding(RuleViolation Finding, string Text, ReportTableId Table, string? CellId)
{
    /// <summary>The rule's plain name, then its code for cross-reference: "表三勾稽关系（R1）".</summary>
    public string RuleName => $"{ConsistencyRules.Name(Finding.RuleId)}（{Finding.RuleId}）";
}

/// <summary>
/// The findings of a draft for the people who fix them (the entry forms and the check page). The public wording
/// (<see cref="FindingText"/>) says what the table shows; this says where to look. R1 is said per column with both sums
/// and points at the column's 结转下年度继续办理, a cell the clerk types — not at （七）总计, which the portal computes;
/// and one mistake is one message: the 总计 column's R1 follows from the others and is left out when they have one.
/// </summary>
public static class StaffFindings
{
    public static IReadOnlyList<StaffFinding> For(IEnumerable<RuleViolation> findings, AnnualReport document)
    {
        var all = findings.ToList();
        var applications = document.Applications;
        var total = applications.Layout.Balances.Count > 0 ? applications.Layout.Balances[^1].Column : null;
        var dataColumnsOff = all.Any(f => f.RuleId == ConsistencyRules.R1 && f.ColumnKey != total);
        return all
            .Where(f => !(f.RuleId == ConsistencyRules.R1 && f.ColumnKey == total && dataColumnsOff))
            .Select(f => f.RuleId == ConsistencyRules.R1 && applications.Layout.Balances.FirstOrDefault(b => b.Column == f.ColumnKey) is { } balance
                ? Balance(f, balance, applications)
                : new StaffFinding(f, FindingText.Describe(f, document.Layout), f.Table, Typable(document.Table(f.Table).Layout, f.RowKey, f.ColumnKey)))
            .ToList();
    }

    private static StaffFinding Balance(RuleViolation finding, BalanceDefinition balance, ReportTable table)
    {
        var received = Blanks.Sum(balance.Received.Select(c => table.Number(c.Row, c.Column))) ?? 0;
        var settled = Blanks.Sum(balance.Settled.Select(c => table.Number(c.Row, c.Column))) ?? 0;
        var column = table.Layout.Rows.SelectMany(r => r.Columns).First(c => c.Key == balance.Column).Label;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"“{column}”列：一＋二＝{received}，三（七）＋四＝{settled}，相差 {Math.Abs(received - settled)}，请核对办理结果或结转下年度数。");
        var target = balance.Settled.Where(c => !table.Layout.IsComputed(c.Row, c.Column)).Select(c => (CellRef?)c).LastOrDefault();
        return new StaffFinding(finding, text, table.Id, target is { } cell ? CellId(cell.Row, cell.Column) : null);
    }

    /// <summary>The cell's input when one can type it; a computed total has none.</summary>
    private static string? Typable(TableLayout layout, string row, string? column) =>
        column is not null && layout.Row(row)?.Column(column) is not null && !layout.IsComputed(row, column) ? CellId(row, column) : null;

    public static string CellId(string row, string column) => $"f-Cells-{row}-{column}";
}
