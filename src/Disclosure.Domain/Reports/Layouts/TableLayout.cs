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

/// <summary>
/// A figure the official form defines as the sum of others (总计), with the rule that checks it in a published
/// report. Entered reports get it computed; the entry form shows it read-only and adds it up as one types.
/// </summary>
public sealed record TotalDefinition(string RuleId, CellRef Total, IReadOnlyList<CellRef> Parts);

/// <summary>
/// An equality the form states between two sums in one column (table 三's 勾稽关系: 一 + 二 = 三（七） + 四).
/// A break is reported at <paramref name="ReportedAt"/>, the figure most often typed wrong.
/// </summary>
public sealed record BalanceDefinition(string RuleId, string Label, string Column, IReadOnlyList<CellRef> Received, IReadOnlyList<CellRef> Settled, CellRef ReportedAt);

/// <summary>
/// The rows and columns of one table in one format, in printed order; how it is printed (<see cref="Printed"/>);
/// which of its figures are totals of which (<see cref="Totals"/>) and which sums must balance (<see cref="Balances"/>).
/// </summary>
public sealed class TableLayout
{
    private readonly Dictionary<string, RowDefinition> _byKey;
    private readonly Dictionary<CellRef, TotalDefinition> _computedBy = [];

    public TableLayout(
        ReportTableId id,
        string title,
        IReadOnlyList<RowDefinition> rows,
        Func<IReadOnlyList<RowDefinition>, PrintedTable> print,
        IReadOnlyList<TotalDefinition>? totals = null,
        IReadOnlyList<BalanceDefinition>? balances = null)
    {
        Id = id;
        Title = title;
        Rows = rows;
        _byKey = rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        Totals = totals ?? [];
        Balances = balances ?? [];
        foreach (var total in Totals)
        {
            _computedBy.TryAdd(total.Total, total);
        }

        Printed = print(rows);
        Check();
    }

    public ReportTableId Id { get; }

    public string Title { get; }

    public IReadOnlyList<RowDefinition> Rows { get; }

    /// <summary>The table as the official form prints it.</summary>
    public PrintedTable Printed { get; }

    /// <summary>Every total the form defines, in the order its rule reports them.</summary>
    public IReadOnlyList<TotalDefinition> Totals { get; }

    public IReadOnlyList<BalanceDefinition> Balances { get; }

    public RowDefinition? Row(string key) => _byKey.GetValueOrDefault(key);

    public bool Contains(string row, string column) => Row(row)?.Column(column) is not null;

    public int CellCount => Rows.Sum(r => r.Columns.Count);

    /// <summary>True for a figure the portal computes for an entered report (a 总计).</summary>
    public bool IsComputed(string row, string column) => _computedBy.ContainsKey(new CellRef(row, column));

    /// <summary>The definition the portal computes <paramref name="cell"/> by (the first that names it), or null.</summary>
    public TotalDefinition? ComputedBy(CellRef cell) => _computedBy.GetValueOrDefault(cell);

    private void Check()
    {
        var printed = Printed.DataCells.Select(c => c.Ref).ToList();
        var defined = Rows.SelectMany(r => r.Columns.Select(c => new CellRef(r.Key, c.Key))).ToList();
        if (printed.Count != defined.Count || !printed.ToHashSet().SetEquals(defined))
        {
            throw new InvalidOperationException($"{TableNumbers.Name(Id)}: the printed table does not show each cell exactly once.");
        }

        var referenced = Totals.SelectMany(t => t.Parts.Append(t.Total))
            .Concat(Balances.SelectMany(b => b.Received.Concat(b.Settled).Append(b.ReportedAt)));
        if (referenced.FirstOrDefault(c => !Contains(c.Row, c.Column)) is { Row: not null } missing)
        {
            throw new InvalidOperationException($"{TableNumbers.Name(Id)}: a total names {missing}, which the table does not have.");
        }
    }
}
