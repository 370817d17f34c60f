using System.Globalization;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using P = Disclosure.Domain.Reports.Layouts.ProactiveLayout;
using V = Disclosure.Domain.Reports.Layouts.ReviewsLayout;

namespace Disclosure.Statistics.Benchmarks;

/// <summary>
/// Realistic made-up reports: figures scaled by the office's level, table 三 balanced (R1–R3), table 四 totals right
/// (R4), each year's 上年结转 equal to last year's 结转下年度 (R5) and 现行有效件数 continuous (S3) — except for a
/// deliberate few (about 1 in 60 reports) that break one rule, and a few with blank cells (S1).
/// </summary>
public sealed class SyntheticReports(int seed)
{
    internal static readonly string[] Cities = ["安平", "白河", "长宁", "丹阳", "东川", "凤台", "广安", "海宁", "河源", "衡阳", "建平", "金华", "乐平", "临川", "龙泉", "梅河", "南川", "宁远", "平山", "清河", "瑞昌", "三河", "尚志", "石门", "泰和", "桐城", "万宁", "武安", "新民", "兴城", "永安", "玉门", "枣阳", "彰武", "昭通", "肇东"];
    internal static readonly string[] Departments = ["发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "林业局", "城市管理局", "数据局", "信访局"];

    private readonly Random _random = new(seed);

    public sealed record AgencySeed(string Slug, string Name, AgencyLevel Level, int? ParentIndex);

    /// <summary>A province, its departments, cities with departments, counties with departments and townships.</summary>
    public static IReadOnlyList<AgencySeed> Agencies(int count)
    {
        var list = new List<AgencySeed> { new("gen-province", "示例省人民政府", AgencyLevel.ProvincialGovernment, null) };
        var cities = new List<int>();
        var counties = new List<int>();
        void Add(string slug, string name, AgencyLevel level, int? parent)
        {
            if (list.Count < count)
            {
                list.Add(new AgencySeed(slug, name, level, parent));
            }
        }

        for (var d = 0; d < Math.Min(Departments.Length, count / 50); d++)
        {
            Add($"gen-p-{d + 1}", "示例省" + Departments[d].Replace("局", "厅", StringComparison.Ordinal), AgencyLevel.ProvincialDepartment, 0);
        }

        var cityCount = Math.Max(1, Math.Min(Cities.Length, count / 150));
        for (var c = 0; c < cityCount && list.Count < count; c++)
        {
            cities.Add(list.Count);
            Add($"gen-c{c + 1}", $"{Cities[c]}市人民政府", AgencyLevel.CityGovernment, 0);
        }

        for (var i = 0; list.Count < count; i++)
        {
            var city = cities[i % cities.Count];
            var cityName = list[city].Name.Replace("人民政府", "", StringComparison.Ordinal);
            var n = i / cities.Count;
            if (n < Departments.Length / 2)
            {
                Add($"gen-c{cities.IndexOf(city) + 1}-d{n + 1}", cityName + Departments[n], AgencyLevel.CityDepartment, city);
            }
            else
            {
                var countyNumber = counties.Count + 1;
                counties.Add(list.Count);
                var countyName = $"{cityName}第{countyNumber}区";
                Add($"gen-k{countyNumber}", countyName + "人民政府", AgencyLevel.CountyGovernment, city);
                for (var d = 0; d < 12 && list.Count < count; d++)
                {
                    Add($"gen-k{countyNumber}-d{d + 1}", countyName + Departments[(d * 3 + countyNumber) % Departments.Length], AgencyLevel.CountyDepartment, counties[^1]);
                }

                for (var t = 0; t < 4 && list.Count < count; t++)
                {
                    Add($"gen-k{countyNumber}-t{t + 1}", $"{countyName}第{t + 1}街道办事处", AgencyLevel.Township, counties[^1]);
                }
            }
        }

        return list;
    }

    /// <summary>What last year's report left for this one: 结转 per column and 现行有效件数.</summary>
    public sealed class Carry
    {
        public Dictionary<string, long> CarriedForward { get; } = [];

        public long? RegulationsInForce { get; set; }

        public long? NormativeInForce { get; set; }
    }

    public AnnualReport Report(AgencySeed agency, int year, Carry carry)
    {
        var format = year < 2021 ? ReportFormat.Format2019 : (_random.Next(40) == 0 ? ReportFormat.Hybrid : ReportFormat.Format2021);
        var scope = agency.Level is AgencyLevel.ProvincialGovernment or AgencyLevel.CityGovernment or AgencyLevel.CountyGovernment
            ? ReportScope.Jurisdiction
            : ReportScope.Agency;
        var report = new AnnualReport(new AgencyRef(agency.Name, agency.Slug), year, format, scope, $"{agency.Name}{year}年政府信息公开工作年度报告")
        {
            PublishedOn = new DateOnly(year + 1, 1, 1 + _random.Next(30)),
            Sections = new ReportSections($"根据《中华人民共和国政府信息公开条例》规定，现发布{agency.Name}{year}年政府信息公开工作年度报告。", [], "（示例数据）", "（示例数据）"),
        };
        var scale = agency.Level switch
        {
            AgencyLevel.ProvincialGovernment => 400,
            AgencyLevel.CityGovernment => 120,
            AgencyLevel.ProvincialDepartment => 60,
            AgencyLevel.CountyGovernment => 40,
            AgencyLevel.CityDepartment => 15,
            AgencyLevel.CountyDepartment => 5,
            _ => 2,
        };
        Proactive(report, scale, carry);
        Applications(report, scale, carry);
        Reviews(report, scale);
        Break(report);
        return report;
    }

    private long Some(int scale) => _random.Next(0, scale + 1) + (_random.Next(4) == 0 ? _random.Next(0, scale * 3 + 1) : 0);

    private void Proactive(AnnualReport report, int scale, Carry carry)
    {
        var t = report.Proactive;
        if (t.Layout == P.Format2021)
        {
            long Documents(string row, long? before)
            {
                var start = before ?? _random.Next(0, scale);
                var issued = _random.Next(0, Math.Max(2, scale / 10));
                var repealed = Math.Min(_random.Next(0, 2), start + issued);
                var inForce = start + issued - repealed;
                t[row, P.Columns.Issued] = CellValue.Of(issued);
                t[row, P.Columns.Repealed] = CellValue.Of(repealed);
                t[row, P.Columns.InForce] = CellValue.Of(inForce);
                return inForce;
            }

            carry.RegulationsInForce = Documents(P.Rows.Regulations, carry.RegulationsInForce);
            carry.NormativeInForce = Documents(P.Rows.NormativeDocuments, carry.NormativeInForce);
            t[P.Rows.Licensing, P.Columns.Decisions] = CellValue.Of(Some(scale * 20));
            t[P.Rows.Penalty, P.Columns.Decisions] = CellValue.Of(Some(scale * 10));
            t[P.Rows.Enforcement, P.Columns.Decisions] = CellValue.Of(Some(scale));
            var fen = _random.Next(3) == 0 ? 0 : (long)_random.Next(0, scale * 100) * WanYuan.FenPerWanYuan / 100 + _random.Next(0, 100) * 100;
            t[P.Rows.Fees, P.Columns.AmountWanYuan] = CellValue.Of(fen);
        }
        else
        {
            foreach (var row in t.Layout.Rows)
            {
                foreach (var column in row.Columns)
                {
                    t[row.Key, column.Key] = column.Kind switch
                    {
                        CellKind.Text => CellValue.OfText(_random.Next(0, 500_000).ToString(CultureInfo.InvariantCulture) + "元"),
                        CellKind.SignedCount => CellValue.Of(_random.Next(-2, 3)),
                        _ => CellValue.Of(Some(scale)),
                    };
                }
            }
        }
    }

    private void Applications(AnnualReport report, int scale, Carry carry)
    {
        var t = report.Applications;
        var leaves = A.ResultLeafRows(t.Layout);
        var sums = new Dictionary<string, long>();
        foreach (var column in A.ApplicantColumns)
        {
            var weight = column == A.Columns.NaturalPerson ? scale : Math.Max(0, scale / 8);
            var received = Some(weight);
            var carriedOver = carry.CarriedForward.GetValueOrDefault(column, _random.Next(0, 2));
            var carriedForward = Math.Min(received + carriedOver, _random.Next(0, Math.Max(1, weight / 5) + 1));
            var processed = received + carriedOver - carriedForward;
            var parts = leaves.ToDictionary(l => l, _ => 0L);
            var granted = processed * _random.Next(20, 60) / 100;
            var partial = (processed - granted) * _random.Next(0, 30) / 100;
            parts[A.Rows.Granted] = granted;
            parts[A.Rows.Partial] = partial;
            var rest = processed - granted - partial;
            while (rest > 0)
            {
                var take = Math.Max(1, rest / 3);
                var leaf = leaves[2 + _random.Next(leaves.Count - 2)];
                parts[leaf] += take;
                rest -= take;
            }

            Set(t, A.Rows.New, column, received, sums);
            Set(t, A.Rows.CarriedOver, column, carriedOver, sums);
            foreach (var (leaf, value) in parts)
            {
                Set(t, leaf, column, value, sums);
            }

            Set(t, A.Rows.TotalProcessed, column, processed, sums);
            Set(t, A.Rows.CarriedForward, column, carriedForward, sums);
            carry.CarriedForward[column] = carriedForward;
        }

        foreach (var row in t.Layout.Rows)
        {
            t[row.Key, A.Columns.Total] = CellValue.Of(sums.GetValueOrDefault(row.Key));
        }

        carry.CarriedForward[A.Columns.Total] = sums[A.Rows.CarriedForward];
    }

    private static void Set(ReportTable t, string row, string column, long value, Dictionary<string, long> sums)
    {
        t[row, column] = CellValue.Of(value);
        sums[row] = sums.GetValueOrDefault(row) + value;
    }

    private void Reviews(AnnualReport report, int scale)
    {
        var t = report.Reviews;
        foreach (var group in t.Layout.Rows)
        {
            long total = 0;
            foreach (var field in V.PartFields)
            {
                var value = _random.Next(3) == 0 ? _random.Next(0, Math.Max(1, scale / 10) + 1) : 0;
                t[group.Key, field] = CellValue.Of(value);
                total += value;
            }

            t[group.Key, V.Fields.Total] = CellValue.Of(total);
        }
    }

    /// <summary>About 1 report in 60 breaks a rule on purpose; about 1 in 50 leaves cells blank.</summary>
    private void Break(AnnualReport report)
    {
        switch (_random.Next(240))
        {
            case 0:
                report.Applications[A.Rows.TotalProcessed, A.Columns.Total] = CellValue.Of((report.Applications.Number(A.Rows.TotalProcessed, A.Columns.Total) ?? 0) + 1);
                break;
            case 1:
                report.Reviews[V.Groups.AdministrativeReview, V.Fields.Total] = CellValue.Of((report.Reviews.Number(V.Groups.AdministrativeReview, V.Fields.Total) ?? 0) + 2);
                break;
            case 2:
                report.Applications[A.Rows.New, A.Columns.Total] = CellValue.Of((report.Applications.Number(A.Rows.New, A.Columns.Total) ?? 0) + 3);
                break;
            case 3:
                report.Applications[A.Rows.CarriedOver, A.Columns.NaturalPerson] = CellValue.Of((report.Applications.Number(A.Rows.CarriedOver, A.Columns.NaturalPerson) ?? 0) + 1);
                break;
        }

        if (_random.Next(50) == 0)
        {
            foreach (var row in A.ResultLeafRows(report.Applications.Layout).Skip(4).Take(3))
            {
                report.Applications[row, A.Columns.Research] = CellValue.Blank;
            }
        }
    }
}
