namespace Disclosure.Domain.Reports;

/// <summary>
/// One version of an agency's report for a year. A published version is never edited: a correction is a new version
/// that names the one it replaces.
/// </summary>
public sealed class ReportVersion
{
    public const int AgencyNameMaxLength = Agencies.Agency.NameMaxLength;
    public const int NoteMaxLength = 2000;
    public const int SourceMaxLength = 500;

    private readonly List<StoredCell> _cells = [];
    private OverviewPart[] _overview = [];

    private ReportVersion()
    {
        AgencyName = "";
        Title = "";
        Preamble = "";
        Problems = "";
        Other = "";
    }

    internal ReportVersion(Report report, int number, AnnualReport content, ReportOrigin origin, string? source, DateTimeOffset createdAt)
        : this()
    {
        Report = report;
        Number = number;
        Origin = origin;
        Source = source;
        CreatedAt = createdAt;
        Status = ReportStatus.Draft;
        SetContent(content);
    }

    public int Id { get; private set; }

    public int ReportId { get; private set; }

    public Report Report { get; private set; } = null!;

    /// <summary>1 for the first version of a report, 2 for its first correction, …</summary>
    public int Number { get; private set; }

    public ReportStatus Status { get; private set; }

    /// <summary>True for the one published version readers see.</summary>
    public bool IsCurrent { get; private set; }

    public ReportOrigin Origin { get; private set; }

    /// <summary>Where an imported report came from (a URL or a file name).</summary>
    public string? Source { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The version this one corrects, if it is a correction.</summary>
    public int? ReplacesVersionId { get; private set; }

    /// <summary>更正说明: why this version replaced the previous one.</summary>
    public string? CorrectionNote { get; private set; }

    // The document, as stored.
    public string AgencyName { get; private set; }

    public ReportFormat Format { get; private set; }

    public ReportScope Scope { get; private set; }

    public string Title { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public string Preamble { get; private set; }

    public IReadOnlyList<OverviewPart> Overview => _overview;

    public string Problems { get; private set; }

    public string Other { get; private set; }

    public IReadOnlyList<StoredCell> Cells => _cells;

    internal void MarkPublished(DateTimeOffset at)
    {
        if (Status == ReportStatus.Published || Status == ReportStatus.Superseded)
        {
            throw new InvalidOperationException($"Version {Number} is already published.");
        }

        Status = ReportStatus.Published;
        PublishedAt = at;
        IsCurrent = true;
    }

    internal void MarkSuperseded()
    {
        if (Status != ReportStatus.Published)
        {
            throw new InvalidOperationException("Only a published version can be superseded.");
        }

        Status = ReportStatus.Superseded;
        IsCurrent = false;
    }

    internal void MarkAsCorrectionOf(ReportVersion replaced, string note)
    {
        ReplacesVersionId = replaced.Id;
        CorrectionNote = note;
    }

    /// <summary>Rebuilds the document. The slug is the agency's current one; the name is as printed on this version.</summary>
    public AnnualReport ToDocument(string agencySlug)
    {
        var report = new AnnualReport(new AgencyRef(AgencyName, agencySlug), Report.Year, Format, Scope, Title)
        {
            PublishedOn = PublishedOn,
            Sections = new ReportSections(Preamble, _overview, Problems, Other),
        };
        foreach (var cell in _cells)
        {
            report.Table(cell.Table)[cell.Row, cell.Column] = cell.Value;
        }

        return report;
    }

    private void SetContent(AnnualReport content)
    {
        AgencyName = content.Agency.Name;
        Format = content.Format;
        Scope = content.Scope;
        Title = content.Title;
        PublishedOn = content.PublishedOn;
        Preamble = content.Sections.Preamble;
        Problems = content.Sections.Problems;
        Other = content.Sections.Other;
        _overview = [.. content.Sections.Overview];
        _cells.Clear();
        _cells.AddRange(content.Cells.Where(c => !c.Value.IsBlank).Select(c => new StoredCell(c.Table, c.Row, c.Column, c.Value)));
    }
}
