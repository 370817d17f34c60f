using Disclosure.Domain.Serialization;

namespace Disclosure.Reporting.Pdf.Benchmarks;

/// <summary>
/// The 中卫市商务局 2023 report, typeset through the portal's own mapping (<see cref="AnnualReportPdf"/>) from its
/// canonical JSON: the samples folder beside the repository, or the file named by <c>SAMPLE_JSON</c>.
/// </summary>
internal static class SampleReport
{
    public static PdfReportDocument Load(bool isDraft = false)
    {
        var report = CanonicalJson.Read(File.ReadAllText(Find()));
        report.PublishedOn = new DateOnly(2024, 1, 31);
        return AnnualReportPdf.Build(report, report.PublishedOn.Value, isDraft);
    }

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("SAMPLE_JSON") is { Length: > 0 } path)
        {
            return path;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", "zhongwei-commerce-2023.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("zhongwei-commerce-2023.json not found; set SAMPLE_JSON to its path.");
    }
}
