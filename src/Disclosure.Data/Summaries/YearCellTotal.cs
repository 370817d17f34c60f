using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Data.Summaries;

/// <summary>
/// One cell of a year's totals: the sum of that cell over the year's current published versions of one format, and
/// how many of them have a number there (blank is not zero: a cell no report filled has a count of 0). Each report
/// adds its effective figure (ADR 0016): a blank or disagreeing printed 总计 counts as the sum of its parts, and
/// <see cref="Derived"/> counts the reports for which it does. Kept up to date when a version becomes current or
/// stops being current.
/// </summary>
public sealed class YearCellTotal
{
    private YearCellTotal()
    {
        Row = "";
        Column = "";
    }

    internal YearCellTotal(int year, ReportFormat format, ReportTableId table, string row, string column)
    {
        Year = year;
        Format = format;
        Table = table;
        Row = row;
        Column = column;
    }

    public int Year { get; private set; }

    public ReportFormat Format { get; private set; }

    public ReportTableId Table { get; private set; }

    public string Row { get; private set; }

    public string Column { get; private set; }

    public long Sum { get; private set; }

    public int Count { get; private set; }

    /// <summary>How many of the reports counted add a figure derived from its parts (按分项推算), not the printed one.</summary>
    public int Derived { get; private set; }

    internal void Add(long value, bool derived, int sign)
    {
        Sum = checked(Sum + (sign * value));
        Count += sign;
        Derived += derived ? sign : 0;
    }

    internal void Set(long sum, int count, int derived)
    {
        Sum = sum;
        Count = count;
        Derived = derived;
    }
}
