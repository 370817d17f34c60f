using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;

namespace Disclosure.Reporting.Pdf.Tests;

/// <summary>
/// The 中卫市商务局 2023 report from its canonical JSON (samples/zhongwei-commerce-2023.json), typeset through the
/// portal's own mapping (<see cref="AnnualReportPdf"/>), published on 31 January 2024 as it was.
/// </summary>
public static class SampleReport
{
    public static readonly DateOnly PublicationDate = new(2024, 1, 31);

    public static string SharedPath(params string[] parts)
    {
        // Walk up from the test assembly to the repository root, whose parent holds shared/.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine([dir.FullName, "shared", .. parts]);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new FileNotFoundException("shared/ not found above " + AppContext.BaseDirectory, Path.Combine(parts));
    }

    public static AnnualReport Report()
    {
        var report = CanonicalJson.Read(File.ReadAllText(SharedPath("samples", "zhongwei-commerce-2023.json")));
        report.PublishedOn = PublicationDate;
        return report;
    }

    public static PdfReportDocument Load(bool isDraft = false) => AnnualReportPdf.Build(Report(), PublicationDate, isDraft);
}
