namespace Disclosure.Domain.Reports;

/// <summary>
/// The address where the office itself published its report (原文链接): what the portal's typeset page and PDF are
/// not. Only an absolute http or https address with a host is accepted — never javascript:, data: or a relative path —
/// so the link a citizen follows leaves the portal for the office's own site and nothing else.
/// </summary>
public static class OriginalLink
{
    public const int MaxLength = 500;

    /// <summary>The address as stored (trimmed), or null with <paramref name="problem"/> saying why it is refused; blank is no link.</summary>
    public static bool TryRead(string? text, out string? url, out string? problem)
    {
        url = null;
        problem = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return true;
        }

        if (trimmed.Length > MaxLength)
        {
            problem = $"原文链接最多 {MaxLength} 个字符";
            return false;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)
            || trimmed.Any(char.IsWhiteSpace))
        {
            problem = "原文链接应为以 https:// 或 http:// 开头的完整网址，如 https://www.example.gov.cn/xxgk/2024/report.html";
            return false;
        }

        url = trimmed;
        return true;
    }

    /// <summary>The host a reader sees beside the link (「www.nx.gov.cn」).</summary>
    public static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
}
