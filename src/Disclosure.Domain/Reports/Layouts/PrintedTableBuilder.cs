namespace Disclosure.Domain.Reports.Layouts;

/// <summary>
/// Assembles a <see cref="PrintedTable"/> row by row, then places every cell on the grid: it checks that each row
/// fills the width exactly and no spans overlap, and gives each data cell the keys of the headings over and beside it
/// (the row headings to its left whose rows cover it, then the column headings of its section whose columns cover it).
/// </summary>
internal sealed class PrintedTableBuilder(ReportTableId id, string caption, IReadOnlyList<PrintedColumn> columns)
{
    private readonly List<List<PrintedRow>> _sections = [];

    public PrintedTableBuilder Section()
    {
        _sections.Add([]);
        return this;
    }

    public PrintedTableBuilder Header(params PrintedCell[] cells) => Add(PrintedRowRole.Header, cells);

    public PrintedTableBuilder Body(params PrintedCell[] cells) => Add(PrintedRowRole.Body, cells);

    /// <summary>A data cell whose headings are filled in by <see cref="Build"/>.</summary>
    public static DataCell Data(ReportTableId table, string row, ColumnDefinition column, string rowText, int colSpan = 1) =>
        new(new CellRef(row, column.Key), column.Kind, $"{TableNumbers.Name(table)} {rowText}·{column.Label}", [], colSpan);

    public PrintedTable Build() =>
        new(id, caption, columns, _sections.Select(rows => new PrintedSection(Resolve(rows))).ToArray());

    private PrintedTableBuilder Add(PrintedRowRole role, PrintedCell[] cells)
    {
        if (_sections.Count == 0)
        {
            Section();
        }

        _sections[^1].Add(new PrintedRow(role, cells));
        return this;
    }

    private PrintedRow[] Resolve(List<PrintedRow> rows)
    {
        var width = columns.Count;
        var taken = new bool[rows.Count, width];
        var placed = new List<(PrintedCell Cell, int Row, int Column, PrintedRowRole Role)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (c < width && taken[r, c])
                {
                    c++;
                }

                if (c + cell.ColSpan > width || r + cell.RowSpan > rows.Count)
                {
                    throw new InvalidOperationException($"{TableNumbers.Name(id)}: a cell in row {r + 1} of a section runs off the grid.");
                }

                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        if (taken[r + dr, c + dc])
                        {
                            throw new InvalidOperationException($"{TableNumbers.Name(id)}: cells overlap at row {r + dr + 1}, column {c + dc + 1}.");
                        }

                        taken[r + dr, c + dc] = true;
                    }
                }

                placed.Add((cell, r, c, rows[r].Role));
                c += cell.ColSpan;
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < width; c++)
            {
                if (!taken[r, c])
                {
                    throw new InvalidOperationException($"{TableNumbers.Name(id)}: row {r + 1} of a section leaves column {c + 1} empty.");
                }
            }
        }

        var resolved = new Dictionary<DataCell, DataCell>(ReferenceEqualityComparer.Instance);
        foreach (var (cell, r, c, _) in placed)
        {
            if (cell is not DataCell data)
            {
                continue;
            }

            var rowHeadings = placed
                .Where(p => p.Cell is HeadingCell { HeadsColumns: false } && p.Column < c && p.Row <= r && r < p.Row + p.Cell.RowSpan)
                .OrderBy(p => p.Column)
                .Select(p => ((HeadingCell)p.Cell).Key);
            var columnHeadings = placed
                .Where(p => p.Role == PrintedRowRole.Header && p.Cell is HeadingCell { HeadsColumns: true }
                    && p.Column < c + data.ColSpan && c < p.Column + p.Cell.ColSpan)
                .OrderBy(p => p.Row)
                .Select(p => ((HeadingCell)p.Cell).Key);
            resolved[data] = data with { Headings = [.. rowHeadings, .. columnHeadings] };
        }

        return rows
            .Select(row => row with { Cells = [.. row.Cells.Select(cell => cell is DataCell d ? resolved[d] : cell)] })
            .ToArray();
    }
}
