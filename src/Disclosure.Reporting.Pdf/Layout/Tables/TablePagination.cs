namespace Disclosure.Reporting.Pdf.Layout.Tables;

/// <summary>
/// Splits the body rows of a measured table into page segments (the header rows repeat above each). A page never ends
/// with a sub-header row (「第二十条第（五）项」, 「信息内容」) and, where it can be helped, a break falls where every
/// row-group label it cuts (「三、本年度办理结果」, 「（五）不予处理」) has room for its text above the break and for its
/// text with 「（续）」 below it.
/// </summary>
internal sealed class TablePagination(TableMeasure measure, Func<int, bool> isSubHeader, IReadOnlyList<PlacedCell> groupLabels, Func<PlacedCell, double> continuedNeeded)
{
    private const double Epsilon = 0.01;

    /// <param name="firstRoom">Height left for body rows on the page the table starts on.</param>
    /// <param name="fullRoom">Height for body rows on a page of their own.</param>
    public List<(int First, int End)> Split(double firstRoom, double fullRoom)
    {
        var segments = new List<(int First, int End)>();
        var rowHeights = measure.RowHeights;
        var rowCount = rowHeights.Length;
        var headerRows = measure.HeaderRows;
        var first = headerRows;
        var room = firstRoom;
        var used = 0.0;
        for (var r = headerRows; r < rowCount; r++)
        {
            if (used + rowHeights[r] > room + Epsilon && r > first)
            {
                var breakAt = ChooseBreak(first, r, room, fullRoom);
                segments.Add((first, breakAt));
                first = breakAt;
                used = measure.Rows(breakAt, r);
                room = fullRoom;
            }

            used += rowHeights[r];
        }

        segments.Add((first, rowCount));
        return segments;
    }

    /// <summary>The row to start the next page with, at or before <paramref name="overflow"/> (the first row that does not fit).</summary>
    private int ChooseBreak(int first, int overflow, double room, double fullRoom)
    {
        // Do not give up more than two thirds of the page to keep a label whole.
        for (var b = overflow; b > first && measure.Rows(first, b) >= room / 3; b--)
        {
            if (!isSubHeader(b - 1) && LabelsFit(first, b, fullRoom))
            {
                return b;
            }
        }

        var fallback = overflow;
        while (fallback - 1 > first && isSubHeader(fallback - 1))
        {
            fallback--;
        }

        return fallback;
    }

    private bool LabelsFit(int first, int breakAt, double fullRoom)
    {
        foreach (var cell in groupLabels)
        {
            if (cell.Row < breakAt && cell.EndRow > breakAt)
            {
                var above = measure.Rows(Math.Max(cell.Row, first), breakAt);
                var below = Math.Min(measure.Rows(breakAt, cell.EndRow), fullRoom);
                if (above + Epsilon < cell.Needed || below + Epsilon < continuedNeeded(cell))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
