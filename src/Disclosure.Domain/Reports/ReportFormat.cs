namespace Disclosure.Domain.Reports;

/// <summary>Which official layout a report follows. Detected from the labels, never from the year.</summary>
public enum ReportFormat
{
    /// <summary>国办公开办函〔2021〕30号, report years 2021 on.</summary>
    Format2021 = 2021,

    /// <summary>国办公开办函〔2019〕60号 trial format, report years 2019–2020.</summary>
    Format2019 = 2019,

    /// <summary>2021 table 二 with the 2019 single-row （六）其他处理.</summary>
    Hybrid = 1,
}

/// <summary>口径: whether a report covers the office itself or sums a whole jurisdiction.</summary>
public enum ReportScope
{
    /// <summary>本机关.</summary>
    Agency = 1,

    /// <summary>本级汇总.</summary>
    Jurisdiction = 2,
}

public static class ReportFormatCodes
{
    public static string ToCode(this ReportFormat format) => format switch
    {
        ReportFormat.Format2021 => "2021",
        ReportFormat.Format2019 => "2019",
        ReportFormat.Hybrid => "hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static bool TryParseFormat(string? code, out ReportFormat format)
    {
        switch (code)
        {
            case "2021": format = ReportFormat.Format2021; return true;
            case "2019": format = ReportFormat.Format2019; return true;
            case "hybrid": format = ReportFormat.Hybrid; return true;
            default: format = default; return false;
        }
    }

    public static string DisplayName(this ReportFormat format) => format switch
    {
        ReportFormat.Format2021 => "2021年版格式（国办公开办函〔2021〕30号）",
        ReportFormat.Format2019 => "2019年试行格式（国办公开办函〔2019〕60号）",
        ReportFormat.Hybrid => "混合格式（2021年版表二，2019年版单行“其他处理”）",
        _ => format.ToString(),
    };

    public static string ToCode(this ReportScope scope) => scope switch
    {
        ReportScope.Agency => "agency",
        ReportScope.Jurisdiction => "jurisdiction",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    public static bool TryParseScope(string? code, out ReportScope scope)
    {
        switch (code)
        {
            case "agency": scope = ReportScope.Agency; return true;
            case "jurisdiction": scope = ReportScope.Jurisdiction; return true;
            default: scope = default; return false;
        }
    }

    public static string DisplayName(this ReportScope scope) => scope switch
    {
        ReportScope.Agency => "本机关",
        ReportScope.Jurisdiction => "本级汇总",
        _ => scope.ToString(),
    };
}
