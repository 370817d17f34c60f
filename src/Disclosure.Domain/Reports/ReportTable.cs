using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Reports;

/// <summary>One cell with its address.</summary>
public readonly record struct ReportCell(ReportTableId Table, string Row, string Column, CellValue Value);

/// <summary>The cells of one table, addressed by row and column key. Cells not set are blank.</summary>
public sealed class ReportTable
{
    private readonly Dictionary<(string Row, string Column), CellValue> _cells = [];

    public ReportTable(TableLayout layout)
    {
        Layout = layout;
    }

    public TableLayout Layout { get; }

    public ReportTableId Id => Layout.Id;

    public CellValue this[string row, string column]
    {
        get
        {
            EnsureCell(row, column);
            return _cells.GetValueOrDefault((row, column));
        }

        set
        {
            var definition = EnsureCell(row, column);
            if (value.Text is not null && definition.Kind != CellKind.Text)
            {
                throw new ArgumentException($"Cell {row}.{column} holds a number, not text.", nameof(value));
            }

            if (value.IsBlank)
            {
                _cells.Remove((row, column));
            }
            else
            {
                _cells[(row, column)] = value;
            }
        }
    }

    /// <summary>A shortcut for numeric cells.</summary>
    public long? Number(string row, string column) => this[row, column].Number;

    /// <summary>Every cell in printed order, blanks included.</summary>
    public IEnumerable<ReportCell> Cells =>
        from row in Layout.Rows
        from column in row.Columns
        select new ReportCell(Id, row.Key, column.Key, _cells.GetValueOrDefault((row.Key, column.Key)));

    public int BlankCount => Layout.CellCount - _cells.Count;

    private ColumnDefinition EnsureCell(string row, string column) =>
        Layout.Row(row)?.Column(column)
        ?? throw new KeyNotFoundException($"Table {(int)Id} of this format has no cell {row}.{column}.");
}
