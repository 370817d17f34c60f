namespace Disclosure.Domain.Reports.Layouts;

/// <summary>Why an aggregate does not take a printed figure as it stands.</summary>
public enum TotalIssue
{
    /// <summary>The printed figure is used: it is not a total, or it agrees with its parts, or it has no filled parts.</summary>
    None,

    /// <summary>The 总计 is blank (未填写) while some of its parts hold numbers: the sum of the parts is used.</summary>
    TotalBlank,

    /// <summary>The printed 总计 differs from the sum of its parts: the sum of the parts is used.</summary>
    TotalDisagrees,
}

/// <summary>
/// The figure an aggregate uses for one cell of a published report (ADR 0016). <see cref="Value"/> null means
/// unknown: the cell is blank and nothing it adds up from is filled — never 0.
/// </summary>
public readonly record struct EffectiveFigure(long? Value, long? Printed, TotalIssue Issue)
{
    /// <summary>True when <see cref="Value"/> is the sum of the parts, not the printed 总计 (按分项推算).</summary>
    public bool IsDerived => Issue != TotalIssue.None;

    /// <summary>The short mark an aggregate shows beside a derived figure.</summary>
    public const string DerivedMark = "按分项推算";

    /// <summary>Why a derived figure was derived, for a reader: "总计未填写" or "原表总计为 0".</summary>
    public string Reason => Issue switch
    {
        TotalIssue.TotalBlank => "总计未填写",
        TotalIssue.TotalDisagrees => $"原表总计为 {Printed?.ToString(System.Globalization.CultureInfo.InvariantCulture)}，与分项之和不符",
        _ => "",
    };
}

/// <summary>
/// The one rule every aggregate (statistics, rankings, breakdowns, trends, compare, the year downloads) applies to a
/// published report's totals (ADR 0016), over the <see cref="TotalDefinition"/>s of its <see cref="TableLayout"/>:
/// <list type="bullet">
/// <item>a figure that is not a total, or a total that agrees with the sum of its parts, or a total none of whose parts
/// is filled, is used as printed (blank stays blank: unknown, not 0);</item>
/// <item>a total that is blank while parts are filled, or that differs from the sum of its parts, is replaced by the
/// sum of the parts and marked (<see cref="EffectiveFigure.DerivedMark"/>); the report's own consistency finding
/// (R2/R3/R4 on that cell, or S1 for a blank) says what was printed.</item>
/// </list>
/// The parts of a total of totals (table 三's （七）总计 of the 总计 column) are themselves effective figures, as
/// <see cref="ReportTotals"/> computes an entered report's totals. The printed report is never changed.
/// </summary>
public static class EffectiveTotals
{
    /// <summary>The effective figure of one cell.</summary>
    public static EffectiveFigure Of(ReportTable table, string row, string column) =>
        Of(table, new CellRef(row, column), []);

    /// <summary>The effective figure of every numeric cell of the table, in printed order.</summary>
    public static IReadOnlyDictionary<CellRef, EffectiveFigure> For(ReportTable table)
    {
        var memo = new Dictionary<CellRef, EffectiveFigure>();
        foreach (var row in table.Layout.Rows)
        {
            foreach (var column in row.Columns.Where(c => c.Kind != CellKind.Text))
            {
                Of(table, new CellRef(row.Key, column.Key), memo);
            }
        }

        return memo;
    }

    /// <summary>The cells of <paramref name="table"/> whose effective figure is derived from its parts.</summary>
    public static IEnumerable<(CellRef Cell, EffectiveFigure Figure)> Derived(ReportTable table) =>
        For(table).Where(kv => kv.Value.IsDerived).Select(kv => (kv.Key, kv.Value));

    private static EffectiveFigure Of(ReportTable table, CellRef cell, Dictionary<CellRef, EffectiveFigure> memo)
    {
        if (memo.TryGetValue(cell, out var known))
        {
            return known;
        }

        var printed = table.Number(cell.Row, cell.Column);
        var figure = new EffectiveFigure(printed, printed, TotalIssue.None);
        if (table.Layout.ComputedBy(cell) is { } definition)
        {
            // The layouts' totals are acyclic (a total of totals names other cells), so this recursion ends.
            var parts = Blanks.Sum(definition.Parts.Select(p => Of(table, p, memo).Value));
            if (parts is { } sum && printed != sum)
            {
                figure = new EffectiveFigure(sum, printed, printed is null ? TotalIssue.TotalBlank : TotalIssue.TotalDisagrees);
            }
        }

        memo[cell] = figure;
        return figure;
    }
}
