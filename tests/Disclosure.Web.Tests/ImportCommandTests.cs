using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure.Cli;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests;

/// <summary>The import command against a production portal (no demo data), each test from its empty database.</summary>
[Collection(PortalCollections.Production)]
public sealed class ImportCommandTests(ProductionPortalFactory shared) : PortalTest<ProductionPortalFactory>(shared)
{
    private static readonly (string Name, string Slug, int Year)[] _samplesToImport =
    [
        ("hongze-district-2023", "hongze-district", 2023),
        ("pingtan-2021", "pingtan", 2021),
        ("shanghai-govoffice-2019-old-format", "shanghai-govoffice", 2019),
        ("zhongwei-commerce-2023", "zhongwei-commerce", 2023),
    ];

    private static string Txt(string name) => Fixtures.PathOf(name + ".txt");

    private static async Task<(int Exit, string Output)> Import(ProductionPortalFactory portal, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ImportCommand.RunAsync(portal.Services, ["import", .. args], output);
        return (exit, output.ToString());
    }

    private static async Task<(int Agencies, int Reports, int Versions)> Counts(ProductionPortalFactory portal)
    {
        var counts = (0, 0, 0);
        await portal.WithDbAsync(async db =>
            counts = (await db.Agencies.CountAsync(), await db.Reports.CountAsync(), await db.ReportVersions.CountAsync()));
        return counts;
    }

    [Fact]
    public async Task Import_AllFourSamplesWithAgency_PublishesJsonIdenticalToTheSamples()
    {
        var portal = Portal;
        using var client = portal.CreateClient();

        foreach (var (name, slug, year) in _samplesToImport)
        {
            var (exit, output) = await Import(portal, Txt(name), "--agency", slug);

            Assert.Equal(0, exit);
            Assert.EndsWith($"{Txt(name)} → /reports/{slug}/{year}\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Equal(Fixtures.Json(name), await client.GetStringAsync($"/reports/{slug}/{year}.json"));
        }

        Assert.Equal((4, 4, 4), await Counts(portal));
    }

    [Fact]
    public async Task Import_ReportWithFindings_SaysWhichRulesFired()
    {
        var portal = Portal;

        var (exit, output) = await Import(portal, Txt("hongze-district-2023"), "--agency", "hongze-district");

        Assert.Equal(0, exit);
        Assert.Equal($"imported with findings (R4×2): {Txt("hongze-district-2023")} → /reports/hongze-district/2023\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Import_Again_WithoutCorrection_FailsAndKeepsVersion1_WithCorrection_MakesVersion2()
    {
        var portal = Portal;
        Assert.Equal(0, (await Import(portal, Txt("pingtan-2021"), "--agency", "pingtan")).Exit);

        // Without --agency the agency whose name matches the report's is used.
        var (exit, output) = await Import(portal, Txt("pingtan-2021"));

        Assert.Equal(1, exit);
        Assert.StartsWith($"failed: {Txt("pingtan-2021")}: /reports/pingtan/2021 已经发布（第 1 版）；导入将作为更正，须写明更正说明（--correction）。", output, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1), await Counts(portal));

        (exit, output) = await Import(portal, Txt("pingtan-2021"), "--correction", "更正表三数据");

        Assert.Equal(0, exit);
        Assert.Contains("(version 2, correction)", output, StringComparison.Ordinal);
        await portal.WithDbAsync(async db =>
        {
            var versions = await db.ReportVersions.OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([(1, ReportStatus.Superseded, false), (2, ReportStatus.Published, true)], versions.Select(v => (v.Number, v.Status, v.IsCurrent)));
            Assert.Equal(("更正表三数据", ReportOrigin.Imported, "pingtan-2021.txt"), (versions[1].CorrectionNote, versions[1].Origin, versions[1].Source));
        });

        // The corrected version's PDF says so under its title and ends with the 更正说明.
        using var client = portal.CreateClient();
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await client.GetByteArrayAsync(new Uri("/reports/pingtan/2021.pdf", UriKind.Relative)));
        var firstPage = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value));
        var lastPage = string.Concat(pdf.GetPage(pdf.NumberOfPages).Letters.Select(l => l.Value));
        Assert.Matches(@"平潭.*年度报告（\d{4}年\d{1,2}月\d{1,2}日更正）", firstPage);
        Assert.Contains("更正说明", lastPage, StringComparison.Ordinal);
        Assert.Contains("更正：更正表三数据", lastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownAgencyWithoutAgencyOption_FailsAskingForIt()
    {
        var portal = Portal;

        var (exit, output) = await Import(portal, Txt("zhongwei-commerce-2023"));

        Assert.Equal(1, exit);
        Assert.Equal($"failed: {Txt("zhongwei-commerce-2023")}: 没有名为“中卫市商务局”的机关；请指定网址标识（--agency SLUG）。\n", output.ReplaceLineEndings("\n"));
        Assert.Equal((0, 0, 0), await Counts(portal));
    }

    [Fact]
    public async Task Import_DryRun_WritesNothingAndSaysSo()
    {
        var portal = Portal;
        using var client = portal.CreateClient();

        var (exit, output) = await Import(portal, Txt("pingtan-2021"), Txt("zhongwei-commerce-2023"), "--agency", "pingtan", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("dry run: nothing was written (2 file(s) checked)", output, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await Counts(portal));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/reports/pingtan/2021.json")).StatusCode);
    }

    [Fact]
    public async Task Import_GarbageAndMissingFiles_FailWithAMessage_WhileGoodFilesStillImport()
    {
        var portal = Portal;
        var garbage = Path.Combine(Path.GetTempPath(), $"disclosure-garbage-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(garbage, "这不是年度报告。\n\t1\t2\t3\n");
        try
        {
            var (exit, output) = await Import(portal, garbage, Txt("zhongwei-commerce-2023"), "/nonexistent/report.txt", "--agency", "zhongwei-commerce");

            var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.Equal(1, exit);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith($"failed: {garbage}: 未找到标题", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("imported: ", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("failed: /nonexistent/report.txt: cannot read the file", lines[2], StringComparison.Ordinal);
            Assert.Equal((1, 1, 1), await Counts(portal));
        }
        finally
        {
            File.Delete(garbage);
        }
    }

    [Fact]
    public async Task Import_CanonicalJson_RoundTripsThroughThePortal()
    {
        var portal = Portal;
        using var client = portal.CreateClient();

        var (exit, _) = await Import(portal, Fixtures.PathOf("shanghai-govoffice-2019-old-format.json"), "--agency", "shanghai-govoffice");

        Assert.Equal(0, exit);
        Assert.Equal(Fixtures.Json("shanghai-govoffice-2019-old-format"), await client.GetStringAsync("/reports/shanghai-govoffice/2019.json"));
    }

    [Theory]
    [InlineData(new[] { "import" }, "no FILE given")]
    [InlineData(new[] { "import", "a.txt", "--scope", "city" }, "--scope is agency or jurisdiction")]
    [InlineData(new[] { "import", "a.txt", "--agency", "Not A Slug" }, "--agency needs a slug")]
    [InlineData(new[] { "import", "a.txt", "--frobnicate" }, "unknown option --frobnicate")]
    public void CommandLine_Mistakes_AreExplained(string[] args, string message)
    {
        Assert.False(ImportCommandLine.TryParse(args, out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("淮安市洪泽区人民政府", Domain.Agencies.AgencyLevel.CountyGovernment)]
    [InlineData("中卫市人民政府", Domain.Agencies.AgencyLevel.CityGovernment)]
    [InlineData("中卫市商务局", Domain.Agencies.AgencyLevel.CityDepartment)]
    [InlineData("沭阳县发展和改革局", Domain.Agencies.AgencyLevel.CountyDepartment)]
    [InlineData("上海市人民政府办公厅（代表市政府）", Domain.Agencies.AgencyLevel.CityDepartment)]
    [InlineData("平潭综合实验区（管委会，汇总全区各有关单位）", Domain.Agencies.AgencyLevel.CountyGovernment)]
    [InlineData("宁夏回族自治区商务厅", Domain.Agencies.AgencyLevel.ProvincialDepartment)]
    public void GuessLevel_FromTheName(string name, Domain.Agencies.AgencyLevel level)
    {
        Assert.Equal(level, Disclosure.Web.Features.Admin.Import.ImportPlanner.GuessLevel(name));
    }
}
