using System.Diagnostics;
using Disclosure.Data.Summaries;

namespace Disclosure.Web.Features.Statistics;

/// <summary>
/// After start-up, checks that every year's summary tables account for its current versions and sums again any year
/// that does not (a database written before the tables existed: seconds for 2,000 reports, once). Publication keeps
/// them current afterwards, so the first reader of /statistics or /data-quality never waits for it.
/// </summary>
public sealed class StatisticsWarmUp(IServiceScopeFactory scopes, ILogger<StatisticsWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var rebuilt = await scope.ServiceProvider.GetRequiredService<YearSummaries>().EnsureAllAsync(stoppingToken);
            if (rebuilt.Count > 0)
            {
                logger.LogInformation("Summed years {Years} again from their cells in {Elapsed} ms", rebuilt, watch.ElapsedMilliseconds);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only a head start: the pages check the same on demand.
            logger.LogWarning(exception, "Summary check at start-up failed");
        }
    }
}
