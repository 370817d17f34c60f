using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Reports;

/// <summary>One non-blank cell of a stored version: blank cells are not stored at all (blank is not zero).</summary>
public sealed class StoredCell
{
    public const int KeyMaxLength = 32;
    public const int TextMaxLength = 100;

    private StoredCell()
    {
        Row = "";
        Column = "";
    }

    public StoredCell(ReportTableId table, string row, string column, CellValue value)
    {
        Table = table;
        Row = row;
        Column = column;
        Number = value.Number;
        Text = value.Text;
    }

    public int ReportVersionId { get; private set; }

    public ReportTableId Table { get; private set; }

    public string Row { get; private set; }

    public string Column { get; private set; }

    /// <summary>A count, or 分 for a 万元 column.</summary>
    public long? Number { get; private set; }

    /// <summary>A value kept as printed (2019's 采购总金额).</summary>
    public string? Text { get; private set; }

    public CellValue Value => new(Number, Text);

    internal void Set(CellValue value)
    {
        Number = value.Number;
        Text = value.Text;
    }
}
