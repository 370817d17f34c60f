namespace Disclosure.Domain.Reports;

/// <summary>Where a version stands in the workflow Draft → Submitted → (Returned → Draft …) → Approved → Published.</summary>
public enum ReportStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Approved = 4,
    Published = 5,

    /// <summary>A published version that a correction has replaced; still readable at its own URL.</summary>
    Superseded = 6,
}

/// <summary>How a version's figures came into the portal.</summary>
public enum ReportOrigin
{
    /// <summary>Typed into the portal's forms; totals computed here.</summary>
    Entered = 1,

    /// <summary>Imported from a published report, figures as printed.</summary>
    Imported = 2,

    /// <summary>Seeded from the bundled sample reports (Development and demo installs).</summary>
    Demo = 3,
}

public static class ReportStatusNames
{
    public static string DisplayName(this ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已提交待审核",
        ReportStatus.Returned => "已退回修改",
        ReportStatus.Approved => "已审核待发布",
        ReportStatus.Published => "已发布",
        ReportStatus.Superseded => "已被更正",
        _ => status.ToString(),
    };
}
