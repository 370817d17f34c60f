using Disclosure.Domain.Agencies;

namespace Disclosure.Domain.Reports;

/// <summary>
/// An agency's annual report for one year: the aggregate over its versions. Once the report is published exactly one
/// version is current (the one readers see; a unique index holds at most one); earlier published versions stay readable.
/// </summary>
public sealed class Report
{
    private readonly List<ReportVersion> _versions = [];

    private Report()
    {
    }

    public Report(Agency agency, int year)
    {
        if (year is < AnnualReport.MinYear or > AnnualReport.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year));
        }

        Agency = agency;
        AgencyId = agency.Id;
        Year = year;
    }

    public int Id { get; private set; }

    public int AgencyId { get; private set; }

    public Agency Agency { get; private set; } = null!;

    public int Year { get; private set; }

    /// <summary>The published version readers see; null until the report is first published. Needs the versions loaded.</summary>
    public ReportVersion? CurrentVersion => _versions.SingleOrDefault(v => v.IsCurrent);

    public IReadOnlyList<ReportVersion> Versions => _versions;

    /// <summary>
    /// Publishes a report exactly as it was printed elsewhere (an import, or the bundled demo data): a new version that
    /// becomes current. If a version was already published, the new one is a correction and needs a note.
    /// </summary>
    public ReportVersion PublishAsPrinted(AnnualReport content, ReportOrigin origin, string? source, DateTimeOffset at, string? correctionNote = null)
    {
        if (content.Year != Year || content.Agency.Slug != Agency.Slug)
        {
            throw new ArgumentException($"This is the report of {Agency.Slug} for {Year}, not {content.Agency.Slug} for {content.Year}.", nameof(content));
        }

        var version = new ReportVersion(this, _versions.Count + 1, content, origin, source, at);
        var previous = CurrentVersion;
        if (previous is not null)
        {
            if (string.IsNullOrWhiteSpace(correctionNote))
            {
                throw new InvalidOperationException("A published report is replaced only by a correction with a stated reason (更正说明).");
            }

            version.MarkAsCorrectionOf(previous, correctionNote.Trim());
            previous.MarkSuperseded();
        }

        _versions.Add(version);
        version.MarkPublished(at);
        return version;
    }
}
