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

    /// <summary>The leaf result rows summed by （七）总计 (rule R2): 21 in 2021, 19 with the single （六） row (（一）–（六）; the 22-row merged cell of the printed table also spans （七）).</summary>
    public static IReadOnlyList<string> ResultLeafRows(TableLayout layout) =>
        layout.Rows
            .SkipWhile(r => r.Key != Rows.Granted)
            .TakeWhile(r => r.Key != Rows.TotalProcessed)
            .Select(r => r.Key)
            .ToArray();

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
        return new TableLayout(ReportTableId.Applications, Title, rows);
    }
}
