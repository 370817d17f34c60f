using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using F = Disclosure.Domain.Reports.Layouts.ReviewsLayout.Fields;

namespace Disclosure.Domain.Register.Cases;

/// <summary>What counting needs of one case (<see cref="ReviewCase.Counted"/>).</summary>
public readonly record struct CountedCase(CaseKind Kind, DateOnly FiledOn, DateOnly? ConcludedOn, CaseResult? Result, bool Counts);

/// <summary>
/// Table 四 of year Y from the case register (ADR 0020). A case counts in Y when it was filed on or before 31 December
/// Y and had not concluded before 1 January Y — the same window as table 三's applications. One concluded in Y
/// counts under its result (结果维持 / 结果纠正 / 其他结果); one still open on 31 December counts as 尚未审结, and again
/// the next year, under its result once it concludes. 总计 is the sum of the four. A voided case, and a suit in which
/// the office is only the review organ (201号), count nowhere.
/// </summary>
public static class CaseCount
{
    /// <summary>The field of year Y's table 四 a case counts in (its group is its kind), or null.</summary>
    public static string? FieldOf(CountedCase @case, int year)
    {
        if (!@case.Counts || @case.FiledOn.Year > year || @case.ConcludedOn?.Year < year)
        {
            return null;
        }

        return @case.ConcludedOn?.Year == year && @case.Result is { } result ? result.FieldKey() : F.Pending;
    }

    /// <summary>Whether a case is counted in cell (group, field) of year Y's table — the drill-down; 总计 holds every case of its group.</summary>
    public static bool IsCountedIn(CountedCase @case, int year, string group, string field) =>
        @case.Kind.GroupKey() == group && FieldOf(@case, year) is { } counted && (field == F.Total || field == counted);

    /// <summary>Table 四 of <paramref name="year"/>: every cell a count (zero, never blank).</summary>
    public static ReportTable Table(int year, IEnumerable<CountedCase> cases)
    {
        var table = new ReportTable(ReviewsLayout.Layout);
        foreach (var row in ReviewsLayout.Layout.Rows)
        {
            foreach (var column in row.Columns)
            {
                table[row.Key, column.Key] = CellValue.Of(0);
            }
        }

        foreach (var @case in cases)
        {
            if (FieldOf(@case, year) is { } field)
            {
                var group = @case.Kind.GroupKey();
                table[group, field] = CellValue.Of(table.Number(group, field)!.Value + 1);
                table[group, F.Total] = CellValue.Of(table.Number(group, F.Total)!.Value + 1);
            }
        }

        return table;
    }

    /// <summary>The first and last day a case must touch to count in year Y (for a query's WHERE).</summary>
    public static (DateOnly FiledOnOrBefore, DateOnly OpenOnOrAfter) Window(int year) => RegisterCount.Window(year);
}
