using System.Diagnostics;
using Disclosure.Data.Summaries;
using Disclosure.Web.Features.DataQuality;
using Disclosure.Web.Infrastructure.Outage;

namespace Disclosure.Web.Features.Statistics;

/// <summary>
/// After start-up, checks that every year's summary tables account for its current versions and sums again any year
/// that does not (a database written before the tables existed: seconds for 2,000 reports, once). Publication keeps
/// them current afterwards, so the first reader of /statistics or /data-quality never waits for it. Then runs the
/// pages' queries once for the latest year, so their first reader does not wait for EF Core to compile them.
/// </summary>
public sealed class StatisticsWarmUp(
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    DatabaseState database,
    ILogger<StatisticsWarmUp> logger) : BackgroundService
{
    /// <summary>How long after the server starts listening the check begins, so that it does not compete with the first requests.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource();
            await using (lifetime.ApplicationStarted.Register(started.SetResult))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            // Not before the database is initialized (it may have been unreachable at start-up).
            await database.WhenReady.WaitAsync(stoppingToken);

            await Task.Delay(Delay, stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var rebuilt = await scope.ServiceProvider.GetRequiredService<YearSummaries>().EnsureAllAsync(stoppingToken);
            if (rebuilt.Count > 0)
            {
                logger.LogInformation("Summed years {Years} again from their cells in {Elapsed} ms", rebuilt, watch.ElapsedMilliseconds);
            }

            // Run the pages' queries once, so EF Core has compiled them before the first reader comes.
            var statistics = scope.ServiceProvider.GetRequiredService<StatisticsQuery>();
            var years = await statistics.YearsAsync(stoppingToken);
            if (years.Count > 0)
            {
                await statistics.GetAsync(years[0], stoppingToken);
                await scope.ServiceProvider.GetRequiredService<DataQualityQuery>()
                    .GetAsync(new DataQualityFilter(null, years[0], null, 1), years, null, stoppingToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only a head start: the pages check the same on demand.
            logger.LogWarning(exception, "Summary check at start-up failed");
        }
    }
}
