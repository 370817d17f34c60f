using System.Globalization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Text;
using Disclosure.Web.Infrastructure;
using FluentValidation;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>
/// Every report form carries the revision it was read at (the concurrency token) and the values it showed then
/// (<see cref="Original"/>), so that a save after someone else's is merged field by field (<see cref="FormMerge"/>).
/// </summary>
public abstract class ReportForm
{
    public int Revision { get; set; }

    /// <summary>The values the form showed when it was read (JSON of <see cref="Values"/>).</summary>
    public string? Original { get; set; }

    /// <summary>The fields of this part, by key, as typed.</summary>
    public abstract IReadOnlyDictionary<string, string?> Values();

    /// <summary>Puts a stored value into a field (a field this user did not change, after someone else saved it).</summary>
    public abstract void Take(string key, string? value);

    /// <summary>A field's value as compared in a merge: what means the same compares equal.</summary>
    public virtual string Canonical(string key, string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>A field's printed label, for conflict notices.</summary>
    public abstract string Label(string key, AnnualReport report);

    /// <summary>Records the values shown now as the original (on reading, and after taking a merge).</summary>
    public void RememberOriginal() => Original = FormMerge.Serialize(Values());
}

/// <summary>Title, scope and publication date.</summary>
public sealed class MetadataForm : ReportForm
{
    public string? Title { get; set; }

    public string? Scope { get; set; }

    public string? PublishedOn { get; set; }

    /// <summary>原文链接.</summary>
    public string? OriginalUrl { get; set; }

    public static MetadataForm From(AnnualReport report, int revision)
    {
        var form = new MetadataForm
        {
            Revision = revision,
            Title = report.Title,
            Scope = report.Scope.ToCode(),
            PublishedOn = report.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            OriginalUrl = report.OriginalUrl,
        };
        form.RememberOriginal();
        return form;
    }

    public override IReadOnlyDictionary<string, string?> Values() =>
        new Dictionary<string, string?> { [nameof(Title)] = Title, [nameof(Scope)] = Scope, [nameof(PublishedOn)] = PublishedOn, [nameof(OriginalUrl)] = OriginalUrl };

    public override void Take(string key, string? value)
    {
        switch (key)
        {
            case nameof(Title): Title = value; break;
            case nameof(Scope): Scope = value; break;
            case nameof(PublishedOn): PublishedOn = value; break;
            case nameof(OriginalUrl): OriginalUrl = value; break;
        }
    }

    public override string Canonical(string key, string? value) =>
        key == nameof(PublishedOn) && TryReadDate(value, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : base.Canonical(key, value);

    public override string Label(string key, AnnualReport report) => key switch
    {
        nameof(Title) => "报告标题",
        nameof(Scope) => "统计口径",
        nameof(OriginalUrl) => "原文链接",
        _ => "发布日期",
    };

    public void ApplyTo(AnnualReport draft, out AnnualReport updated)
    {
        var scope = ReportFormatCodes.TryParseScope(Scope, out var parsed) ? parsed : draft.Scope;
        updated = Copy(draft, Title!.Trim(), scope);
        updated.PublishedOn = TryReadDate(PublishedOn, out var date) ? date : null;
        updated.OriginalUrl = OriginalLink.TryRead(OriginalUrl, out var url, out _) ? url : draft.OriginalUrl;
    }

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>A date as a clerk types it: 2025-01-20, 2025-1-20, 2025/1/20, 2025.1.20 or 2025年1月20日 (full-width digits too).</summary>
    public static bool TryReadDate(string? text, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateOnly.TryParseExact(text.Trim().Normalize(System.Text.NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A copy with another title and scope (both are fixed at construction of a document).</summary>
    private static AnnualReport Copy(AnnualReport source, string title, ReportScope scope)
    {
        var copy = new AnnualReport(source.Agency, source.Year, source.Format, scope, title)
        {
            PublishedOn = source.PublishedOn,
            OriginalUrl = source.OriginalUrl,
            Sections = source.Sections,
        };
        foreach (var cell in source.Cells)
        {
            copy.Table(cell.Table)[cell.Row, cell.Column] = cell.Value;
        }

        return copy;
    }
}

public sealed class MetadataFormValidator : AbstractValidator<MetadataForm>
{
    public MetadataFormValidator(int year)
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("请填写报告标题。")
            .MaximumLength(AnnualReport.TitleMaxLength).WithMessage($"标题最多 {AnnualReport.TitleMaxLength} 个字。")
            .NoControlCharacters();
        RuleFor(f => f.Scope).Must(s => ReportFormatCodes.TryParseScope(s, out _)).WithMessage("请选择统计口径。");
        RuleFor(f => f.PublishedOn)
            .Must(d => string.IsNullOrWhiteSpace(d) || MetadataForm.TryReadDate(d, out _))
            .WithMessage($"日期格式应为 年-月-日，如 {year + 1}-01-20。")
            .Must(d => !MetadataForm.TryReadDate(d, out var date) || (date.Year >= year && date.Year <= year + 1))
            .WithMessage($"发布日期应在 {year} 年或 {year + 1} 年。");
        RuleFor(f => f.OriginalUrl)
            .Must(u => OriginalLink.TryRead(u, out _, out _))
            .WithMessage(f => (OriginalLink.TryRead(f.OriginalUrl, out _, out var problem) ? "" : problem) + "。");
    }
}

public sealed class OverviewPartForm
{
    public string? Heading { get; set; }

    public string? Body { get; set; }
}

/// <summary>The narrative: preamble, 一's sub-headed parts, 五 and 六.</summary>
public sealed class SectionsForm : ReportForm
{
    /// <summary>Empty slots shown after the existing parts, for adding sub-headings.</summary>
    public const int SpareParts = 2;

    public string? Preamble { get; set; }

    public List<OverviewPartForm> Overview { get; set; } = [];

    public string? Problems { get; set; }

    public string? Other { get; set; }

    public static SectionsForm From(AnnualReport report, int revision)
    {
        var form = new SectionsForm
        {
            Revision = revision,
            Preamble = report.Sections.Preamble,
            Overview = [.. report.Sections.Overview.Select(p => new OverviewPartForm { Heading = p.Heading, Body = p.Body })],
            Problems = report.Sections.Problems,
            Other = report.Sections.Other,
        };
        form.RememberOriginal();
        return form;
    }

    /// <summary>一、总体情况 is one field in a merge (its parts can be added, removed and reordered).</summary>
    public override IReadOnlyDictionary<string, string?> Values() => new Dictionary<string, string?>
    {
        [nameof(Preamble)] = Preamble,
        [nameof(Overview)] = System.Text.Json.JsonSerializer.Serialize(ToSections().Overview.Select(p => new[] { p.Heading, p.Body })),
        [nameof(Problems)] = Problems,
        [nameof(Other)] = Other,
    };

    public override void Take(string key, string? value)
    {
        switch (key)
        {
            case nameof(Preamble): Preamble = value; break;
            case nameof(Problems): Problems = value; break;
            case nameof(Other): Other = value; break;
            case nameof(Overview):
                var parts = System.Text.Json.JsonSerializer.Deserialize<string[][]>(value ?? "[]") ?? [];
                Overview = [.. parts.Select(p => new OverviewPartForm { Heading = p[0], Body = p[1] })];
                break;
        }
    }

    public override string Label(string key, AnnualReport report) => key switch
    {
        nameof(Preamble) => "前言",
        nameof(Overview) => "一、总体情况",
        nameof(Problems) => "五、存在的主要问题及改进情况",
        _ => "六、其他需要报告的事项",
    };

    public ReportSections ToSections() => new(
        Clean(Preamble),
        Overview.Where(p => !string.IsNullOrWhiteSpace(p.Heading) || !string.IsNullOrWhiteSpace(p.Body))
            .Select(p => new OverviewPart(p.Heading?.Trim() ?? "", Clean(p.Body)))
            .ToArray(),
        Clean(Problems),
        Clean(Other));

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

public sealed class SectionsFormValidator : AbstractValidator<SectionsForm>
{
    public SectionsFormValidator()
    {
        const string tooLong = "最多 {MaxLength} 个字，当前 {TotalLength} 个字。";
        RuleFor(f => f.Preamble).MaximumLength(ReportSections.SectionMaxLength).WithMessage(tooLong).NoControlCharacters(multiline: true);
        RuleFor(f => f.Problems).MaximumLength(ReportSections.SectionMaxLength).WithMessage(tooLong).NoControlCharacters(multiline: true);
        RuleFor(f => f.Other).MaximumLength(ReportSections.SectionMaxLength).WithMessage(tooLong).NoControlCharacters(multiline: true);
        RuleFor(f => f.Overview.Count).LessThanOrEqualTo(ReportSections.MaxOverviewParts + SectionsForm.SpareParts)
            .WithMessage($"“总体情况”最多 {ReportSections.MaxOverviewParts} 个小标题。").OverridePropertyName("Overview");
        RuleForEach(f => f.Overview).ChildRules(part =>
        {
            part.RuleFor(p => p.Heading).MaximumLength(OverviewPart.HeadingMaxLength).WithMessage(tooLong).NoControlCharacters();
            part.RuleFor(p => p.Body).MaximumLength(ReportSections.SectionMaxLength).WithMessage(tooLong).NoControlCharacters(multiline: true);
        });
    }
}

/// <summary>The cells of one table, as typed: keys <c>row.column</c>, values raw text (blank = blank, not zero).</summary>
public sealed class TableForm : ReportForm
{
    public Dictionary<string, string?> Cells { get; set; } = [];

    public static string Key(string row, string column) => $"{row}.{column}";

    public static string FieldName(string row, string column) => $"Cells[{Key(row, column)}]";

    public static TableForm From(ReportTable table, int revision)
    {
        var form = new TableForm
        {
            Revision = revision,
            Cells = table.Cells
                .Where(c => !table.Layout.IsComputed(c.Row, c.Column))
                .ToDictionary(c => Key(c.Row, c.Column), c => (string?)c.Value.Format(table.Layout.Row(c.Row)!.Column(c.Column)!.Kind)),
        };
        form.RememberOriginal();
        return form;
    }

    public override IReadOnlyDictionary<string, string?> Values() => Cells;

    public override void Take(string key, string? value) => Cells[key] = value;

    /// <summary>Figures compare as numbers read the same way (１２ = 12, 1,200 = 1200).</summary>
    public override string Canonical(string key, string? value) => CellInput.NumberText(value, CellKind.Count) ?? "";

    public override string Label(string key, AnnualReport report) =>
        report.Tables.SelectMany(t => t.Layout.Printed.DataCells).FirstOrDefault(c => Key(c.Ref.Row, c.Ref.Column) == key)?.Label ?? key;

    /// <summary>Writes the typed cells into the table (after validation), then the computed totals.</summary>
    public void ApplyTo(AnnualReport report, ReportTableId tableId)
    {
        var table = report.Table(tableId);
        foreach (var row in table.Layout.Rows)
        {
            foreach (var column in row.Columns)
            {
                if (!table.Layout.IsComputed(row.Key, column.Key) && Cells.TryGetValue(Key(row.Key, column.Key), out var raw))
                {
                    table[row.Key, column.Key] = CellInput.Parse(raw, column.Kind);
                }
            }
        }

        ReportTotals.Apply(report);
    }
}

/// <summary>
/// What a person may type into a cell, and what it means: the domain's one reading (<see cref="CellParser"/>, the same
/// as the importer's), with its problems worded in Chinese for the field.
/// </summary>
public static class CellInput
{
    /// <summary>A typed value as it is read (１２ → 12, "1,200" → 1200), or null for blank. table-entry.js reads numbers the same way for the live totals.</summary>
    public static string? NumberText(string? raw, CellKind kind) => CellParser.Canonical(raw, kind);

    /// <summary>The value of an acceptable typed text (call <see cref="Problem"/> first).</summary>
    public static CellValue Parse(string? raw, CellKind kind) =>
        CellParser.Read(raw, kind) is { IsValid: true, Value: var value }
            ? value
            : throw new FormatException($"Not a value of a {kind} cell: '{raw}'.");

    /// <summary>The message for a bad value, or null when the value is acceptable (blank is acceptable: blank is not zero).</summary>
    public static string? Problem(string? raw, CellKind kind)
    {
        var typed = raw?.Trim() ?? "";
        if (ControlCharacters.IndexOfRefused(typed, multiline: false) is var at and >= 0)
        {
            return ControlCharacters.Message(typed, at);
        }

        return CellParser.Read(raw, kind).Problem switch
        {
            CellProblem.None => null,
            CellProblem.TooLong => $"最多 {StoredCell.TextMaxLength} 个字。",
            CellProblem.Negative when kind == CellKind.WanYuan => "金额不能为负数。",
            CellProblem.Negative => "件数不能为负数。",
            CellProblem.TooManyDecimals => $"金额最多保留 {WanYuan.MaxDecimals} 位小数（单位：万元）。",
            CellProblem.TooLarge when kind == CellKind.WanYuan => $"金额过大（整数部分最多 {WanYuan.MaxWholeDigits} 位，单位：万元）。",
            CellProblem.TooLarge => $"数值过大（最大 {CellValue.MaxCount:N0}）。",
            CellProblem.NotAnAmount => "请填写金额（单位：万元），如 12.5；无数据请留空。",
            CellProblem.Decimals => "请填写整数（件数没有小数）。",
            _ => "请填写整数，如 12；无数据请留空。",
        };
    }
}

public sealed class TableFormValidator : AbstractValidator<TableForm>
{
    public TableFormValidator(TableLayout layout)
    {
        RuleFor(f => f.Cells).Custom((cells, context) =>
        {
            foreach (var (key, raw) in cells)
            {
                var dot = key.IndexOf('.', StringComparison.Ordinal);
                var column = dot > 0 ? layout.Row(key[..dot])?.Column(key[(dot + 1)..]) : null;
                if (column is null || layout.IsComputed(key[..dot], key[(dot + 1)..]))
                {
                    context.AddFailure($"Cells[{key}]", "表中没有这个可填写的单元格。");
                    continue;
                }

                if (CellInput.Problem(raw, column.Kind) is { } problem)
                {
                    context.AddFailure($"Cells[{key}]", problem);
                }
            }
        });
    }
}
