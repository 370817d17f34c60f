using System.Diagnostics;
using Disclosure.Web.Features.DataQuality;

namespace Disclosure.Web.Features.Statistics;

/// <summary>
/// After start-up, sums the latest year and checks its reports once, so the first reader of /statistics and
/// /data-quality does not wait for the GROUP BY over every cell of the year (about a second at 2,000 reports).
/// </summary>
public sealed class StatisticsWarmUp(IServiceScopeFactory scopes, ILogger<StatisticsWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var statistics = scope.ServiceProvider.GetRequiredService<StatisticsQuery>();
            var years = await statistics.YearsAsync(stoppingToken);
            if (years.Count == 0)
            {
                return;
            }

            var watch = Stopwatch.StartNew();
            await statistics.GetAsync(years[0], stoppingToken);
            var quality = scope.ServiceProvider.GetRequiredService<DataQualityQuery>();
            await quality.GetAsync(new DataQualityFilter(null, years[0], null, 1), years, null, stoppingToken);
            logger.LogInformation("Statistics and findings of {Year} ready in {Elapsed} ms", years[0], watch.ElapsedMilliseconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only a head start: the pages compute the same on demand.
            logger.LogWarning(exception, "Statistics warm-up failed");
        }
    }
}
