using Disclosure.Data.Publication;
using Disclosure.Domain.Publication;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.Summaries;

/// <summary>
/// Keeps the summary tables in step with publication, inside the same SaveChanges as the change itself, following the
/// publication events (ADR 0018): when a version becomes current (publication, correction, import) or stops being
/// current (superseded), its cells are added to or taken from its year's <see cref="YearCellTotal"/> rows, its <see cref="ReportSummary"/> is worked out, and the
/// summary of the same agency's next-year report is worked out again (its R5 and S3 compare with this one).
/// Everything is added to the change tracker; nothing is saved here.
/// </summary>
internal sealed class SummaryMaintenance(DisclosureDbContext db)
{
    private readonly HashSet<object> _touched = new(ReferenceEqualityComparer.Instance);
    private readonly List<Item> _items = [];
    private readonly Dictionary<int, int> _eventsPerYear = [];

    /// <summary>The versions whose currency this save changes: +1 becomes current, −1 stops being current.</summary>
    public static List<(ReportVersion Version, int Sign)> Changes(IEnumerable<PublicationEvent> events) =>
        [.. events.Where(e => PublicationLogEntry.VersionOf(e) is not null)
            .Select(e => (PublicationLogEntry.VersionOf(e)!, e is VersionBecameCurrent ? 1 : -1))];

    /// <summary>Lets the tracker see the changes made to loaded rows even when automatic change detection is off.</summary>
    private void DetectTouched()
    {
        foreach (var entity in _touched)
        {
            db.Entry(entity).DetectChanges();
        }
    }

    /// <summary>Forgets what <see cref="ApplyAsync"/> added or changed, so that it can run again after a conflict.</summary>
    public void Undo()
    {
        foreach (var entity in _touched)
        {
            db.Entry(entity).State = EntityState.Detached;
        }

        _touched.Clear();
    }

    /// <summary>
    /// Notes the year and agency of each change, once, before the first attempt to save (after a failed save EF gives
    /// new rows temporary keys again and a new version's <c>Report</c> navigation can read as null until it saves).
    /// </summary>
    public async Task PrepareAsync(List<(ReportVersion Version, int Sign)> changes, CancellationToken cancellationToken)
    {
        _items.Clear();
        _eventsPerYear.Clear();
        foreach (var (version, sign) in Net(changes))
        {
            var entry = db.Entry(version);
            if (version.Report is null)
            {
                await entry.Reference(v => v.Report).LoadAsync(cancellationToken);
            }

            var report = version.Report!;
            object agencyKey = report.AgencyId > 0 ? report.AgencyId : report.Agency;
            _items.Add(new Item(version, sign, report.Year, agencyKey, report.AgencyId, IsNew(version)));
        }

        foreach (var (version, _) in changes)
        {
            var year = version.Report!.Year;
            _eventsPerYear[year] = _eventsPerYear.GetValueOrDefault(year) + 1;
        }
    }

    /// <summary>
    /// What each version's events come to: one that became current and was superseded in the same save (an import
    /// publishing twice) comes to nothing. The year's summary still counts every event the log records.
    /// </summary>
    private static IEnumerable<(ReportVersion Version, int Sign)> Net(List<(ReportVersion Version, int Sign)> changes) =>
        changes.GroupBy(c => c.Version, ReferenceEqualityComparer.Instance)
            .Select(g => ((ReportVersion)g.Key!, g.Sum(c => c.Sign)))
            .Where(c => c.Item2 != 0);

    /// <summary>Adds the changes to the summary tables to the change tracker.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var items = _items;

        var cells = await CellsAsync(items.Select(i => i.Version), cancellationToken);
        var leavingIds = items.Where(i => i.Sign < 0 && !i.IsNew).Select(i => i.Version.Id).ToHashSet();

        foreach (var (year, events) in _eventsPerYear)
        {
            await ApplyTotalsAsync(year, events, items.Where(i => i.Year == year).ToList(), cells, cancellationToken);
        }

        // Summaries of the versions becoming current, then of the next-year reports that compare with a changed one.
        var entering = items.Where(i => i.Sign > 0).ToList();
        var enteringByAgencyYear = entering.ToDictionary(i => (i.AgencyKey, i.Year));
        var dependents = await NextYearVersionsAsync(items, enteringByAgencyYear, leavingIds, cancellationToken);
        var previous = await PreviousYearDocumentsAsync(entering, enteringByAgencyYear, leavingIds, cancellationToken);
        var dependentCells = await CellsAsync(dependents.Select(d => d.Version), cancellationToken);

        var summaryIds = entering.Where(i => !i.IsNew).Select(i => i.Version.Id).Concat(dependents.Select(d => d.Version.Id)).ToList();
        var existing = summaryIds.Count == 0
            ? []
            : await db.Set<ReportSummary>().Where(s => summaryIds.Contains(s.ReportVersionId)).ToDictionaryAsync(s => s.ReportVersionId, cancellationToken);

        foreach (var item in entering)
        {
            var document = SummaryDocument.Build(item.Year, item.Version.Format, cells[item.Version]);
            AnnualReport? last = null;
            if (enteringByAgencyYear.TryGetValue((item.AgencyKey, item.Year - 1), out var inBatch))
            {
                last = SummaryDocument.Build(inBatch.Year, inBatch.Version.Format, cells[inBatch.Version]);
            }
            else if (item.AgencyId > 0)
            {
                last = previous.GetValueOrDefault(item.AgencyId);
            }

            Summarise(item.Version, existing, SummaryFigures.Of(document, last));
        }

        foreach (var dependent in dependents)
        {
            var document = SummaryDocument.Build(dependent.Year, dependent.Version.Format, dependentCells[dependent.Version]);
            var last = enteringByAgencyYear.TryGetValue((dependent.AgencyKey, dependent.Year - 1), out var source)
                ? SummaryDocument.Build(source.Year, source.Version.Format, cells[source.Version])
                : null;
            Summarise(dependent.Version, existing, SummaryFigures.Of(document, last));
        }

        DetectTouched();
    }

    private void Summarise(ReportVersion version, Dictionary<int, ReportSummary> existing, SummaryFigures figures)
    {
        if (!IsNew(version) && existing.TryGetValue(version.Id, out var summary))
        {
            summary.Set(figures);
        }
        else
        {
            summary = new ReportSummary(version);
            summary.Set(figures);
            db.Add(summary);
        }

        _touched.Add(summary);
    }

    private async Task ApplyTotalsAsync(int year, int events, List<Item> items, Dictionary<ReportVersion, List<Cell>> cells, CancellationToken cancellationToken)
    {
        var summary = await db.Set<YearSummary>().FindAsync([year], cancellationToken);
        if (summary is null)
        {
            // A year not summed yet: start it only if the log holds no earlier event of it; otherwise the first reader
            // sums the whole year (the counts will not match) and this change is counted then.
            var logged = await db.PublicationLog.VersionEvents().CountAsync(e => e.Year == year, cancellationToken);
            if (logged > 0)
            {
                return;
            }

            summary = new YearSummary(year);
            db.Add(summary);
        }

        _touched.Add(summary);
        summary.Change(items.Sum(i => i.Sign), events);
        var totals = await db.Set<YearCellTotal>().Where(t => t.Year == year)
            .ToDictionaryAsync(t => (t.Format, t.Table, t.Row, t.Column), cancellationToken);
        foreach (var item in items)
        {
            var document = SummaryDocument.Build(year, item.Version.Format, cells[item.Version]);
            foreach (var figure in SummaryDocument.Figures(document))
            {
                var key = (item.Version.Format, figure.Table, figure.Row, figure.Column);
                if (!totals.TryGetValue(key, out var total))
                {
                    total = new YearCellTotal(year, key.Format, key.Table, key.Row, key.Column);
                    db.Add(total);
                    totals[key] = total;
                }

                total.Add(figure.Value, figure.Derived, item.Sign);
                _touched.Add(total);
            }
        }
    }

    /// <summary>The current next-year versions (in the database, not changing in this save) of the changed agencies.</summary>
    private async Task<List<Item>> NextYearVersionsAsync(List<Item> items, Dictionary<(object, int), Item> entering, HashSet<int> leavingIds, CancellationToken cancellationToken)
    {
        var wanted = items.Where(i => i.AgencyId > 0 && !entering.ContainsKey((i.AgencyKey, i.Year + 1)))
            .Select(i => (i.AgencyId, Year: i.Year + 1)).ToHashSet();
        if (wanted.Count == 0)
        {
            return [];
        }

        var agencyIds = wanted.Select(w => w.AgencyId).Distinct().ToList();
        var years = wanted.Select(w => w.Year).Distinct().ToList();
        var changing = items.Where(i => !i.IsNew).Select(i => i.Version.Id).ToList();
        var versions = await db.ReportVersions.Include(v => v.Report)
            .Current().Where(v => agencyIds.Contains(v.Report.AgencyId) && years.Contains(v.Report.Year) && !changing.Contains(v.Id))
            .ToListAsync(cancellationToken);
        return versions.Where(v => wanted.Contains((v.Report.AgencyId, v.Report.Year)) && !leavingIds.Contains(v.Id))
            .Select(v => new Item(v, 0, v.Report.Year, v.Report.AgencyId, v.Report.AgencyId, false))
            .ToList();
    }

    /// <summary>Last year's current documents (from the database) of the agencies whose report becomes current.</summary>
    private async Task<Dictionary<int, AnnualReport>> PreviousYearDocumentsAsync(List<Item> entering, Dictionary<(object, int), Item> inBatch, HashSet<int> leavingIds, CancellationToken cancellationToken)
    {
        var wanted = entering.Where(i => i.AgencyId > 0 && !inBatch.ContainsKey((i.AgencyKey, i.Year - 1)))
            .Select(i => (i.AgencyId, Year: i.Year - 1)).ToHashSet();
        if (wanted.Count == 0)
        {
            return [];
        }

        var agencyIds = wanted.Select(w => w.AgencyId).Distinct().ToList();
        var years = wanted.Select(w => w.Year).Distinct().ToList();
        var versions = (await db.ReportVersions.AsNoTracking()
                .Current().Where(v => agencyIds.Contains(v.Report.AgencyId) && years.Contains(v.Report.Year))
                .Select(v => new { v.Id, v.Report.AgencyId, v.Report.Year, v.Format })
                .ToListAsync(cancellationToken))
            .Where(v => wanted.Contains((v.AgencyId, v.Year)) && !leavingIds.Contains(v.Id))
            .ToList();
        var ids = versions.Select(v => v.Id).ToList();
        var cells = (await db.ReportCells.AsNoTracking().Where(c => ids.Contains(c.ReportVersionId))
                .Select(c => new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number, c.Text })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ReportVersionId, c => new Cell(c.Table, c.Row, c.Column, c.Number, c.Text));
        return versions.ToDictionary(v => v.AgencyId, v => SummaryDocument.Build(v.Year, v.Format, cells[v.Id]));
    }

    /// <summary>The cells of each version: those in memory when the version is new or its cells are loaded, else from the database.</summary>
    private async Task<Dictionary<ReportVersion, List<Cell>>> CellsAsync(IEnumerable<ReportVersion> versions, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ReportVersion, List<Cell>>(ReferenceEqualityComparer.Instance);
        var fromDatabase = new List<ReportVersion>();
        foreach (var version in versions.Distinct(ReferenceEqualityComparer.Instance).Cast<ReportVersion>())
        {
            if (IsNew(version) || db.Entry(version).Collection(v => v.Cells).IsLoaded)
            {
                result[version] = version.Cells.Select(c => new Cell(c.Table, c.Row, c.Column, c.Number, c.Text)).ToList();
            }
            else
            {
                fromDatabase.Add(version);
            }
        }

        if (fromDatabase.Count > 0)
        {
            var ids = fromDatabase.Select(v => v.Id).ToList();
            var stored = (await db.ReportCells.AsNoTracking().Where(c => ids.Contains(c.ReportVersionId))
                    .Select(c => new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number, c.Text })
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.ReportVersionId, c => new Cell(c.Table, c.Row, c.Column, c.Number, c.Text));
            foreach (var version in fromDatabase)
            {
                result[version] = stored[version.Id].ToList();
            }
        }

        return result;
    }

    private bool IsNew(ReportVersion version) => db.Entry(version).State == EntityState.Added;

    private sealed record Item(ReportVersion Version, int Sign, int Year, object AgencyKey, int AgencyId, bool IsNew);
}

/// <summary>One stored cell, as the summaries read it.</summary>
internal readonly record struct Cell(ReportTableId Table, string Row, string Column, long? Number, string? Text);
