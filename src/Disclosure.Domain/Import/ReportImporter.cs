using System.Text;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Disclosure.Domain.Serialization;
using Disclosure.Domain.Text;

namespace Disclosure.Domain.Import;

/// <summary>
/// One entry point for every importable input: the canonical JSON (detected by its first non-blank character '{',
/// read losslessly by <see cref="CanonicalJson.Read(string)"/>) or the text copied from a report page
/// (<see cref="ReportTextParser"/>). Never throws.
/// </summary>
public static class ReportImporter
{
    public static bool IsJson(string input) => input.AsSpan().TrimStart().TrimStart('\uFEFF').TrimStart().StartsWith("{", StringComparison.Ordinal);

    /// <summary>Bytes as read from a file: UTF-8 (with or without BOM) only.</summary>
    public static ImportResult Import(byte[] input, ImportOptions? options = null)
    {
        if (input.Length > ReportTextParser.MaxInputLength * 3L)
        {
            return ImportResult.Failed(ImportInputKind.Text, $"文件过大（{input.Length:N0} 字节）：一份年度报告的文字远小于此。");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(input);
        }
        catch (DecoderFallbackException)
        {
            return ImportResult.Failed(ImportInputKind.Text, "文件不是 UTF-8 文本：请以 UTF-8 保存从报告网页复制的文字，或导入规范 JSON。");
        }

        return Import(text, options);
    }

    /// <summary>
    /// A report whose text (names, title, sections, text cells) holds a control character is refused, with the place
    /// and the character (<see cref="ControlCharacters"/>): nothing stored may hold one.
    /// </summary>
    public static ImportResult Import(string? input, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        var result = input is not null && IsJson(input) ? ImportJson(input, options) : ReportTextParser.Parse(input, options);
        return result.Report is not null && ControlCharacters.FindIn(result.Report) is { } where
            ? ImportResult.Failed(result.InputKind, "报告含有控制字符，未导入。" + where)
            : result;
    }

    private static ImportResult ImportJson(string json, ImportOptions options)
    {
        AnnualReport report;
        try
        {
            report = CanonicalJson.Read(json.TrimStart('\uFEFF'));
        }
        catch (CanonicalJsonException ex)
        {
            return ImportResult.Failed(ImportInputKind.CanonicalJson, $"不是有效的规范 JSON：{ex.Message}");
        }
        catch (ArgumentException ex)
        {
            return ImportResult.Failed(ImportInputKind.CanonicalJson, $"不是有效的规范 JSON：{ex.Message}");
        }

        var slug = options.AgencySlug.Length > 0 ? options.AgencySlug : report.Agency.Slug;
        var scope = options.Scope ?? report.Scope;
        if (slug != report.Agency.Slug || scope != report.Scope)
        {
            report = ImportResult.Copy(report, slug, scope);
        }

        return new ImportResult
        {
            InputKind = ImportInputKind.CanonicalJson,
            Report = report,
            Format = report.Format,
            AgencyName = report.Agency.Name,
            Year = report.Year,
            Scope = report.Scope,
            ScopeReason = options.Scope is null ? "规范 JSON 中的 scope" : "导入时指定",
            Findings = ConsistencyRules.Check(report),
        };
    }
}
