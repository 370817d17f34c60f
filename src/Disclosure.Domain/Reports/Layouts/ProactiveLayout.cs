namespace Disclosure.Domain.Reports.Layouts;

/// <summary>Table 二 — 主动公开政府信息情况, in the 2021 and the 2019 layout.</summary>
public static class ProactiveLayout
{
    public const string Title = "二、主动公开政府信息情况";

    public const string Article20Item1 = "第二十条第（一）项";
    public const string Article20Item5 = "第二十条第（五）项";
    public const string Article20Item6 = "第二十条第（六）项";
    public const string Article20Item8 = "第二十条第（八）项";
    public const string Article20Item9 = "第二十条第（九）项";

    public static class Rows
    {
        public const string Regulations = "regulations";
        public const string NormativeDocuments = "normative_documents";
        public const string Licensing = "licensing";
        public const string OtherServices = "other_services";
        public const string Penalty = "penalty";
        public const string Enforcement = "enforcement";
        public const string Fees = "fees";
        public const string Procurement = "procurement";
    }

    public static class Columns
    {
        public const string Issued = "issued";
        public const string Repealed = "repealed";
        public const string InForce = "in_force";
        public const string Decisions = "decisions";
        public const string AmountWanYuan = "amount_wan_yuan";

        public const string Produced = "produced";
        public const string Published = "published";
        public const string TotalPublic = "total_public";
        public const string PreviousItems = "previous_items";
        public const string Change = "change";
        public const string Items = "items";
        public const string Amount = "amount";
    }

    /// <summary>The header cell over the row labels of every block.</summary>
    public const string ContentHeader = "信息内容";

    public static readonly TableLayout Format2021 = Build2021();

    public static readonly TableLayout Format2019 = Build2019();

    private static TableLayout Build2021()
    {
        ColumnDefinition[] documents =
        [
            new(Columns.Issued, "本年制发件数"),
            new(Columns.Repealed, "本年废止件数"),
            new(Columns.InForce, "现行有效件数"),
        ];
        ColumnDefinition[] decisions = [new(Columns.Decisions, "本年处理决定数量")];
        ColumnDefinition[] fees = [new(Columns.AmountWanYuan, "本年收费金额（单位：万元）", CellKind.WanYuan)];
        return new TableLayout(ReportTableId.Proactive, Title,
        [
            new(Rows.Regulations, "规章", documents, Article20Item1),
            new(Rows.NormativeDocuments, "行政规范性文件", documents, Article20Item1),
            new(Rows.Licensing, "行政许可", decisions, Article20Item5),
            new(Rows.Penalty, "行政处罚", decisions, Article20Item6),
            new(Rows.Enforcement, "行政强制", decisions, Article20Item6),
            new(Rows.Fees, "行政事业性收费", fees, Article20Item8),
        ], Print);
    }

    /// <summary>
    /// One block per article of the 条例 (第二十条第（一）项 …): a shaded heading across the table, a header row
    /// (信息内容 and the block's columns), its rows. A block with fewer than three columns widens its last one.
    /// </summary>
    private static PrintedTable Print(IReadOnlyList<RowDefinition> rows)
    {
        const int valueColumns = 3;
        var builder = new PrintedTableBuilder(ReportTableId.Proactive, "主动公开政府信息情况",
            [new(PrintedColumnRole.Label, 1.6), .. Enumerable.Repeat(new PrintedColumn(PrintedColumnRole.Data, 1), valueColumns)]);
        var number = 0;
        foreach (var block in rows.GroupBy(r => r.Group ?? ""))
        {
            var key = $"b{++number}";
            var columns = block.First().Columns;
            builder.Section()
                .Header(new HeadingCell(key, block.Key, HeadingRole.Block, ColSpan: valueColumns + 1, Strong: true))
                .Header([
                    new HeadingCell($"{key}-content", ContentHeader, HeadingRole.Column, Strong: true),
                    .. columns.Select((c, i) => new HeadingCell($"{key}-{c.Key}", c.Label, HeadingRole.Column, ColSpan: Span(i, columns.Count), Strong: true)),
                ]);
            foreach (var row in block)
            {
                builder.Body([
                    new HeadingCell("r-" + row.Key, row.Label, HeadingRole.Row),
                    .. row.Columns.Select((c, i) => PrintedTableBuilder.Data(ReportTableId.Proactive, row.Key, c, row.Label, Span(i, row.Columns.Count))),
                ]);
            }
        }

        return builder.Build();

        static int Span(int index, int count) => index == count - 1 ? valueColumns - count + 1 : 1;
    }

    private static TableLayout Build2019()
    {
        ColumnDefinition[] documents =
        [
            new(Columns.Produced, "本年新制作数量"),
            new(Columns.Published, "本年新公开数量"),
            new(Columns.TotalPublic, "对外公开总数量"),
        ];
        ColumnDefinition[] items =
        [
            new(Columns.PreviousItems, "上一年项目数量"),
            new(Columns.Change, "本年增/减", CellKind.SignedCount),
            new(Columns.Decisions, "处理决定数量"),
        ];
        ColumnDefinition[] fees =
        [
            new(Columns.PreviousItems, "上一年项目数量"),
            new(Columns.Change, "本年增/减", CellKind.SignedCount),
        ];
        ColumnDefinition[] procurement =
        [
            new(Columns.Items, "采购项目数量"),
            new(Columns.Amount, "采购总金额", CellKind.Text),
        ];
        return new TableLayout(ReportTableId.Proactive, Title,
        [
            new(Rows.Regulations, "规章", documents, Article20Item1),
            new(Rows.NormativeDocuments, "规范性文件", documents, Article20Item1),
            new(Rows.Licensing, "行政许可", items, Article20Item5),
            new(Rows.OtherServices, "其他对外管理服务事项", items, Article20Item5),
            new(Rows.Penalty, "行政处罚", items, Article20Item6),
            new(Rows.Enforcement, "行政强制", items, Article20Item6),
            new(Rows.Fees, "行政事业性收费", fees, Article20Item8),
            new(Rows.Procurement, "政府集中采购", procurement, Article20Item9),
        ], Print);
    }
}
