using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;
using Disclosure.Domain.Serialization;

namespace Disclosure.Domain.Tests;

public sealed class CanonicalJsonTests
{
    [Theory]
    [MemberData(nameof(Samples.AllJson), MemberType = typeof(Samples))]
    public void RoundTrip_EverySample_IsByteIdentical(string sample)
    {
        var original = Samples.Bytes(sample);

        var written = Encoding.UTF8.GetBytes(CanonicalJson.Write(CanonicalJson.Read(Encoding.UTF8.GetString(original))));

        Assert.Equal(original, written);
    }

    [Theory]
    [MemberData(nameof(Samples.AllJson), MemberType = typeof(Samples))]
    public void RoundTrip_EverySample_KeepsEveryCellIncludingBlanks(string sample)
    {
        var original = Samples.Text(sample);

        var written = CanonicalJson.Write(CanonicalJson.Read(original));

        Assert.Empty(JsonDiff.Differences(original, written));
    }

    [Theory]
    [MemberData(nameof(Samples.AllJson), MemberType = typeof(Samples))]
    public void Write_FromStream_GivesTheSameBytesAsFromText(string sample)
    {
        using var input = new MemoryStream(Samples.Bytes(sample));
        var report = CanonicalJson.Read(input);
        using var output = new MemoryStream();

        CanonicalJson.Write(report, output);

        Assert.Equal(Samples.Bytes(sample), output.ToArray());
    }

    [Fact]
    public void CellByCellComparison_NamesTheCellThatDiffers()
    {
        var original = Samples.Text(Samples.Shanghai2019);
        var changed = Samples.ModifiedText(Samples.Shanghai2019, json => json["applications"]!["rows"]!["granted"]![6] = 272);

        var differences = JsonDiff.Differences(original, changed);

        Assert.Equal(["$.applications.rows.granted[6]: expected null, found 272"], differences);
    }

    [Fact]
    public void Write_UsesOneSpaceIndentUnescapedChineseAndNoTrailingNewline()
    {
        var written = CanonicalJson.Write(Samples.Report(Samples.Zhongwei2023));

        Assert.StartsWith("{\n \"schema\": \"disclosure-annual-report/v1\",\n \"agency\": {\n  \"name\": \"中卫市商务局\",", written, StringComparison.Ordinal);
        Assert.Contains("坚持“以公开为常态，不公开为例外”原则", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", written, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', written);
        Assert.EndsWith("\n}", written, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_WithPublishedOn_KeepsTheDateAfterTheTitle()
    {
        var report = Samples.Report(Samples.Zhongwei2023);
        report.PublishedOn = new DateOnly(2024, 1, 20);

        var written = CanonicalJson.Write(report);
        var reread = CanonicalJson.Read(written);

        Assert.Contains("2023年政府信息公开工作年度报告\",\n \"published_on\": \"2024-01-20\",\n \"sections\": {", written, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 1, 20), reread.PublishedOn);
        Assert.Equal(written, CanonicalJson.Write(reread));
    }

    [Fact]
    public void Read_WithoutPublishedOn_LeavesItUnset()
    {
        Assert.Null(Samples.Report(Samples.Zhongwei2023).PublishedOn);
    }

    [Fact]
    public void Read_KeepsBlankApartFromZero()
    {
        var shanghai = Samples.Report(Samples.Shanghai2019);
        var zhongwei = Samples.Report(Samples.Zhongwei2023);

        Assert.True(shanghai.Applications["granted", "total"].IsBlank);
        Assert.True(shanghai.Reviews["litigation_after_review", "total"].IsBlank);
        Assert.Equal(CellValue.Of(0), zhongwei.Applications["granted", "total"]);
        Assert.False(zhongwei.Applications["granted", "total"].IsBlank);
    }

    [Fact]
    public void Read_MetadataAndSections()
    {
        var report = Samples.Report(Samples.Zhongwei2023);

        Assert.Equal(new AgencyRef("中卫市商务局", "zhongwei-commerce"), report.Agency);
        Assert.Equal(2023, report.Year);
        Assert.Equal(ReportFormat.Format2021, report.Format);
        Assert.Equal(ReportScope.Agency, report.Scope);
        Assert.Equal("中卫市商务局2023年政府信息公开工作年度报告", report.Title);
        Assert.Equal(6, report.Sections.Overview.Count);
        Assert.Equal("（一）主动公开政府信息情况", report.Sections.Overview[1].Heading);
        Assert.StartsWith("2023 年我局不断完善公开渠道", report.Sections.Problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DetectsEachFormatsLayout()
    {
        Assert.Equal(ReportLayout.Format2021, Samples.Report(Samples.Pingtan2021).Layout);
        Assert.Equal(ReportLayout.Hybrid, Samples.Report(Samples.Hongze2023).Layout);
        Assert.Equal(ReportLayout.Format2019, Samples.Report(Samples.Shanghai2019).Layout);
        Assert.Equal(25, Samples.Report(Samples.Pingtan2021).Applications.Layout.Rows.Count);
        Assert.Equal(23, Samples.Report(Samples.Hongze2023).Applications.Layout.Rows.Count);
    }

    [Fact]
    public void Read_FeeIsExactIn分()
    {
        var report = Samples.Report(Samples.Pingtan2021);

        Assert.Equal(24_252_311_082, report.Proactive.Number("fees", "amount_wan_yuan"));
        Assert.Equal("24252.311082", report.Proactive["fees", "amount_wan_yuan"].Format(CellKind.WanYuan));
    }

    [Fact]
    public void Read_2019ProcurementAmount_IsKeptAsPrinted()
    {
        var report = Samples.Report(Samples.Shanghai2019);

        Assert.Equal(CellValue.OfText("251000元"), report.Proactive["procurement", "amount"]);
        Assert.Equal(6, report.Proactive.Number("procurement", "items"));
    }

    [Fact]
    public void Read_WhenACellIsNegative_KeepsTheFigureAndR0ReportsIt()
    {
        var report = Samples.Modified(Samples.Pingtan2021, json => json["applications"]!["rows"]!["deny_2"]![2] = -3);

        Assert.Equal(-3, report.Applications.Number("deny_2", "research"));
        Assert.Contains(
            new RuleViolation("R0", RuleSeverity.Error, ReportTableId.Applications, "deny_2", "research", null, -3),
            ConsistencyRules.Check(report));
    }

    [Fact]
    public void Read_WhenTheSchemaIsWrong_IsRefusedAtSchema() =>
        AssertRefused(Samples.ModifiedText(Samples.Zhongwei2023, json => json["schema"] = "disclosure-annual-report/v2"), "$.schema");

    [Fact]
    public void Read_WhenTheFormatIsUnknown_IsRefusedAtFormat() =>
        AssertRefused(Samples.ModifiedText(Samples.Zhongwei2023, json => json["format"] = "2020"), "$.format");

    [Fact]
    public void Read_WhenARowBelongsToAnotherFormat_IsRefusedAtThatRow()
    {
        var json = Samples.ModifiedText(Samples.Shanghai2019, json =>
            json["applications"]!["rows"]!.AsObject().Add("other_1", new JsonArray(0, 0, 0, 0, 0, 0, 0)));

        AssertRefused(json, "$.applications.rows.other_1");
    }

    [Fact]
    public void Read_WhenA2021ReportUsesTheSingleOtherRow_IsRefusedAtThatRow()
    {
        var json = Samples.ModifiedText(Samples.Pingtan2021, json =>
            json["applications"]!["rows"]!.AsObject().Add("other", new JsonArray(0, 0, 0, 0, 0, 0, 0)));

        AssertRefused(json, "$.applications.rows.other");
    }

    [Fact]
    public void Read_WhenATable2RowBelongsToAnotherFormat_IsRefusedAtThatRow()
    {
        var json = Samples.ModifiedText(Samples.Pingtan2021, json =>
            json["proactive"]!.AsObject().Add("procurement", new JsonObject { ["items"] = 1 }));

        AssertRefused(json, "$.proactive.procurement");
    }

    [Fact]
    public void Read_WhenACountIsAString_IsRefusedAtThatCell() =>
        AssertRefused(Samples.ModifiedText(Samples.Pingtan2021, json => json["applications"]!["rows"]!["new"]![0] = "64"),
            "$.applications.rows.new[0]");

    [Fact]
    public void Read_WhenACountHasDecimals_IsRefusedAtThatCell() =>
        AssertRefused(Samples.ModifiedText(Samples.Pingtan2021, json => json["reviews"]!["administrative_review"]!["upheld"] = 1.5),
            "$.reviews.administrative_review.upheld");

    [Fact]
    public void Read_WhenTheFeeIsANumber_IsRefusedAtTheFee() =>
        AssertRefused(Samples.ModifiedText(Samples.Hongze2023, json => json["proactive"]!["fees"]!["amount_wan_yuan"] = 7730.28),
            "$.proactive.fees.amount_wan_yuan");

    [Fact]
    public void Read_WhenARowHasTooManyCells_IsRefusedAtThatRow() =>
        AssertRefused(Samples.ModifiedText(Samples.Pingtan2021, json => json["applications"]!["rows"]!["granted"]!.AsArray().Add(0)),
            "$.applications.rows.granted");

    [Fact]
    public void Read_WhenARowHasTooFewCells_IsRefusedAtThatRow() =>
        AssertRefused(Samples.ModifiedText(Samples.Pingtan2021, json => json["applications"]!["rows"]!["granted"]!.AsArray().RemoveAt(6)),
            "$.applications.rows.granted");

    [Fact]
    public void Read_WhenTheFeeHasSevenDecimals_IsRefusedAtTheFee() =>
        AssertRefused(Samples.ModifiedText(Samples.Pingtan2021, json => json["proactive"]!["fees"]!["amount_wan_yuan"] = "24252.3110821"),
            "$.proactive.fees.amount_wan_yuan");

    [Fact]
    public void Read_WhenAColumnIsUnknown_IsRefusedAtThatColumn() =>
        AssertRefused(Samples.ModifiedText(Samples.Pingtan2021, json => json["reviews"]!["litigation_direct"]!.AsObject().Add("withdrawn", 0)),
            "$.reviews.litigation_direct.withdrawn");

    [Fact]
    public void Read_WhenTheSlugIsNotASlug_IsRefusedAtTheSlug() =>
        AssertRefused(Samples.ModifiedText(Samples.Hongze2023, json => json["agency"]!["slug"] = "Hongze District"), "$.agency.slug");

    [Fact]
    public void Read_WhenTheSlugEndsInANewline_IsRefusedAtTheSlug() =>
        AssertRefused(Samples.ModifiedText(Samples.Hongze2023, json => json["agency"]!["slug"] = "hongze-district\n"), "$.agency.slug");

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(-1_000_000_000_001)]
    [InlineData(1_000_000_000_001)]
    public void Read_WhenACountIsBeyondAnyRealFigure_IsRefusedAtThatCell(long count) =>
        AssertRefused(Samples.ModifiedText(Samples.Pingtan2021, json => json["applications"]!["rows"]!["new"]![0] = count),
            "$.applications.rows.new[0]");

    [Fact]
    public void Write_NonBmpCharacters_AreNotEscaped()
    {
        // Rare characters in place names lie outside the BMP (e.g. 𠮷, U+20BB7).
        var report = Samples.Report(Samples.Zhongwei2023);
        report.Sections = report.Sections with { Preamble = "𠮷" };

        var written = CanonicalJson.Write(report);

        Assert.Contains("\"preamble\": \"𠮷\"", written, StringComparison.Ordinal);
        Assert.Equal("𠮷", CanonicalJson.Read(written).Sections.Preamble);
    }

    [Fact]
    public void Write_EscapesOnlyWhatJsonRequires()
    {
        var report = Samples.Report(Samples.Zhongwei2023);
        report.Sections = report.Sections with { Preamble = "引号\"反斜杠\\换行\n制表\t<a href='x'>&</a>“”—𠮷" };

        var written = CanonicalJson.Write(report);

        Assert.Contains("\"preamble\": \"引号\\\"反斜杠\\\\换行\\n制表\\t<a href='x'>&</a>“”—𠮷\"", written, StringComparison.Ordinal);
        Assert.Equal(report.Sections.Preamble, CanonicalJson.Read(written).Sections.Preamble);
    }

    [Fact]
    public void Write_ALoneSurrogate_BecomesTheReplacementCharacter()
    {
        // Not a character at all, so it cannot be kept; UTF-8 output replaces it, as any UTF-8 writer must.
        var report = Samples.Report(Samples.Zhongwei2023);
        report.Sections = report.Sections with { Preamble = "a\uD842b" };

        var reread = CanonicalJson.Read(CanonicalJson.Write(report));

        Assert.Equal("a\uFFFDb", reread.Sections.Preamble);
    }

    [Fact]
    public void Read_WhenTheYearIsMissing_IsRefusedAtTheYear() =>
        AssertRefused(Samples.ModifiedText(Samples.Hongze2023, json => json.Remove("year")), "$.year");

    [Fact]
    public void Read_WhenPublishedOnIsNotADate_IsRefusedAtPublishedOn() =>
        AssertRefused(Samples.ModifiedText(Samples.Hongze2023, json => json["published_on"] = "2024/01/20"), "$.published_on");

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"schema\": \"disclosure-annual-report/v1\",}")]
    [InlineData("not json")]
    public void Read_WhenTheTextIsNotJson_IsRefused(string text)
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Read(text));

        Assert.StartsWith("Not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenTheRootIsAnArray_IsRefusedAtTheRoot() => AssertRefused("[]", "$");

    private static void AssertRefused(string json, string path)
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Read(json));

        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
    }
}
