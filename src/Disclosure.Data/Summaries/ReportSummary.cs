using Disclosure.Domain.Reports;

namespace Disclosure.Data.Summaries;

/// <summary>
/// What the statistics and data-quality pages need of one published version, worked out once when it becomes
/// current: the five key figures of the rankings and breakdowns, and its consistency findings (checked against the
/// agency's current report of the year before, so it is worked out again when that one is corrected).
/// </summary>
public sealed class ReportSummary
{
    private ReportSummary()
    {
        Rules = " ";
        Findings = "[]";
        Derived = DerivedCells.None;
    }

    internal ReportSummary(ReportVersion version)
        : this()
    {
        Version = version;
    }

    internal static ReportSummary For(int versionId) => new() { ReportVersionId = versionId };

    public int ReportVersionId { get; private set; }

    public ReportVersion Version { get; private set; } = null!;

    /// <summary>表三 一、本年新收 总计.</summary>
    public long? New { get; private set; }

    /// <summary>表三 （七）总计 总计.</summary>
    public long? Processed { get; private set; }

    /// <summary>表三 （一）予以公开 总计.</summary>
    public long? Granted { get; private set; }

    /// <summary>表四 行政复议 总计.</summary>
    public long? Reviews { get; private set; }

    /// <summary>表四 the two 行政诉讼 总计 together.</summary>
    public long? Suits { get; private set; }

    /// <summary>Findings of severity error (S1 excluded).</summary>
    public int Errors { get; private set; }

    /// <summary>Findings of severity warning, S1 excluded.</summary>
    public int Warnings { get; private set; }

    /// <summary>How many cells are blank (rule S1).</summary>
    public int Blanks { get; private set; }

    /// <summary>The ids of the rules with findings, space-separated and space-framed (" R1 R4 S1 "), for filtering.</summary>
    public string Rules { get; private set; }

    /// <summary>The findings except S1, as JSON (see <see cref="FindingsJson"/>).</summary>
    public string Findings { get; private set; }

    /// <summary>
    /// The cells whose figure above (and in <see cref="YearCellTotal"/>) is the sum of their parts because the printed
    /// 总计 is blank or disagrees (ADR 0016), as <see cref="DerivedCells"/> writes them; " " when none.
    /// </summary>
    public string Derived { get; private set; }

    public static string RulePattern(string rule) => " " + rule + " ";

    internal void Set(SummaryFigures figures)
    {
        New = figures.New;
        Processed = figures.Processed;
        Granted = figures.Granted;
        Reviews = figures.Reviews;
        Suits = figures.Suits;
        Errors = figures.Errors;
        Warnings = figures.Warnings;
        Blanks = figures.Blanks;
        Rules = figures.Rules;
        Findings = figures.Findings;
        Derived = figures.Derived;
    }
}
