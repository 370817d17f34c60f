using Disclosure.Domain.Import;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;

namespace Disclosure.Domain.Tests.Import;

/// <summary>Every page copy in tests/Fixtures imports to exactly its canonical JSON.</summary>
public sealed class SampleImportTests
{
    [Theory]
    [MemberData(nameof(Samples.AllPageTexts), MemberType = typeof(Samples))]
    public void Parse_SamplePageText_WritesTheSampleJsonByteForByte(string name)
    {
        var expected = Samples.Report(name);

        var result = ReportTextParser.Parse(Samples.PageText(name), new ImportOptions { AgencySlug = expected.Agency.Slug });

        Assert.Empty(result.Errors);
        Assert.Empty(result.UnparsedLines);
        Assert.True(result.Succeeded);
        Assert.Equal(Samples.Text(name), CanonicalJson.Write(result.Report!));
    }

    [Theory]
    [InlineData(Samples.Zhongwei2023, ReportFormat.Format2021, ReportScope.Agency, "中卫市商务局")]
    [InlineData(Samples.Pingtan2021, ReportFormat.Format2021, ReportScope.Jurisdiction, "平潭综合实验区（管委会，汇总全区各有关单位）")]
    [InlineData(Samples.Hongze2023, ReportFormat.Hybrid, ReportScope.Jurisdiction, "淮安市洪泽区人民政府")]
    [InlineData(Samples.Shanghai2019, ReportFormat.Format2019, ReportScope.Jurisdiction, "上海市人民政府办公厅（代表市政府）")]
    public void Parse_SamplePageText_DetectsFormatScopeAndAgencyName(string name, ReportFormat format, ReportScope scope, string agency)
    {
        var result = ReportTextParser.Parse(Samples.PageText(name));

        Assert.Equal((format, scope, agency), (result.Format, result.Scope, result.AgencyName));
        Assert.Equal(format, result.Report!.Format);
        Assert.Equal("", result.Report.Agency.Slug);
    }

    [Fact]
    public void Parse_Hongze2023_ReportsTheR4FindingsOfThePrintedTotals()
    {
        var result = ReportTextParser.Parse(Samples.PageText(Samples.Hongze2023));

        Assert.Equal(["R4", "R4"], result.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Parse_EveryCell_NamesTheLineItCameFrom()
    {
        var result = ReportTextParser.Parse(Samples.PageText(Samples.Pingtan2021));

        var total = Assert.Single(result.Cells, c => c is { Row: "total_processed", Column: "total" });
        Assert.Equal((52, "69"), (total.LineNumber, total.Printed));
        Assert.Equal(result.Report!.Cells.Count(), result.Cells.Count);
    }

    [Theory]
    [MemberData(nameof(Samples.AllJson), MemberType = typeof(Samples))]
    public void Import_CanonicalJson_RoundTripsLosslessly(string name)
    {
        var result = ReportImporter.Import(Samples.Text(name));

        Assert.True(result.Succeeded);
        Assert.Equal(ImportInputKind.CanonicalJson, result.InputKind);
        Assert.Equal(Samples.Text(name), CanonicalJson.Write(result.Report!));
    }

    [Fact]
    public void Import_CanonicalJsonWithAnotherSlug_KeepsEverythingElse()
    {
        var result = ReportImporter.Import(Samples.Bytes(Samples.Shanghai2019), new ImportOptions { AgencySlug = "sh" });

        Assert.Equal("sh", result.Report!.Agency.Slug);
        Assert.Equal(
            Samples.Text(Samples.Shanghai2019).Replace("\"slug\": \"shanghai-govoffice\"", "\"slug\": \"sh\"", StringComparison.Ordinal),
            CanonicalJson.Write(result.Report));
    }

    [Fact]
    public void Import_PageText_GoesToTheTextParser()
    {
        var result = ReportImporter.Import(Samples.PageText(Samples.Zhongwei2023), new ImportOptions { AgencySlug = "zhongwei-commerce" });

        Assert.Equal(ImportInputKind.Text, result.InputKind);
        Assert.Equal(Samples.Text(Samples.Zhongwei2023), CanonicalJson.Write(result.Report!));
    }
}
