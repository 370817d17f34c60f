using System.Data.Common;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Disclosure.Web.Infrastructure.Outage;

/// <summary>Tells a database that cannot be reached (or is busy, full, read-only) from a bug in a query.</summary>
public static class DatabaseOutage
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB.
    private static readonly HashSet<int> _sqliteOutageCodes = [5, 6, 8, 10, 13, 14, 26];

    // Constraint and key violations, conversion and syntax errors are the application's doing, not an outage.
    private static readonly HashSet<int> _sqlServerBugNumbers = [547, 2601, 2627, 8152, 2628, 245, 102, 207, 208];

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite:
                    return _sqliteOutageCodes.Contains(sqlite.SqliteErrorCode);
                case SqlException sql:
                    return !_sqlServerBugNumbers.Contains(sql.Number);
                case DbException db when db.IsTransient:
                case TimeoutException:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }
}

/// <summary>
/// Turns an unreachable database into 503 (with Retry-After) instead of a 500: the status-code pages then show the
/// friendly page (“服务暂不可用”). Pages already in the output cache never reach the database and keep being served.
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, ILogger<DatabaseOutageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && DatabaseOutage.IsOutage(ex))
        {
            logger.LogError("Database unavailable: {Method} {Path} answered 503 ({Error}: {Message})", context.Request.Method, context.Request.Path, ex.GetType().Name, ex.GetBaseException().Message);
            context.Response.Clear();
            SecurityHeaders.Apply(context.Response.Headers);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            context.Response.Headers.CacheControl = "no-store";
        }
    }
}

/// <summary>Whether start-up initialization (migrations, roles, demo data) has completed; until then the portal is not healthy.</summary>
public sealed class DatabaseState
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Ready => _ready.Task.IsCompleted;

    /// <summary>Completes when initialization has succeeded, at start-up or after the database came back.</summary>
    public Task WhenReady => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();
}

public sealed class DatabaseReadyHealthCheck(DatabaseState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Ready
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database has not been initialized yet (unreachable at start-up; retrying)."));
}
