using Disclosure.Domain.Rules;

namespace Disclosure.Domain.Reports.Layouts;

/// <summary>Table 三 — 收到和处理政府信息公开申请情况: 7 applicant columns × 25 rows (2021) or 23 rows (2019, hybrid).</summary>
public static class ApplicationsLayout
{
    public const string Title = "三、收到和处理政府信息公开申请情况";

    /// <summary>The 3 × 3 merged top-left cell, verbatim.</summary>
    public const string BalanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public const string ApplicantHeader = "申请人情况";
    public const string OrganisationHeader = "法人或其他组织";
    public const string ResultsGroup = "三、本年度办理结果";

    public static class Columns
    {
        public const string NaturalPerson = "natural_person";
        public const string Commercial = "commercial";
        public const string Research = "research";
        public const string SocialWelfare = "social_welfare";
        public const string LegalServices = "legal_services";
        public const string OtherOrg = "other_org";
        public const string Total = "total";
    }

    public static class Rows
    {
        public const string New = "new";
        public const string CarriedOver = "carried_over";
        public const string Granted = "granted";
        public const string Partial = "partial";
        public const string Other = "other";
        public const string TotalProcessed = "total_processed";
        public const string CarriedForward = "carried_forward";
    }

    /// <summary>The seven data columns in printed order; 总计 last.</summary>
    public static readonly IReadOnlyList<ColumnDefinition> DataColumns =
    [
        new(Columns.NaturalPerson, "自然人"),
        new(Columns.Commercial, "商业企业"),
        new(Columns.Research, "科研机构"),
        new(Columns.SocialWelfare, "社会公益组织"),
        new(Columns.LegalServices, "法律服务机构"),
        new(Columns.OtherOrg, "其他"),
        new(Columns.Total, "总计"),
    ];

    /// <summary>The six applicant columns whose sum is 总计 (rule R3).</summary>
    public static readonly IReadOnlyList<string> ApplicantColumns = DataColumns.Take(6).Select(c => c.Key).ToArray();

    public static readonly TableLayout Format2021 = Build(singleOtherRow: false);

    /// <summary>2019 and hybrid: （六）其他处理 is one row.</summary>
    public static readonly TableLayout SingleOtherRow = Build(singleOtherRow: true);

    /// <summary>The label of the balance check the entry form shows under the table.</summary>
    public const string BalanceLabel = "勾稽关系（一＋二＝三（七）＋四）";

    /// <summary>The leaf result rows summed by （七）总计 (rule R2): 21 in 2021, 19 with the single （六） row (（一）–（六）; the 22-row merged cell of the printed table also spans （七）).</summary>
    public static IReadOnlyList<string> ResultLeafRows(IReadOnlyList<RowDefinition> rows) =>
        rows
            .SkipWhile(r => r.Key != Rows.Granted)
            .TakeWhile(r => r.Key != Rows.TotalProcessed)
            .Select(r => r.Key)
            .ToArray();

    /// <summary>The leaf result rows of <paramref name="layout"/>, as its R2 total defines them.</summary>
    public static IReadOnlyList<string> ResultLeafRows(TableLayout layout) =>
        layout.ComputedBy(new CellRef(Rows.TotalProcessed, Columns.NaturalPerson))!.Parts.Select(p => p.Row).ToArray();

    /// <summary>
    /// R2: （七）总计 = the result rows, in each column (the 总计 column included, so that it is computed from the
    /// computed row totals); then R3: 总计 = the six applicant columns, in each row.
    /// </summary>
    private static TotalDefinition[] Totals(IReadOnlyList<RowDefinition> rows)
    {
        var leaves = ResultLeafRows(rows);
        var results = DataColumns.Select(column => new TotalDefinition(ConsistencyRules.R2,
            new CellRef(Rows.TotalProcessed, column.Key), leaves.Select(r => new CellRef(r, column.Key)).ToArray()));
        var applicants = rows.Select(row => new TotalDefinition(ConsistencyRules.R3,
            new CellRef(row.Key, Columns.Total), ApplicantColumns.Select(c => new CellRef(row.Key, c)).ToArray()));
        return [.. results, .. applicants];
    }

    /// <summary>R1, in each of the seven columns.</summary>
    private static BalanceDefinition[] Balances() =>
        DataColumns.Select(column => new BalanceDefinition(ConsistencyRules.R1, BalanceLabel, column.Key,
            [new(Rows.New, column.Key), new(Rows.CarriedOver, column.Key)],
            [new(Rows.TotalProcessed, column.Key), new(Rows.CarriedForward, column.Key)],
            new CellRef(Rows.TotalProcessed, column.Key))).ToArray();

    /// <summary>
    /// The printed table: the 3 × 3 note and two header levels over the seven applicant columns; beside the figures,
    /// one label across three columns, or 「三、本年度办理结果」 printed vertically beside the result rows, with the
    /// （三）–（六） subgroups beside their numbered items.
    /// </summary>
    private static PrintedTable Print(IReadOnlyList<RowDefinition> rows)
    {
        PrintedColumn[] grid =
        [
            new(PrintedColumnRole.Label, 0.45), new(PrintedColumnRole.Label, 1.2), new(PrintedColumnRole.Label, 2.45),
            .. DataColumns.Select(_ => new PrintedColumn(PrintedColumnRole.Data, 0.85)),
        ];
        var builder = new PrintedTableBuilder(ReportTableId.Applications, "收到和处理政府信息公开申请情况", grid)
            .Header(new NoteCell(BalanceNote, RowSpan: 3, ColSpan: 3), new HeadingCell("applicant", ApplicantHeader, HeadingRole.ColumnGroup, ColSpan: 7))
            .Header(
                ColumnHeading(DataColumns[0], rowSpan: 2),
                new HeadingCell("org", OrganisationHeader, HeadingRole.ColumnGroup, ColSpan: 5),
                ColumnHeading(DataColumns[6], rowSpan: 2))
            .Header([.. DataColumns.Skip(1).Take(5).Select(c => ColumnHeading(c, rowSpan: 1))]);

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var previous = i > 0 ? rows[i - 1] : null;
            var cells = new List<PrintedCell>();
            if (row.Group is null)
            {
                cells.Add(new HeadingCell("r-" + row.Key, row.Label, HeadingRole.Row, ColSpan: 3, Strong: true));
            }
            else
            {
                if (previous?.Group != row.Group)
                {
                    cells.Add(new HeadingCell("results", row.Group, HeadingRole.Group, RowSpan: rows.Count(r => r.Group == row.Group), Strong: true));
                }

                if (row.Subgroup is null)
                {
                    cells.Add(new HeadingCell("r-" + row.Key, row.Label, HeadingRole.Row, ColSpan: 2));
                }
                else
                {
                    if (previous?.Subgroup != row.Subgroup)
                    {
                        var prefix = row.Key[..row.Key.IndexOf('_', StringComparison.Ordinal)];
                        cells.Add(new HeadingCell("sg-" + prefix, row.Subgroup, HeadingRole.Subgroup, RowSpan: rows.Count(r => r.Subgroup == row.Subgroup)));
                    }

                    cells.Add(new HeadingCell("r-" + row.Key, row.Label, HeadingRole.Item));
                }
            }

            var rowText = row.Subgroup + row.Label;
            cells.AddRange(row.Columns.Select(c => PrintedTableBuilder.Data(ReportTableId.Applications, row.Key, c, rowText)));
            builder.Body([.. cells]);
        }

        return builder.Build();

        static HeadingCell ColumnHeading(ColumnDefinition column, int rowSpan) =>
            new("c-" + column.Key, column.Label, HeadingRole.Column, RowSpan: rowSpan);
    }

    private static TableLayout Build(bool singleOtherRow)
    {
        var cols = DataColumns;
        var rows = new List<RowDefinition>
        {
            new(Rows.New, "一、本年新收政府信息公开申请数量", cols),
            new(Rows.CarriedOver, "二、上年结转政府信息公开申请数量", cols),
            new(Rows.Granted, "（一）予以公开", cols, ResultsGroup),
            new(Rows.Partial, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", cols, ResultsGroup),
        };

        void AddItems(string prefix, string subgroup, params string[] labels)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                rows.Add(new RowDefinition($"{prefix}_{i + 1}", $"{i + 1}.{labels[i]}", cols, ResultsGroup, subgroup));
            }
        }

        AddItems("deny", "（三）不予公开",
            "属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
            "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项");
        AddItems("unable", "（四）无法提供",
            "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确");
        AddItems("noproc", "（五）不予处理",
            "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息");
        if (singleOtherRow)
        {
            rows.Add(new RowDefinition(Rows.Other, "（六）其他处理", cols, ResultsGroup));
        }
        else
        {
            AddItems("other", "（六）其他处理",
                "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "其他");
        }

        rows.Add(new RowDefinition(Rows.TotalProcessed, "（七）总计", cols, ResultsGroup));
        rows.Add(new RowDefinition(Rows.CarriedForward, "四、结转下年度继续办理", cols));
        return new TableLayout(ReportTableId.Applications, Title, rows, Print, Totals(rows), Balances());
    }
}
