namespace Disclosure.Web.Features.Shared;

/// <summary>
/// A plain data table for the statistics, comparison and trend pages: row headers on the left, one header per
/// column, cells as text. Rendered by <c>Features/Shared/_GridTable.cshtml</c> with scope attributes for screen readers.
/// </summary>
public sealed record GridTable(string Id, string Caption, IReadOnlyList<string> ColumnHeaders, IReadOnlyList<GridRow> Rows, string RowHeader = "项目")
{
    /// <summary>Columns enough to need a sideways scroll on a phone: the table keeps a minimum width there and says it scrolls.</summary>
    public bool Wide => ColumnHeaders.Count >= 5;
}

/// <summary>One row: its header, an optional group label shown above a run of rows, and the cells.</summary>
public sealed record GridRow(string Label, IReadOnlyList<GridCell> Cells, string? Group = null, string? Key = null);

/// <summary>
/// One cell; <paramref name="Flag"/> marks a cell a consistency rule points at; <paramref name="Mark"/> is a short note
/// shown after the figure (按分项推算, ADR 0016), a link to <paramref name="MarkHref"/> (the finding) when given.
/// </summary>
public sealed record GridCell(string Text, bool Flag = false, string? Title = null, string? Mark = null, string? MarkHref = null)
{
    /// <summary>The largest figure of its row (a comparison): shown bold with "▲" and a hidden "本行最大", not by colour alone.</summary>
    public bool Largest { get; init; }
}
