using Disclosure.Data;
using Disclosure.Data.Publication;
using Disclosure.Web.Infrastructure.Outage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Infrastructure.Caching;

/// <summary>
/// Makes this server's output cache notice what other processes write to the database — the <c>import</c> command,
/// another instance that does not share the cache through Redis: every <see cref="PublicCacheOptions.PollInterval"/>
/// it reads the publication log's newest id (ADR 0018) and, when it moved, evicts the pages the new entries concern.
/// </summary>
/// <remarks>
/// <para>A version that became or stopped being current evicts its report's pages and the lists, as the in-process
/// listener does (an in-process publication is seen again here, which evicts the same tags once more); an agency
/// change, or more than <see cref="MaxTargetedEntries"/> entries at once, evicts every public page. Entries are read
/// from the newest id of the reading before the last one, so an entry committed a moment after a later one (SQL
/// Server hands out identities before commit) is still seen; each eviction is thereby repeated at the next poll, for a
/// page that was being rendered from the old data while the first one ran.</para>
/// <para>The newest id is read with plain ADO.NET on the context's connection: one round trip over the end of the
/// primary key, and no EF Core error log every few seconds while the database is down. Then the poller keeps the cached
/// pages, logs one warning (repeated every <see cref="WarningInterval"/> while it lasts) and carries on; what changed
/// meanwhile is evicted once it is back.</para>
/// </remarks>
public sealed class PublicCacheChangePoller(
    IServiceScopeFactory scopes,
    PublicCache cache,
    DatabaseState database,
    IOptions<PublicCacheOptions> options,
    TimeProvider clock,
    ILogger<PublicCacheChangePoller> logger) : BackgroundService
{
    /// <summary>More new log entries than this at once (a bulk import) evict every page rather than each report's.</summary>
    public const int MaxTargetedEntries = 100;

    public static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(10);

    private string? _lastIdSql;
    private long? _last;
    private long _floor;
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
        var lastId = await ReadLastIdAsync(db, cancellationToken);
        if (_last is not { } last)
        {
            // The first reading is what this server starts from.
            (_last, _floor) = (lastId, lastId);
            return;
        }

        if (lastId == last && _floor == last)
        {
            return;
        }

        var entries = await db.PublicationLog.AsNoTracking()
            .Where(e => e.Id > _floor && e.Id <= lastId)
            .OrderBy(e => e.Id)
            .Take(MaxTargetedEntries + 1)
            .Select(e => new { e.Kind, e.Agency!.Slug, e.Year })
            .ToListAsync(cancellationToken);
        var tags = entries.Count > MaxTargetedEntries
            ? [PublicCache.PublicTag]
            : PublicCache.TagsOf(entries.Select(e => (e.Kind, (string?)e.Slug, e.Year)));
        if (tags.Count > 0)
        {
            // Throws when the store cannot be reached (Redis): nothing below is remembered, so the next poll tries again.
            await cache.EvictAsync(tags, cancellationToken);
            if (lastId != last)
            {
                logger.LogInformation("Public cache: the publication log moved to {LastId}; evicted {Tags}", lastId, string.Join(" ", tags));
            }
        }

        (_floor, _last) = (last, lastId);
    }

    private async Task<long> ReadLastIdAsync(DisclosureDbContext db, CancellationToken cancellationToken)
    {
        _lastIdSql ??= LastIdSql(db);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = _lastIdSql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The newest id of the publication log, with the names the model maps to, quoted by the provider.</summary>
    private static string LastIdSql(DisclosureDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var log = db.Model.FindEntityType(typeof(PublicationLogEntry))!;
        return $"SELECT MAX({sql.DelimitIdentifier(log.FindProperty(nameof(PublicationLogEntry.Id))!.GetColumnName())}) FROM {sql.DelimitIdentifier(log.GetTableName()!, log.GetSchema())}";
    }
}
