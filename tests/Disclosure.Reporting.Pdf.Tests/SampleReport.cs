using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;

namespace Disclosure.Reporting.Pdf.Tests;

/// <summary>
/// The 中卫市商务局 2023 report from its canonical JSON (tests/Fixtures), typeset through the portal's own mapping
/// (<see cref="AnnualReportPdf"/>), published on 31 January 2024 as it was.
/// </summary>
public static class SampleReport
{
    public static readonly DateOnly PublicationDate = new(2024, 1, 31);

    public static AnnualReport Report()
    {
        var report = CanonicalJson.Read(Fixtures.Json(Fixtures.Zhongwei2023));
        report.PublishedOn = PublicationDate;
        return report;
    }

    public static PdfReportDocument Load(bool isDraft = false) => AnnualReportPdf.Build(Report(), PublicationDate, isDraft);
}
