using Disclosure.Domain.Serialization;
using Disclosure.Testing;

namespace Disclosure.Reporting.Pdf.Benchmarks;

/// <summary>The sample reports (tests/Fixtures), typeset through the portal's own mapping (<see cref="AnnualReportPdf"/>).</summary>
internal static class SampleReport
{
    /// <summary>The 中卫市商务局 2023 report, the one the benchmark measures.</summary>
    public static PdfReportDocument Load(bool isDraft = false) => Load(Fixtures.Zhongwei2023, isDraft);

    /// <summary>A sample by its fixture name, published on 31 January of the following year.</summary>
    public static PdfReportDocument Load(string name, bool isDraft = false)
    {
        var report = CanonicalJson.Read(Fixtures.Json(name));
        report.PublishedOn = new DateOnly(report.Year + 1, 1, 31);
        return AnnualReportPdf.Build(report, report.PublishedOn.Value, isDraft);
    }
}
