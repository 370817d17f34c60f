using Disclosure.Data;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure.Outage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Infrastructure.Caching;

/// <summary>
/// What the public pages are made of, in three numbers one query reads: how many versions are current (published),
/// the sum of their ids, and the id of the newest audit entry.
/// </summary>
/// <remarks>
/// Version ids only grow, and a publication either adds a current version (the count grows) or replaces a report's
/// current version by a newer one (the sum grows); nothing else changes the set. Every change to an agency writes an
/// audit entry (<see cref="AuditAction.AgencyCreated"/>, <see cref="AuditAction.AgencyUpdated"/>), so the newest
/// audit id moves with it — and with every other audit entry, which is why a moved id is only a reason to look.
/// </remarks>
public readonly record struct ChangeMarker(long CurrentVersions, long CurrentVersionIdSum, long LastAuditId);

/// <summary>
/// Makes this server's output cache notice what other processes write to the database — the <c>import</c> command,
/// another instance that does not share the cache through Redis: every <see cref="PublicCacheOptions.PollInterval"/>
/// it reads the <see cref="ChangeMarker"/> (one query over an index) and, when it moved, evicts the pages concerned.
/// </summary>
/// <remarks>
/// <para>A new current version evicts its report's pages and the lists, as an in-process publication does (and an
/// in-process publication is seen again here, which evicts the same tags once more); an agency change, or more than
/// <see cref="MaxTargetedVersions"/> new versions at once, evicts every public page. Each eviction is repeated at the
/// next poll, for a page that was being rendered from the old data while the first one ran.</para>
/// <para>The marker is read with plain ADO.NET on the context's connection: one round trip, and no EF Core error log
/// every few seconds while the database is down. Then the poller keeps the cached pages, logs one warning (repeated
/// every <see cref="WarningInterval"/> while it lasts) and carries on; what changed meanwhile is evicted once it is back.</para>
/// </remarks>
public sealed class PublicCacheChangePoller(
    IServiceScopeFactory scopes,
    PublicCache cache,
    DatabaseState database,
    IOptions<PublicCacheOptions> options,
    TimeProvider clock,
    ILogger<PublicCacheChangePoller> logger) : BackgroundService
{
    /// <summary>More new current versions than this at once (a bulk import) evict every page rather than each report's.</summary>
    public const int MaxTargetedVersions = 100;

    public static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(10);

    private string? _markerSql;
    private ChangeMarker? _last;
    private HashSet<int> _currentIds = [];
    private long _auditFloor;
    private bool _auditMovedBefore;
    private IReadOnlyList<string> _evictAgain = [];
    private DateTimeOffset? _failingSince;
    private DateTimeOffset _lastWarning;
    private int _completedPolls;

    /// <summary>How many polls have finished, failed ones included (tests wait on it after moving a fake clock).</summary>
    public int CompletedPolls => Volatile.Read(ref _completedPolls);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        if (interval <= TimeSpan.Zero)
        {
            logger.LogInformation("Public cache: polling the database for changes is off (PublicCache:PollInterval = 0)");
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            do
            {
                await PollOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One poll; never throws (except when <paramref name="cancellationToken"/> is cancelled).</summary>
    private async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        // Until start-up initialization succeeded (the database may be unreachable, or not migrated yet) there is
        // nothing to compare with.
        if (!database.Ready)
        {
            Interlocked.Increment(ref _completedPolls);
            return;
        }

        try
        {
            await PollAsync(cancellationToken);
            if (_failingSince is { } since)
            {
                logger.LogInformation("Public cache: polling the database for changes works again after {Duration}", clock.GetUtcNow() - since);
                _failingSince = null;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (_failingSince is not { } since)
            {
                logger.LogWarning(
                    "Public cache: polling the database for changes failed ({Error}: {Message}); cached pages are kept, retrying every {Interval}",
                    ex.GetType().Name, ex.GetBaseException().Message, options.Value.PollInterval);
                (_failingSince, _lastWarning) = (now, now);
            }
            else if (now - _lastWarning >= WarningInterval)
            {
                logger.LogWarning(
                    "Public cache: polling the database for changes still fails after {Duration} ({Error}: {Message})",
                    now - since, ex.GetType().Name, ex.GetBaseException().Message);
                _lastWarning = now;
            }
        }
        finally
        {
            Interlocked.Increment(ref _completedPolls);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var marker = await ReadMarkerAsync(db, cancellationToken);
        if (_last is not { } last)
        {
            // The first reading is what this server starts from.
            _currentIds = await CurrentVersionIdsAsync(db, cancellationToken);
            (_last, _auditFloor) = (marker, marker.LastAuditId);
            return;
        }

        var changed = new List<string>();
        var auditMoved = marker.LastAuditId != last.LastAuditId;

        // New audit entries since the reading before the last one: an agency entry committed a moment after a later
        // entry (SQL Server hands out ids before commit) is still seen at the next poll.
        if ((auditMoved || _auditMovedBefore) && await AgencyChangedAsync(db, _auditFloor, marker.LastAuditId, cancellationToken))
        {
            changed.Add(PublicCache.PublicTag);
        }

        var currentIds = _currentIds;
        if (marker.CurrentVersions != last.CurrentVersions || marker.CurrentVersionIdSum != last.CurrentVersionIdSum)
        {
            currentIds = await CurrentVersionIdsAsync(db, cancellationToken);
            changed.AddRange(await ReportTagsAsync(db, _currentIds, currentIds, cancellationToken));
        }

        var tags = _evictAgain.Concat(changed).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > 0)
        {
            // Throws when the store cannot be reached (Redis): nothing below is remembered, so the next poll tries again.
            await cache.EvictAsync(tags, cancellationToken);
        }

        if (changed.Count > 0)
        {
            logger.LogInformation(
                "Public cache: the database changed ({CurrentVersions} current versions, audit entry {LastAuditId}); evicted {Tags}",
                marker.CurrentVersions, marker.LastAuditId, string.Join(" ", changed.Distinct(StringComparer.Ordinal)));
        }

        _evictAgain = changed;
        _currentIds = currentIds;
        (_auditFloor, _auditMovedBefore, _last) = (last.LastAuditId, auditMoved, marker);
    }

    /// <summary>The pages a change of the set of current versions concerns (nothing when an earlier read already saw it).</summary>
    private static async Task<IReadOnlyList<string>> ReportTagsAsync(DisclosureDbContext db, HashSet<int> before, HashSet<int> now, CancellationToken cancellationToken)
    {
        var added = now.Where(id => !before.Contains(id)).ToList();
        var removed = before.Count(id => !now.Contains(id));
        if (added.Count == 0 && removed == 0)
        {
            return [];
        }

        // A current version that went without a newer one of its report (nothing does that today) or a bulk import: all.
        if (removed > added.Count || added.Count > MaxTargetedVersions)
        {
            return [PublicCache.PublicTag];
        }

        var reports = await db.ReportVersions.AsNoTracking()
            .Where(v => added.Contains(v.Id))
            .Select(v => new { v.Report.Agency.Slug, v.Report.Year })
            .ToListAsync(cancellationToken);
        return [.. reports.Select(r => PublicCache.ReportTag(r.Slug, r.Year)), PublicCache.ListsTag];
    }

    private static async Task<HashSet<int>> CurrentVersionIdsAsync(DisclosureDbContext db, CancellationToken cancellationToken) =>
        (await db.ReportVersions.Where(v => v.IsCurrent).Select(v => v.Id).ToListAsync(cancellationToken)).ToHashSet();

    private static Task<bool> AgencyChangedAsync(DisclosureDbContext db, long after, long upTo, CancellationToken cancellationToken) =>
        db.AuditEntries.AnyAsync(
            e => e.Id > after && e.Id <= upTo && (e.Action == AuditAction.AgencyCreated || e.Action == AuditAction.AgencyUpdated),
            cancellationToken);

    private async Task<ChangeMarker> ReadMarkerAsync(DisclosureDbContext db, CancellationToken cancellationToken)
    {
        _markerSql ??= MarkerSql(db);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = _markerSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        long Read(int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
        return new ChangeMarker(Read(0), Read(1), Read(2));
    }

    /// <summary>
    /// The count and sum of the ids of the current versions (<c>WHERE IsCurrent = 1</c>) and the newest audit id, in
    /// SQL both providers take (the aggregates in a derived table), with the names the model maps to, quoted by the
    /// provider. The count and sum read an index holding <c>IsCurrent</c> and the id only; the newest audit id is the
    /// end of the primary key.
    /// </summary>
    private static string MarkerSql(DisclosureDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var versions = db.Model.FindEntityType(typeof(ReportVersion))!;
        var audit = db.Model.FindEntityType(typeof(AuditEntry))!;
        string Table(Microsoft.EntityFrameworkCore.Metadata.IEntityType type) => sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        string Column(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName());
        return $"SELECT v.n, v.s, (SELECT MAX({Column(audit, nameof(AuditEntry.Id))}) FROM {Table(audit)}) FROM "
            + $"(SELECT COUNT(*) AS n, SUM(CAST({Column(versions, nameof(ReportVersion.Id))} AS BIGINT)) AS s "
            + $"FROM {Table(versions)} WHERE {Column(versions, nameof(ReportVersion.IsCurrent))} = 1) AS v";
    }
}
