namespace Disclosure.Data.Summaries;

/// <summary>
/// What a year's <see cref="YearCellTotal"/> rows and <see cref="ReportSummary"/> rows account for: how many versions
/// are current, and how many of the year's version events in the publication log (<see cref="Publication.PublicationLogEntry"/>)
/// they have followed. When the log holds more (a database written by an older release), the year is summed again from
/// the cells. <see cref="Revision"/> is the concurrency token every change to the year's totals goes through, so two
/// publications of the same year never lose each other's additions.
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

    /// <summary>The year's current versions that the totals add up.</summary>
    public int Reports { get; private set; }

    /// <summary>The year's version events in the publication log that the rows have followed.</summary>
    public int Events { get; private set; }

    public int Revision { get; private set; }

    /// <summary>Whether the rows have followed all <paramref name="loggedEvents"/> of the year's version events.</summary>
    public bool Accounts(int loggedEvents) => Events == loggedEvents;

    internal void Change(int reports, int events)
    {
        Reports += reports;
        Events += events;
        Revision++;
    }

    internal void Reset(int reports, int events)
    {
        Reports = reports;
        Events = events;
        Revision++;
    }
}
