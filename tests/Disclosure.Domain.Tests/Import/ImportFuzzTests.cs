using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Domain.Import;
using Disclosure.Domain.Serialization;
using Xunit.Abstractions;

namespace Disclosure.Domain.Tests.Import;

/// <summary>
/// Generated damage to the real samples, page text and canonical JSON alike (seeded, so a failure can be replayed):
/// lines deleted, doubled, swapped, joined and cut; numbers replaced by huge, negative, full-width or decimal ones;
/// brackets, numbering and cell separators changed; unicode, control characters and garbage inserted. The import never
/// throws, every message is worded, and every line it points at exists. A fixed number of cases (<see cref="FuzzBudget"/>);
/// the counts go to the output.
/// </summary>
public sealed partial class ImportFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_127;
    /// <summary>Mutated imports per run (<see cref="FuzzBudget"/>: <c>FUZZ_SECONDS=60 dotnet test …</c> runs longer).</summary>
    private const int Cases = 1_000;

    private static readonly string[] _numbers =
    [
        "-1", "0", "007", "1.5", "1,234", "１２３", "9223372036854775807", "9223372036854775808", "99999999999999999999999999",
        "-2147483648", "1e9", "NaN", "—", "/", "无", "", " ", "12 34", "٣", "Ⅻ",
    ];

    private static readonly string[] _garbage =
    [
        "（一）", "(一)", "一、", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、", "1.", "1、", "（1）",
        "本列数据的勾稽关系为：", "总计", "\t\t\t", "\u0000", "\uFEFF", "\u202E", "\uD800", "😀", "<script>", "{", "}", "\"",
        "2023年", "0年度", "政府信息公开工作年度报告", "\r", "\u3000\u3000",
    ];

    [Fact]
    public void MutatedSamples_NeverThrow_AndEveryMessagePointsAtALineThatExists()
    {
        var samples = Directory.GetFiles(Samples.Folder, "*.txt").Concat(Directory.GetFiles(Samples.Folder, "*.json"))
            .Order(StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Text: File.ReadAllText(path)))
            .ToArray();
        var random = new Random(Seed);
        var counts = new Dictionary<string, int>();
        var failures = new List<string>();
        var budget = new FuzzBudget(Cases);
        while (budget.Next())
        {
            var (name, original) = samples[random.Next(samples.Length)];
            var text = original;
            var applied = new List<string>();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                var (mutation, changed) = Mutate(random, text);
                applied.Add(mutation);
                text = changed;
            }

            try
            {
                var result = ReportImporter.Import(text);
                var outcome = !result.Succeeded ? "failed with a message"
                    : result.UnparsedLines.Count > 0 || result.Findings.Count > 0 ? "imported with findings or lines not understood"
                    : "imported clean";
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                var problem = Check(result, text);
                if (problem is not null)
                {
                    failures.Add($"{name} [{string.Join(", ", applied)}]: {problem}");
                }
            }
            catch (Exception ex)
            {
                failures.Add($"{name} [{string.Join(", ", applied)}]: {ex.GetType().Name}: {ex.Message}");
            }
        }

        output.WriteLine($"mutated imports: {budget} — {string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"))}");
        Assert.True(counts.Count >= 2, "the mutations should produce both accepted and refused imports");
        Assert.Empty(failures.Take(20));
    }

    [Fact]
    public void UnchangedSamples_ThroughTheSameCheck_ImportExactly()
    {
        // The fuzz's own check must accept what is right: every sample unmutated imports to exactly its JSON.
        foreach (var path in Directory.GetFiles(Samples.Folder, "*.txt"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var text = File.ReadAllText(path);
            var result = ReportImporter.Import(text, new ImportOptions { AgencySlug = Samples.Report(name).Agency.Slug });
            Assert.Null(Check(result, text));
            Assert.Equal(Samples.Text(name), CanonicalJson.Write(result.Report!));
        }
    }

    /// <summary>What is wrong with a result, or null: a report without errors must be there, messages worded, lines real.</summary>
    private static string? Check(ImportResult result, string text)
    {
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None).Length;
        if (result.Report is null && result.Errors.Count == 0)
        {
            return "no report and no error";
        }

        if (result.Errors.FirstOrDefault(e => string.IsNullOrWhiteSpace(e.Message)) is { } silent)
        {
            return $"an error without a message (line {silent.LineNumber})";
        }

        if (result.Errors.FirstOrDefault(e => e.LineNumber is < 1 || e.LineNumber > lines) is { } error)
        {
            return $"error on line {error.LineNumber} of {lines}: {error.Message}";
        }

        if (result.UnparsedLines.FirstOrDefault(u => u.LineNumber < 1 || u.LineNumber > lines || string.IsNullOrWhiteSpace(u.Reason)) is { } unparsed)
        {
            return $"line not understood {unparsed.LineNumber} of {lines} ('{unparsed.Reason}')";
        }

        if (result.Cells.FirstOrDefault(c => c.LineNumber < 1 || c.LineNumber > lines) is { } cell)
        {
            return $"cell {cell.Row}/{cell.Column} from line {cell.LineNumber} of {lines}";
        }

        return null;
    }

    private static (string Name, string Text) Mutate(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(14))
        {
            case 0:
                lines.RemoveAt(at);
                return ("delete line", Join(lines));
            case 1:
                lines.Insert(at, lines[at]);
                return ("double line", Join(lines));
            case 2:
                var other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                return ("swap lines", Join(lines));
            case 3:
                var numbers = Number().Matches(lines[at]);
                if (numbers.Count == 0)
                {
                    goto case 4;
                }

                var number = numbers[random.Next(numbers.Count)];
                lines[at] = string.Concat(lines[at].AsSpan(0, number.Index), _numbers[random.Next(_numbers.Length)], lines[at].AsSpan(number.Index + number.Length));
                return ("replace number", Join(lines));
            case 4:
                var position = random.Next(text.Length + 1);
                return ("insert unicode", text.Insert(position, RandomUnicode(random)));
            case 5:
                return ("truncate", text[..random.Next(text.Length + 1)]);
            case 6:
                lines[at] = random.Next(2) == 0 ? lines[at].Replace('\t', ' ') : lines[at].Replace(' ', '\t');
                return ("tabs and spaces", Join(lines));
            case 7:
                lines[at] = ToggleBrackets(lines[at]);
                return ("bracket widths", Join(lines));
            case 8:
                lines.Insert(at, string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => _garbage[random.Next(_garbage.Length)])));
                return ("insert garbage line", Join(lines));
            case 9:
                lines[at] = Numbering().Replace(lines[at], match => match.Value.EndsWith('、') ? match.Value[..^1] + "." : match.Value[..^1] + "、");
                return ("numbering style", Join(lines));
            case 10:
                if (text.Length == 0)
                {
                    goto case 4;
                }

                return ("delete character", text.Remove(random.Next(text.Length), 1));
            case 11:
                if (at + 1 < lines.Count)
                {
                    lines[at] += lines[at + 1];
                    lines.RemoveAt(at + 1);
                }

                return ("join lines", Join(lines));
            case 12:
                lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), "\t" + (random.Next(2) == 0 ? "" : _numbers[random.Next(_numbers.Length)]));
                return ("extra cell", Join(lines));
            default:
                var copy = string.Join("\n", lines.Skip(at).Take(random.Next(1, 40)));
                return ("repeat a block", text.Insert(random.Next(text.Length + 1), "\n" + copy + "\n"));
        }
    }

    private static string Join(List<string> lines) => string.Join("\n", lines);

    private static string RandomUnicode(Random random)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(1, 12); i > 0; i--)
        {
            builder.Append(random.Next(6) switch
            {
                0 => ((char)random.Next(0, 0x20)).ToString(),
                1 => ((char)random.Next(0x4E00, 0x9FFF)).ToString(),
                2 => ((char)random.Next(0xD800, 0xE000)).ToString(),
                3 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)),
                4 => ((char)random.Next(0xFF01, 0xFF5E)).ToString(),
                _ => ((char)random.Next(0x20, 0x7F)).ToString(CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    private static string ToggleBrackets(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            builder.Append(c switch
            {
                '（' => '(',
                '）' => ')',
                '(' => '（',
                ')' => '）',
                _ => c,
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"-?\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*\d+[.、]")]
    private static partial Regex Numbering();
}
