namespace Disclosure.Data.Summaries;

/// <summary>
/// Which current versions a year's <see cref="YearCellTotal"/> rows and <see cref="ReportSummary"/> rows account for:
/// how many, and the sum of their version numbers (a correction raises it by one, a new report adds its number).
/// When the figures in the database differ, the year is summed again from the cells (a database written by an older
/// release, or by a tool that went around the context). <see cref="Revision"/> is the concurrency token every change
/// to the year's totals goes through, so two publications of the same year never lose each other's additions.
/// </summary>
public sealed class YearSummary
{
    private YearSummary()
    {
    }

    internal YearSummary(int year)
    {
        Year = year;
    }

    public int Year { get; private set; }

    public int Reports { get; private set; }

    public long VersionNumberSum { get; private set; }

    public int Revision { get; private set; }

    public bool Accounts(YearState state) => Reports == state.Reports && VersionNumberSum == state.VersionNumberSum;

    internal void Change(int reports, long versionNumbers)
    {
        Reports += reports;
        VersionNumberSum += versionNumbers;
        Revision++;
    }

    internal void Reset(YearState state)
    {
        Reports = state.Reports;
        VersionNumberSum = state.VersionNumberSum;
        Revision++;
    }
}

/// <summary>The year's current versions as counted in the database.</summary>
public readonly record struct YearState(int Reports, long VersionNumberSum);
