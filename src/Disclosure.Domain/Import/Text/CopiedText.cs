using System.Text;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Import.Text;

/// <summary>Small text helpers for what a browser copies: the invisible characters it leaves and the previews we show.</summary>
internal static class CopiedText
{
    /// <summary>Trimmed of whitespace, byte-order marks and zero-width spaces.</summary>
    public static string Trim(string line) => line.Trim().Trim('\uFEFF', '\u200B');

    /// <summary>Without any whitespace or zero-width character, full-width digits made ASCII ("２０２３ 年" → "2023年").</summary>
    public static string WithoutWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('\uFEFF' or '\u200B'))
            {
                sb.Append(c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c);
            }
        }

        return sb.ToString();
    }

    /// <summary>At most 200 characters of a line, for messages.</summary>
    public static string Preview(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>The table's name in messages: 表二, 表三, 表四.</summary>
    public static string TableName(ReportTableId id) => id switch
    {
        ReportTableId.Proactive => "表二",
        ReportTableId.Applications => "表三",
        _ => "表四",
    };
}
