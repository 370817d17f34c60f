using Disclosure.Domain.Serialization;
using Disclosure.Testing;

namespace Disclosure.Reporting.Pdf.Benchmarks;

/// <summary>The 中卫市商务局 2023 report (tests/Fixtures), typeset through the portal's own mapping (<see cref="AnnualReportPdf"/>).</summary>
internal static class SampleReport
{
    public static PdfReportDocument Load(bool isDraft = false)
    {
        var report = CanonicalJson.Read(Fixtures.Json(Fixtures.Zhongwei2023));
        report.PublishedOn = new DateOnly(2024, 1, 31);
        return AnnualReportPdf.Build(report, report.PublishedOn.Value, isDraft);
    }
}
