namespace Disclosure.Domain.Reports.Layouts;

/// <summary>The three statistical tables of the report, by the number of the section that holds them.</summary>
public enum ReportTableId
{
    /// <summary>二、主动公开政府信息情况.</summary>
    Proactive = 2,

    /// <summary>三、收到和处理政府信息公开申请情况.</summary>
    Applications = 3,

    /// <summary>四、政府信息公开行政复议、行政诉讼情况.</summary>
    Reviews = 4,
}

public sealed record ColumnDefinition(string Key, string Label, CellKind Kind = CellKind.Count);

/// <summary>
/// One printed row. <paramref name="Group"/> and <paramref name="Subgroup"/> are the merged label cells above or
/// beside it (e.g. 「三、本年度办理结果」 and 「（三）不予公开」), so the printed layout can be reproduced.
/// </summary>
public sealed record RowDefinition(
    string Key,
    string Label,
    IReadOnlyList<ColumnDefinition> Columns,
    string? Group = null,
    string? Subgroup = null)
{
    public ColumnDefinition? Column(string key) => Columns.FirstOrDefault(c => c.Key == key);
}

/// <summary>The rows and columns of one table in one format, in printed order.</summary>
public sealed class TableLayout
{
    private readonly Dictionary<string, RowDefinition> _byKey;

    public TableLayout(ReportTableId id, string title, IReadOnlyList<RowDefinition> rows)
    {
        Id = id;
        Title = title;
        Rows = rows;
        _byKey = rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
    }

    public ReportTableId Id { get; }

    public string Title { get; }

    public IReadOnlyList<RowDefinition> Rows { get; }

    public RowDefinition? Row(string key) => _byKey.GetValueOrDefault(key);

    public bool Contains(string row, string column) => Row(row)?.Column(column) is not null;

    public int CellCount => Rows.Sum(r => r.Columns.Count);
}
