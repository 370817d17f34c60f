using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;

namespace Disclosure.Domain.Register;

/// <summary>What counting needs of one application (a narrow projection: the query reads only these columns).</summary>
public readonly record struct CountedApplication(
    ApplicantType ApplicantType,
    DateOnly ReceivedOn,
    DateOnly? AnsweredOn,
    string? Outcome,
    bool Voided);

/// <summary>
/// Table 三 of year Y from the register (register.md): 一 received in Y; 二 received before Y and not answered
/// before 1 January Y; 三 answered in Y by outcome, （七） their sum; 四 received in or before Y and not answered
/// by 31 December Y. Columns by 申请人类型, 总计 their sum. A voided application counts nowhere. Hence
/// 一 + 二 = 三（七） + 四 in every column, and next year's 二 = this year's 四.
/// </summary>
public static class RegisterCount
{
    /// <summary>The first and last day an application must touch to count in year Y (for a query's WHERE).</summary>
    public static (DateOnly ReceivedOnOrBefore, DateOnly OpenOnOrAfter) Window(int year) =>
        (new DateOnly(year, 12, 31), new DateOnly(year, 1, 1));

    /// <summary>The rows of year Y's table 三 an application is counted in (empty when it is not counted).</summary>
    public static IReadOnlyList<string> RowsOf(CountedApplication application, int year)
    {
        if (application.Voided || application.ReceivedOn.Year > year)
        {
            return [];
        }

        var answered = application.AnsweredOn;
        if (answered is { } done && done.Year < year)
        {
            return [];
        }

        var rows = new List<string>(3);
        rows.Add(application.ReceivedOn.Year == year ? A.Rows.New : A.Rows.CarriedOver);
        if (answered?.Year == year)
        {
            rows.Add(ResultRow(application.Outcome!, year));
            rows.Add(A.Rows.TotalProcessed);
        }
        else
        {
            rows.Add(A.Rows.CarriedForward);
        }

        return rows;
    }

    /// <summary>Whether an application is counted in cell (row, column) of year Y's table (the cell drill-down).</summary>
    public static bool IsCountedIn(CountedApplication application, int year, string row, string column) =>
        (column == A.Columns.Total || column == application.ApplicantType.ColumnKey())
        && RowsOf(application, year).Contains(row);

    /// <summary>
    /// Table 三 of <paramref name="year"/>: every cell a count (zero, never blank), in the layout of that year's
    /// format (2021 from 2021 on; before, the single （六）其他处理 row takes other_1…other_3).
    /// </summary>
    public static ReportTable Table(int year, IEnumerable<CountedApplication> applications)
    {
        var layout = RegisterVocabulary.LayoutFor(year);
        var counts = new Dictionary<(string Row, string Column), long>();
        foreach (var application in applications)
        {
            var column = application.ApplicantType.ColumnKey();
            foreach (var row in RowsOf(application, year))
            {
                counts[(row, column)] = counts.GetValueOrDefault((row, column)) + 1;
                counts[(row, A.Columns.Total)] = counts.GetValueOrDefault((row, A.Columns.Total)) + 1;
            }
        }

        var table = new ReportTable(layout);
        foreach (var row in layout.Rows)
        {
            foreach (var column in row.Columns)
            {
                table[row.Key, column.Key] = CellValue.Of(counts.GetValueOrDefault((row.Key, column.Key)));
            }
        }

        return table;
    }

    /// <summary>The result row an outcome counts in, in the layout of <paramref name="year"/>.</summary>
    public static string ResultRow(string outcome, int year)
    {
        var layout = RegisterVocabulary.LayoutFor(year);
        return layout.Row(outcome) is not null ? outcome
            : outcome.StartsWith("other_", StringComparison.Ordinal) && layout.Row(A.Rows.Other) is not null ? A.Rows.Other
            : throw new ArgumentException($"'{outcome}' is not a result row of table 三.", nameof(outcome));
    }

    /// <summary>The layout table 三 of a year takes when computed from the register.</summary>
    public static TableLayout LayoutFor(int year) => RegisterVocabulary.LayoutFor(year);
}
