using System.Diagnostics;
using System.Text;
using Disclosure.Domain.Import;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;
using Xunit.Abstractions;

namespace Disclosure.Domain.Tests.Import;

/// <summary>Damaged, reformatted and hostile inputs: never an exception, always a clear result.</summary>
public sealed class ParserRobustnessTests(ITestOutputHelper output)
{
    private static string Lines(string text, Func<string, string> change) =>
        string.Join("\n", text.Split('\n').Select(change));

    private static string TableLines(string text, Func<string, string> change) =>
        Lines(text, line => line.Contains('\t', StringComparison.Ordinal) ? change(line) : line);

    private static ImportResult ParseSample(string name, Func<string, string> mutate) =>
        ReportTextParser.Parse(mutate(Samples.PageText(name)), new ImportOptions { AgencySlug = Samples.Report(name).Agency.Slug });

    private static void AssertImportsExactly(string name, Func<string, string> mutate)
    {
        var result = ParseSample(name, mutate);
        Assert.Empty(result.Errors);
        Assert.Empty(result.UnparsedLines);
        Assert.Equal(Samples.Text(name), CanonicalJson.Write(result.Report!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n  ")]
    [InlineData(null)]
    public void Parse_NothingToRead_FailsWithAMessage(string? text)
    {
        var result = ReportTextParser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Null(result.Report);
        Assert.Contains("输入为空", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BinaryJunk_FailsAsNotText()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var result = ReportImporter.Import(bytes);

        Assert.Null(result.Report);
        Assert.Contains("UTF-8", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ControlCharacters_FailAsNotText()
    {
        var junk = new string(Enumerable.Range(0, 5000).Select(i => (char)(i % 31 + 1)).ToArray());

        var result = ReportTextParser.Parse(junk);

        Assert.Null(result.Report);
        Assert.Contains("不是文本", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProseThatIsNoReport_SaysSoAndListsNoTable()
    {
        var result = ReportTextParser.Parse("今天天气很好。\n\n我们去公园散步。\t然后回家。");

        Assert.Null(result.Report);
        Assert.Contains(result.Errors, e => e.Message.Contains("未找到标题", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("不是政府信息公开工作年度报告", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_BrokenJson_FailsWithTheJsonPath()
    {
        var result = ReportImporter.Import("{\"schema\": \"disclosure-annual-report/v1\", \"agency\": 3}");

        Assert.Equal(ImportInputKind.CanonicalJson, result.InputKind);
        Assert.Null(result.Report);
        Assert.Contains("$.agency", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples.AllPageTexts), MemberType = typeof(Samples))]
    public void Parse_HalfWidthBracketsInTables_ImportsTheSame(string name) =>
        AssertImportsExactly(name, text => TableLines(text, l => l.Replace('（', '(').Replace('）', ')')));

    [Theory]
    [MemberData(nameof(Samples.AllPageTexts), MemberType = typeof(Samples))]
    public void Parse_FullWidthBracketsInTables_ImportsTheSame(string name) =>
        AssertImportsExactly(name, text => TableLines(text, l => l.Replace('(', '（').Replace(')', '）')));

    [Theory]
    [MemberData(nameof(Samples.AllPageTexts), MemberType = typeof(Samples))]
    public void Parse_ItemsNumberedWithDunHao_ImportsTheSame(string name) =>
        AssertImportsExactly(name, text => TableLines(text, l => System.Text.RegularExpressions.Regex.Replace(l, @"(?<=^|\t)(\d)\.\s*", "$1、")));

    [Theory]
    [MemberData(nameof(Samples.AllPageTexts), MemberType = typeof(Samples))]
    public void Parse_SpacesInsideAndAroundCells_ImportsTheSame(string name) =>
        AssertImportsExactly(name, text => TableLines(text, l => string.Join("\t", l.Split('\t').Select(c => c.Length > 2 ? $" {c[..2]} {c[2..]}\u3000" : c))));

    [Theory]
    [MemberData(nameof(Samples.AllPageTexts), MemberType = typeof(Samples))]
    public void Parse_WindowsLineEndingsAndIndentedParagraphs_ImportsTheSame(string name) =>
        AssertImportsExactly(name, text => "\uFEFF" + Lines(text, l => l.Contains('\t', StringComparison.Ordinal) || l.Length == 0 ? l : "\u3000\u3000" + l).Replace("\n", "\r\n", StringComparison.Ordinal));

    [Fact]
    public void Parse_PublishedTypoInANumberedItem_MapsToThatItem() =>
        AssertImportsExactly(Samples.Pingtan2021, text => text.Replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开", StringComparison.Ordinal));

    [Fact]
    public void Parse_MissingRow_NamesTheRowAndKeepsTheRest()
    {
        var result = ParseSample(Samples.Pingtan2021, text => Lines(text, l => l.Contains("2.重复申请", StringComparison.Ordinal) ? "" : l));

        Assert.False(result.Succeeded);
        Assert.Equal("表三缺少“2.重复申请”行", Assert.Single(result.Errors).ToString());
        Assert.True(result.Report!.Applications["noproc_2", "natural_person"].IsBlank);
        Assert.Equal(69, result.Report.Applications.Number("total_processed", "total"));
    }

    [Fact]
    public void Parse_ExtraColumn_IsAnErrorOnThatLine()
    {
        var result = ParseSample(Samples.Pingtan2021, text => Lines(text, l => l.StartsWith("\t（七）总计", StringComparison.Ordinal) ? l + "\t5" : l));

        Assert.Equal("第 52 行：表三“（七）总计”行应有 7 个数字单元格，找到 8 个", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_MissingCells_IsAnErrorOnThatLine()
    {
        var result = ParseSample(Samples.Hongze2023, text => Lines(text, l => l.StartsWith("\t（七）总计", StringComparison.Ordinal) ? "\t（七）总计\t21\t0\t0\t0\t21" : l));

        Assert.Equal("第 50 行：表三“（七）总计”行应有 7 个数字单元格，只找到 5 个", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_ReviewRowShort_IsAnErrorOnThatLine()
    {
        var result = ParseSample(Samples.Pingtan2021, text => text.Replace("1\t0\t2\t0\t3\t12\t0\t0\t0\t12\t0\t0\t0\t0\t0", "1\t0\t2", StringComparison.Ordinal));

        Assert.Equal("第 60 行：表四应有 15 个数字单元格，只找到 3 个", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_NotANumber_NamesTheCell()
    {
        var result = ParseSample(Samples.Pingtan2021, text => text.Replace("行政许可\t2293", "行政许可\t2293件多", StringComparison.Ordinal));

        Assert.Equal("第 15 行：表二“行政许可”行的“本年处理决定数量”应为非负整数，找到“2293件多”", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_GarbageLineInsideATable_IsListedWithItsNumber_AndTheReportStillImports()
    {
        var result = ParseSample(Samples.Hongze2023, text => text.Replace("\t（七）总计", "注：本表数据来自各单位\n\t（七）总计", StringComparison.Ordinal));

        Assert.True(result.Succeeded);
        var line = Assert.Single(result.UnparsedLines);
        Assert.Equal(50, line.LineNumber);
        Assert.Contains("表三", line.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SignedChangeIn2019Table_KeepsTheSign()
    {
        var result = ParseSample(Samples.Shanghai2019, text => text.Replace("行政许可\t0\t0\t0", "行政许可\t12\t-3\t7", StringComparison.Ordinal));

        Assert.Empty(result.Errors);
        Assert.Equal(-3, result.Report!.Proactive.Number("licensing", "change"));
    }

    [Fact]
    public void Parse_ScopeGiven_OverridesTheRule()
    {
        var result = ReportTextParser.Parse(Samples.PageText(Samples.Hongze2023), new ImportOptions { Scope = ReportScope.Agency });

        Assert.Equal((ReportScope.Agency, "导入时指定"), (result.Report!.Scope, result.ScopeReason));
    }

    [Fact]
    public void Parse_TenMegabytes_FinishesQuicklyWithAResult()
    {
        var sample = Samples.PageText(Samples.Zhongwei2023);
        var sb = new StringBuilder(sample);
        var filler = sample[sample.IndexOf("一、总体情况", StringComparison.Ordinal)..];
        while (sb.Length < 10 * 1024 * 1024 / 3)
        {
            sb.Append(filler);
        }

        var watch = Stopwatch.StartNew();
        var result = ReportTextParser.Parse(sb.ToString());
        var oneLine = ReportTextParser.Parse(new string('报', 10 * 1024 * 1024 / 3));
        watch.Stop();

        output.WriteLine($"10 MB twice: {watch.ElapsedMilliseconds} ms; {result.Errors.Count} errors, {result.UnparsedLines.Count} lines not understood");
        Assert.NotEmpty(result.Errors);
        Assert.Null(oneLine.Report);

        // Generous: the target is well under a second each; this only catches a quadratic blow-up.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Parse_ShuffledLines_NeverThrows()
    {
        var random = new Random(20240131);
        foreach (var name in Samples.JsonNames)
        {
            for (var i = 0; i < 50; i++)
            {
                var lines = Samples.PageText(name).Split('\n');
                random.Shuffle(lines);
                var result = ReportTextParser.Parse(string.Join("\n", lines));
                Assert.DoesNotContain(result.Errors, e => e.Message.Contains("内部错误", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Parse_FuzzedSamples_NeverThrow_AndEverySuccessIsAValidCanonicalDocument()
    {
        var random = new Random(1234);
        var texts = Samples.JsonNames.Select(Samples.PageText).ToArray();
        int succeeded = 0, withErrors = 0, noReport = 0, unparsed = 0;
        for (var i = 0; i < 2000; i++)
        {
            var text = Mutate(texts[random.Next(texts.Length)], random, 1 + random.Next(4));
            var result = ReportTextParser.Parse(text, new ImportOptions { AgencySlug = "fuzz" });

            Assert.DoesNotContain(result.Errors, e => e.Message.Contains("内部错误", StringComparison.Ordinal));
            if (result.Succeeded)
            {
                succeeded++;
                var json = CanonicalJson.Write(result.Report!);
                Assert.Equal(json, CanonicalJson.Write(CanonicalJson.Read(json)));
            }
            else if (result.Report is not null)
            {
                withErrors++;
                Assert.NotEmpty(result.Errors);
            }
            else
            {
                noReport++;
                Assert.NotEmpty(result.Errors);
            }

            unparsed += result.UnparsedLines.Count > 0 ? 1 : 0;
        }

        output.WriteLine($"2000 mutated inputs: {succeeded} imported, {withErrors} parsed with errors, {noReport} not a report; {unparsed} had lines not understood");
        Assert.True(succeeded > 0 && withErrors > 0 && noReport > 0, "the mutations should reach every outcome");
    }

    private static string Mutate(string text, Random random, int steps)
    {
        var lines = text.Split('\n').ToList();
        for (var s = 0; s < steps && lines.Count > 0; s++)
        {
            var i = random.Next(lines.Count);
            switch (random.Next(11))
            {
                case 0: lines.RemoveAt(i); break;
                case 1: lines.Insert(i, lines[random.Next(lines.Count)]); break;
                case 2: (lines[i], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[i]); break;
                case 3: lines.Insert(i, RandomText(random)); break;
                case 4: lines[i] = lines[i].Replace('\t', ' '); break;
                case 5: lines[i] += "\t" + random.Next(-5, 1000); break;
                case 6: lines[i] = lines[i].Length > 1 ? lines[i].Remove(random.Next(lines[i].Length), 1) : lines[i]; break;
                case 7: lines[i] = lines[i].Replace('（', '(').Replace('）', ')').Replace(".", "、", StringComparison.Ordinal); break;
                case 8: lines[i] = lines[i].Insert(random.Next(lines[i].Length + 1), random.Next(3) == 0 ? "\t" : " "); break;
                case 9: lines = lines.Take(i).ToList(); break;
                default: lines[i] = lines[i].Replace("0", random.Next(2) == 0 ? "" : "x", StringComparison.Ordinal); break;
            }
        }

        return string.Join(random.Next(2) == 0 ? "\n" : "\r\n", lines);
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "一二三四五六七八九十、（）()\t .0123456789总计其他公开申请年政府信息报告汇总abc\u3000";
        return new string(Enumerable.Range(0, random.Next(60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
