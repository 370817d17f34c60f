using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using V = Disclosure.Domain.Reports.Layouts.ReviewsLayout;

namespace Disclosure.Domain.Reports;

/// <summary>
/// Computes the totals of a report entered in the portal: table 三's 总计 column and （七）总计 row, and table 四's
/// 总计 of each group. A total whose parts are all blank stays blank. Imported reports keep their printed totals.
/// </summary>
public static class ReportTotals
{
    public static void Apply(AnnualReport report)
    {
        var t = report.Applications;
        foreach (var row in t.Layout.Rows.Where(r => r.Key != A.Rows.TotalProcessed))
        {
            t[row.Key, A.Columns.Total] = CellValue.OfNullable(Blanks.Sum(A.ApplicantColumns.Select(c => t.Number(row.Key, c))));
        }

        var leaves = A.ResultLeafRows(t.Layout);
        foreach (var column in A.DataColumns)
        {
            t[A.Rows.TotalProcessed, column.Key] = CellValue.OfNullable(Blanks.Sum(leaves.Select(r => t.Number(r, column.Key))));
        }

        var v = report.Reviews;
        foreach (var group in v.Layout.Rows)
        {
            v[group.Key, V.Fields.Total] = CellValue.OfNullable(Blanks.Sum(V.PartFields.Select(f => v.Number(group.Key, f))));
        }
    }

    /// <summary>True for the cells this class computes (the entry forms show them read-only).</summary>
    public static bool IsComputed(Layouts.ReportTableId table, string row, string column) => table switch
    {
        Layouts.ReportTableId.Applications => row == A.Rows.TotalProcessed || column == A.Columns.Total,
        Layouts.ReportTableId.Reviews => column == V.Fields.Total,
        _ => false,
    };
}
