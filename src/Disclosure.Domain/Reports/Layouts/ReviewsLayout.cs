using Disclosure.Domain.Rules;

namespace Disclosure.Domain.Reports.Layouts;

/// <summary>Table 四 — 政府信息公开行政复议、行政诉讼情况: three groups of five cells, the same in every format.</summary>
public static class ReviewsLayout
{
    public const string Title = "四、政府信息公开行政复议、行政诉讼情况";
    public const string ReviewHeader = "行政复议";
    public const string LitigationHeader = "行政诉讼";

    public static class Groups
    {
        public const string AdministrativeReview = "administrative_review";
        public const string LitigationDirect = "litigation_direct";
        public const string LitigationAfterReview = "litigation_after_review";
    }

    public static class Fields
    {
        public const string Upheld = "upheld";
        public const string Corrected = "corrected";
        public const string Other = "other";
        public const string Pending = "pending";
        public const string Total = "total";
    }

    public static readonly IReadOnlyList<ColumnDefinition> GroupFields =
    [
        new(Fields.Upheld, "结果维持"),
        new(Fields.Corrected, "结果纠正"),
        new(Fields.Other, "其他结果"),
        new(Fields.Pending, "尚未审结"),
        new(Fields.Total, "总计"),
    ];

    /// <summary>The four fields whose sum is 总计 (rule R4).</summary>
    public static readonly IReadOnlyList<string> PartFields = GroupFields.Take(4).Select(c => c.Key).ToArray();

    private static readonly RowDefinition[] GroupRows =
    [
        new(Groups.AdministrativeReview, "行政复议", GroupFields, ReviewHeader),
        new(Groups.LitigationDirect, "未经复议直接起诉", GroupFields, LitigationHeader),
        new(Groups.LitigationAfterReview, "复议后起诉", GroupFields, LitigationHeader),
    ];

    public static readonly TableLayout Layout = new(ReportTableId.Reviews, Title, GroupRows, Print,
        GroupRows.Select(group => new TotalDefinition(ConsistencyRules.R4, new CellRef(group.Key, Fields.Total),
            PartFields.Select(f => new CellRef(group.Key, f)).ToArray())).ToArray());

    /// <summary>
    /// One row of fifteen figures under two header levels: 行政复议 over its five fields; 行政诉讼 over its two groups,
    /// each over five fields.
    /// </summary>
    private static PrintedTable Print(IReadOnlyList<RowDefinition> groups)
    {
        var review = groups[0];
        var suits = groups.Skip(1).ToArray();
        return new PrintedTableBuilder(ReportTableId.Reviews, "政府信息公开行政复议、行政诉讼情况",
                [.. groups.SelectMany(g => g.Columns).Select(_ => new PrintedColumn(PrintedColumnRole.Data, 1))])
            .Header(
                new HeadingCell(review.Key, ReviewHeader, HeadingRole.ColumnGroup, ColSpan: review.Columns.Count),
                new HeadingCell("litigation", LitigationHeader, HeadingRole.ColumnGroup, ColSpan: suits.Sum(s => s.Columns.Count)))
            .Header([
                .. review.Columns.Select(f => new HeadingCell($"{review.Key}-{f.Key}", f.Label, HeadingRole.Column, RowSpan: 2)),
                .. suits.Select(s => new HeadingCell(s.Key, s.Label, HeadingRole.ColumnGroup, ColSpan: s.Columns.Count)),
            ])
            .Header([.. suits.SelectMany(s => s.Columns.Select(f => new HeadingCell($"{s.Key}-{f.Key}", f.Label, HeadingRole.Column)))])
            .Body([.. groups.SelectMany(g => g.Columns.Select(f => PrintedTableBuilder.Data(ReportTableId.Reviews, g.Key, f, g.Label)))])
            .Build();
    }
}
