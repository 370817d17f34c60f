using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Reports;

/// <summary>The office a report names, as printed on it.</summary>
public sealed record AgencyRef(string Name, string Slug);

/// <summary>
/// One annual report as a document: its metadata, the narrative sections and the three tables, exactly as published.
/// This is what the canonical JSON holds, what the consistency rules check and what the pages and the PDF render.
/// </summary>
public sealed class AnnualReport
{
    public const int TitleMaxLength = 300;
    public const int MinYear = 2008;
    public const int MaxYear = 2100;

    /// <summary>Whether <paramref name="year"/> is a report year the portal knows (<see cref="MinYear"/>–<see cref="MaxYear"/>).</summary>
    public static bool IsYear([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] int? year) => year is >= MinYear and <= MaxYear;

    public AnnualReport(AgencyRef agency, int year, ReportFormat format, ReportScope scope, string title)
    {
        if (!IsYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"A report year lies between {MinYear} and {MaxYear}.");
        }

        Agency = agency;
        Year = year;
        Format = format;
        Scope = scope;
        Title = title;
        Layout = ReportLayout.For(format);
        Proactive = new ReportTable(Layout.Proactive);
        Applications = new ReportTable(Layout.Applications);
        Reviews = new ReportTable(Layout.Reviews);
    }

    public AgencyRef Agency { get; }

    public int Year { get; }

    public ReportFormat Format { get; }

    public ReportScope Scope { get; }

    public string Title { get; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>Where the office published the report itself (<see cref="OriginalLink"/>); not part of the canonical JSON.</summary>
    public string? OriginalUrl { get; set; }

    public ReportSections Sections { get; set; } = ReportSections.Empty;

    public ReportLayout Layout { get; }

    /// <summary>Table 二.</summary>
    public ReportTable Proactive { get; }

    /// <summary>Table 三.</summary>
    public ReportTable Applications { get; }

    /// <summary>Table 四.</summary>
    public ReportTable Reviews { get; }

    public ReportTable Table(ReportTableId id) => id switch
    {
        ReportTableId.Proactive => Proactive,
        ReportTableId.Applications => Applications,
        ReportTableId.Reviews => Reviews,
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    public IEnumerable<ReportTable> Tables => [Proactive, Applications, Reviews];

    /// <summary>Every cell of the three tables, in printed order.</summary>
    public IEnumerable<ReportCell> Cells => Tables.SelectMany(t => t.Cells);
}
