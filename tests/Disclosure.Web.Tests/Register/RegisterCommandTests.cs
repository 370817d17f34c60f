using System.Text;
using System.Text.Json;
using Disclosure.Web.Infrastructure.Cli;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Register;

/// <summary>
/// The commands of register.md on a fresh database with the demo data: a two-year register (an XLSX, then a CSV that
/// closes some of 2024's open applications) imports, <c>register table</c> gives each year's table 三 (figures worked
/// out by hand below), <c>register export</c> gives every 答复期限, and a file with bad rows is refused whole.
/// </summary>
public sealed class RegisterCommandTests : IDisposable
{
    private const string Agency = "zhongwei-commerce";
    private readonly string _folder = Directory.CreateTempSubdirectory("disclosure-register-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    private static async Task<(int Exit, byte[] Output, string Error)> Run(PortalFactory portal, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var exit = await RegisterCommand.RunAsync(portal.Services, ["register", .. args], output, error);
        return (exit, output.ToArray(), error.ToString());
    }

    private static Dictionary<string, long[]> Rows(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"],
            document.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        return document.RootElement.GetProperty("rows").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetInt64()).ToArray());
    }

    private async Task ImportTwoYears(PortalFactory portal)
    {
        var xlsx = await Run(portal, "import", File("2024.xlsx", RegisterFiles.Xlsx(RegisterFiles.Header, RegisterFiles.Year2024)), "--agency", Agency);
        Assert.True(xlsx.Exit == 0, xlsx.Error);
        Assert.EndsWith("新增 8 条，更新 0 条，未变 0 条\n", Encoding.UTF8.GetString(xlsx.Output), StringComparison.Ordinal);

        var csv = await Run(portal, "import", File("2025.csv", RegisterFiles.Csv([.. RegisterFiles.Header, "经办人"], RegisterFiles.Year2025)), "--agency", Agency);
        Assert.True(csv.Exit == 0, csv.Error);
        Assert.EndsWith("新增 3 条，更新 3 条，未变 0 条；未识别的列（已忽略）：经办人\n", Encoding.UTF8.GetString(csv.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATwoYearRegister_Imports_AndTableGivesEachYearsTableThree()
    {
        await using var portal = new PortalFactory();
        await ImportTwoYears(portal);

        var (exit, json, _) = await Run(portal, "table", "--agency", Agency, "--year", "2024");
        Assert.Equal(0, exit);
        var y2024 = Rows(json);
        Assert.Equal(25, y2024.Count);
        //                                     自然人 商业 科研 公益 法律 其他 总计
        Assert.Equal([4, 1, 1, 0, 1, 1, 8], y2024["new"]);                   // 001–008
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], y2024["carried_over"]);
        Assert.Equal([2, 0, 0, 0, 0, 0, 2], y2024["granted"]);               // 001, 004
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], y2024["partial"]);               // 002
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], y2024["unable_1"]);              // 003
        Assert.Equal([3, 1, 0, 0, 0, 0, 4], y2024["total_processed"]);
        Assert.Equal([1, 0, 1, 0, 1, 1, 4], y2024["carried_forward"]);       // 005 (科研), 006, 007 (法律), 008 (其他)

        (exit, json, _) = await Run(portal, "table", "--agency", Agency, "--year", "2025");
        Assert.Equal(0, exit);
        var y2025 = Rows(json);
        Assert.Equal([2, 0, 0, 1, 0, 0, 3], y2025["new"]);                   // Z2025-001, -003; -002 (公益)
        Assert.Equal(y2024["carried_forward"], y2025["carried_over"]);      // R5
        Assert.Equal([2, 0, 0, 0, 0, 0, 2], y2025["granted"]);               // 006, Z2025-001
        Assert.Equal([0, 0, 1, 0, 0, 0, 1], y2025["deny_4"]);                // 005
        Assert.Equal([0, 0, 0, 1, 0, 0, 1], y2025["noproc_2"]);              // Z2025-002
        Assert.Equal([0, 0, 0, 0, 1, 0, 1], y2025["noproc_3"]);              // 007
        Assert.Equal([2, 0, 1, 1, 1, 0, 5], y2025["total_processed"]);
        Assert.Equal([1, 0, 0, 0, 0, 1, 2], y2025["carried_forward"]);       // Z2025-003, 008
        Assert.All(new[] { y2024, y2025 }, t => Assert.Equal(
            t["new"].Zip(t["carried_over"], (a, b) => a + b),
            t["total_processed"].Zip(t["carried_forward"], (a, b) => a + b)));
    }

    [Fact]
    public async Task Export_GivesEveryApplicationItsDeadlineStateAndOverdue()
    {
        await using var portal = new PortalFactory();
        await ImportTwoYears(portal);

        var (exit, csv, _) = await Run(portal, "export", "--agency", Agency, "--year", "2024");
        Assert.Equal(0, exit);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RegisterFiles.Header) + ",答复期限,状态,是否逾期", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => (Due: f[15], State: f[16], Overdue: f[17]));

        // Worked out by hand (the receipt day is day 0; 2024-02-04, 2024-09-29, 2024-10-12 and 2025-01-26 were worked).
        Assert.Equal(new Dictionary<string, (string, string, string)>
        {
            ["Z2024-001"] = ("2024-02-04", "已办结", "否"),
            ["Z2024-002"] = ("2024-04-01", "已办结", "否"),
            ["Z2024-003"] = ("2024-06-13", "已办结", "否"),   // 20 working days from the 补正's arrival, 05-15
            ["Z2024-004"] = ("2024-10-30", "已办结", "否"),
            ["Z2024-005"] = ("2024-12-31", "已办结", "是"),   // + 11 working days of consultation; answered 2025-01-06
            ["Z2024-006"] = ("2025-01-27", "已办结", "否"),   // + 10 days' extension
            ["Z2024-007"] = ("2025-01-26", "已办结", "否"),
            ["Z2024-008"] = ("2025-01-27", "办理中", "是"),
        }, rows);

        (exit, csv, _) = await Run(portal, "export", "--agency", Agency, "--year", "2025");
        Assert.Equal(0, exit);
        Assert.Equal(7, Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1); // 4 carried over + 3 new
    }

    [Fact]
    public async Task AFileWithBadRows_IsRefusedWhole_NamingEachRowWithoutPersonalData()
    {
        await using var portal = new PortalFactory();
        var bad = File("bad.csv", RegisterFiles.Csv(RegisterFiles.Header,
        [
            ["B-1", "2024-13-01", "自然人", "内容", "", "张三", "", "", "", "", "", "", "", "", ""],
            ["B-2", "2024-02-01", "个人", "内容", "", "张三", "", "", "", "", "", "", "", "", ""],
            ["B-3", "2024-02-01", "自然人", "内容", "", "张三", "", "", "", "", "", "", "2024-02-20", "", ""],
            ["B-4", "2024-02-01", "自然人", "内容", "", "", "", "", "", "", "", "25", "", "", ""],
            ["B-5", "2024-02-01", "自然人", "内容", "", "", "", "", "", "", "", "", "", "", ""],
            ["B-5", "2024-02-02", "自然人", "内容", "", "", "", "", "", "", "", "", "", "", ""],
            ["B-7", "2024-02-01", "自然人", "", "", "", "", "", "", "", "", "", "2024-01-31", "予以公开", ""],
        ], bom: false));

        var (exit, output, error) = await Run(portal, "import", bad, "--agency", Agency);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("未写入任何数据", lines[0], StringComparison.Ordinal);
        Assert.Equal(
        [
            "第 2 行，收到申请日期：「2024-13-01」不是日期（应为 yyyy-MM-dd、yyyy/M/d 或 yyyy年M月d日）",
            "第 3 行，申请人类型：「个人」不是申请人类型（应为 自然人 · 商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 · 其他）",
            "第 4 行，办理结果：已填写答复日期，须选择办理结果",
            "第 5 行，延期工作日：「25」不是 0–20 的整数",
            "第 7 行，申请编号：申请编号 B-5 与第 6 行重复",
            "第 8 行，申请内容：申请内容不能为空",
            "第 8 行，答复日期：答复日期（2024-01-31）早于收到申请日期（2024-02-01）",
        ], lines.Skip(1));
        Assert.DoesNotContain("张三", error, StringComparison.Ordinal);
        await portal.WithDbAsync(async db => Assert.Equal(0, await db.RegisterApplications.CountAsync()));
    }

    [Fact]
    public async Task DryRun_ChecksEverythingAndWritesNothing_AndAnUnknownAgencyIsRefused()
    {
        await using var portal = new PortalFactory();
        var file = File("2024.xlsx", RegisterFiles.Xlsx(RegisterFiles.Header, RegisterFiles.Year2024));

        var (exit, output, _) = await Run(portal, "import", file, "--agency", Agency, "--dry-run");
        Assert.Equal(0, exit);
        Assert.Contains("新增 8 条", Encoding.UTF8.GetString(output), StringComparison.Ordinal);
        await portal.WithDbAsync(async db => Assert.Equal(0, await db.RegisterApplications.CountAsync()));

        var unknown = await Run(portal, "import", file, "--agency", "no-such-office");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("没有代码为 no-such-office 的机关", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await Run(portal, "table", "--agency", Agency)).Exit);
    }

    [Fact]
    public async Task PurgePersonal_BlanksApplicantAndContactOfApplicationsClosedLongAgo()
    {
        await using var portal = new PortalFactory();
        await ImportTwoYears(portal);
        // Today is 2026-11-30 or later: "closed more than 1 year ago" is before 2025-11-30 — 001 and 003 (2024), 006 and Z2025-001 (2025).
        var (exit, output, _) = await Run(portal, "purge-personal", "--closed-before-years", "1");
        Assert.Equal(0, exit);
        Assert.StartsWith("已清除 4 件", Encoding.UTF8.GetString(output), StringComparison.Ordinal);
        await portal.WithDbAsync(async db =>
        {
            var named = await db.RegisterApplications.Where(a => a.ApplicantName != null || a.ApplicantContact != null).Select(a => a.Number).ToListAsync();
            Assert.Equal(["Z2025-003"], named);   // still open
            Assert.Equal(4, await db.RegisterApplications.CountAsync(a => a.PersonalDataErasedAt != null));
        });
    }
}
