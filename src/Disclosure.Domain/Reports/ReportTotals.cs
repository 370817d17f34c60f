using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Reports;

/// <summary>
/// Computes the totals of a report entered in the portal, as each table's <see cref="TableLayout.Totals"/> defines
/// them (table 三's 总计 column and （七）总计 row, table 四's 总计 of each group). A total whose parts are all blank
/// stays blank. Imported reports keep their printed totals.
/// </summary>
public static class ReportTotals
{
    public static void Apply(AnnualReport report)
    {
        foreach (var table in report.Tables)
        {
            var computed = new Dictionary<CellRef, long?>();
            foreach (var total in table.Layout.Totals)
            {
                table[total.Total.Row, total.Total.Column] = CellValue.OfNullable(Value(table, total.Total, computed));
            }
        }
    }

    /// <summary>A computed cell's value from the typed cells (a total of totals is added up from its own parts).</summary>
    private static long? Value(ReportTable table, CellRef cell, Dictionary<CellRef, long?> computed)
    {
        if (table.Layout.ComputedBy(cell) is not { } definition)
        {
            return table.Number(cell.Row, cell.Column);
        }

        if (!computed.TryGetValue(cell, out var value))
        {
            value = Blanks.Sum(definition.Parts.Select(p => Value(table, p, computed)));
            computed[cell] = value;
        }

        return value;
    }
}
