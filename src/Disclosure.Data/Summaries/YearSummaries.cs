using Disclosure.Data.Publication;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.Summaries;

/// <summary>
/// Reading side of the summary tables. Publication keeps them current (<see cref="SummaryMaintenance"/>); this checks
/// that a year's rows have followed every version event of the year in the publication log (one count per year) and,
/// when they have not (a database from before the tables or the log existed), sums the year again from its cells.
/// </summary>
public sealed class YearSummaries(DisclosureDbContext db)
{
    private const int Attempts = 3;

    /// <summary>Per year, how many version events the publication log holds.</summary>
    public async Task<Dictionary<int, int>> LoggedEventsAsync(CancellationToken cancellationToken) =>
        (await db.PublicationLog.AsNoTracking().VersionEvents()
            .GroupBy(e => e.Year!.Value)
            .Select(g => new { Year = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(g => g.Year, g => g.Count);

    /// <summary>Makes every year's summaries account for its logged version events; returns the years summed again.</summary>
    public async Task<IReadOnlyList<int>> EnsureAllAsync(CancellationToken cancellationToken)
    {
        var logged = await LoggedEventsAsync(cancellationToken);
        var rows = await db.Set<YearSummary>().AsNoTracking().ToDictionaryAsync(s => s.Year, cancellationToken);
        var rebuilt = new List<int>();
        foreach (var (year, events) in logged.OrderBy(s => s.Key))
        {
            if (!(rows.TryGetValue(year, out var row) && row.Accounts(events)))
            {
                await RebuildAsync(year, cancellationToken);
                rebuilt.Add(year);
            }
        }

        return rebuilt;
    }

    /// <summary>Makes the year's summaries account for its logged version events (two small queries when they already do).</summary>
    public async Task EnsureAsync(int year, CancellationToken cancellationToken)
    {
        var events = await LoggedEventsAsync(year, cancellationToken);
        var row = await db.Set<YearSummary>().AsNoTracking().SingleOrDefaultAsync(s => s.Year == year, cancellationToken);
        if (!(row?.Accounts(events) ?? events == 0))
        {
            await RebuildAsync(year, cancellationToken);
        }
    }

    private Task<int> LoggedEventsAsync(int year, CancellationToken cancellationToken) =>
        db.PublicationLog.AsNoTracking().VersionEvents().CountAsync(e => e.Year == year, cancellationToken);

    /// <summary>
    /// Sums the year again from the effective figures of its current versions (ADR 0016), works out every
    /// report's summary, and marks the next year to be checked again (its R5 and S3 compare with this year).
    /// Retries when a publication of the same year saves in between.
    /// </summary>
    public async Task RebuildAsync(int year, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await RebuildOnceAsync(year, cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another instance published, or summed the same year, meanwhile: start again from what it saved.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task RebuildOnceAsync(int year, CancellationToken cancellationToken)
    {
        var events = await LoggedEventsAsync(year, cancellationToken);
        var current = db.ReportVersions.CurrentOf(year);
        var lastYear = db.ReportVersions.CurrentOf(year - 1);

        // Every current version's effective figures (ADR 0016) added into the year's totals, and its summary, checked
        // against last year's current version of its agency. The cells are read once, for both.
        var versions = await current.AsNoTracking()
            .Select(v => new { v.Id, v.Report.AgencyId, v.Format })
            .ToListAsync(cancellationToken);
        var previous = await db.ReportVersions.AsNoTracking()
            .CurrentOf(year - 1)
            .Select(v => new { v.Id, v.Report.AgencyId, v.Format })
            .ToListAsync(cancellationToken);
        var previousByAgency = previous.ToDictionary(p => p.AgencyId);
        var cells = (await db.ReportCells.AsNoTracking()
                .Where(c => current.Any(v => v.Id == c.ReportVersionId))
                .Select(c => new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number, c.Text })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ReportVersionId, c => new Cell(c.Table, c.Row, c.Column, c.Number, c.Text));
        var previousCells = (await db.ReportCells.AsNoTracking()
                .Where(c => lastYear.Any(v => v.Id == c.ReportVersionId))
                .Select(c => new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number, c.Text })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ReportVersionId, c => new Cell(c.Table, c.Row, c.Column, c.Number, c.Text));
        var totals = await db.Set<YearCellTotal>().Where(t => t.Year == year)
            .ToDictionaryAsync(t => (t.Format, t.Table, t.Row, t.Column), cancellationToken);
        var sums = new Dictionary<(ReportFormat, ReportTableId, string, string), (long Sum, int Count, int Derived)>();
        var summaries = await db.Set<ReportSummary>()
            .Where(s => current.Any(v => v.Id == s.ReportVersionId))
            .ToDictionaryAsync(s => s.ReportVersionId, cancellationToken);
        foreach (var version in versions)
        {
            var document = SummaryDocument.Build(year, version.Format, cells[version.Id]);
            foreach (var figure in SummaryDocument.Figures(document))
            {
                var key = (version.Format, figure.Table, figure.Row, figure.Column);
                var (sum, count, derived) = sums.GetValueOrDefault(key);
                sums[key] = (checked(sum + figure.Value), count + 1, derived + (figure.Derived ? 1 : 0));
            }

            var last = previousByAgency.TryGetValue(version.AgencyId, out var p)
                ? SummaryDocument.Build(year - 1, p.Format, previousCells[p.Id])
                : null;
            if (!summaries.TryGetValue(version.Id, out var summary))
            {
                summary = ReportSummary.For(version.Id);
                db.Add(summary);
            }

            summary.Set(SummaryFigures.Of(document, last));
        }

        foreach (var ((format, table, cellRow, column), (sum, count, derived)) in sums)
        {
            if (!totals.Remove((format, table, cellRow, column), out var total))
            {
                total = new YearCellTotal(year, format, table, cellRow, column);
                db.Add(total);
            }

            total.Set(sum, count, derived);
        }

        db.RemoveRange(totals.Values);

        var row = await db.Set<YearSummary>().FindAsync([year], cancellationToken);
        if (row is null)
        {
            row = new YearSummary(year);
            db.Add(row);
        }

        row.Reset(versions.Count, events);
        if (await db.Set<YearSummary>().FindAsync([year + 1], cancellationToken) is { } next)
        {
            next.Reset(-1, -1);
        }

        // The rows above were changed in place; a context with automatic change detection off must still see them.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }
}
