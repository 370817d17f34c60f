using System.Collections.Concurrent;
using System.Net;
using Disclosure.Data;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// The portal as the security tests need it: an environment and settings of their own, a clock they move, the
/// log events it writes, a client address per request (header <see cref="ClientHeader"/>), and optionally a database
/// file that outlives it (to start the portal again on the same data).
/// </summary>
public sealed class TestPortal(
    string environment = "Development",
    IReadOnlyDictionary<string, string?>? settings = null,
    string? sqliteFile = null,
    bool fakeClock = false,
    Action<IServiceCollection>? services = null)
    : PortalFactory
{
    /// <summary>A request with this header comes from that address (what a TCP connection would say).</summary>
    public const string ClientHeader = "X-Test-Client-Address";

    public ManualClock Time { get; } = new();

    public LogCapture Logs { get; } = new();

    protected override string EnvironmentName => environment;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var all = new Dictionary<string, string?>();
            if (environment == "Production")
            {
                // appsettings.Production.json adds a file sink: into the temporary folder.
                all["Serilog:WriteTo:1:Args:path"] = Path.Combine(Path.GetTempPath(), "disclosure-test-logs", "log-.txt");
            }

            if (sqliteFile is not null)
            {
                all["Database:Provider"] = "Sqlite";
                all["ConnectionStrings:Disclosure"] = ConnectionString;
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            return all;
        }
    }

    protected override DatabaseProvider ProviderInUse => sqliteFile is null ? base.ProviderInUse : DatabaseProvider.Sqlite;

    public override string ConnectionString => sqliteFile is null ? base.ConnectionString : $"Data Source={sqliteFile}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Also as host settings: Program reads some (the key-ring certificate) while it registers services.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<ILogEventSink>(Logs);
            collection.AddSingleton<IStartupFilter, ClientAddressFilter>();
            if (fakeClock)
            {
                collection.AddSingleton<TimeProvider>(Time);
            }

            services?.Invoke(collection);
        });
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Every event the portal logs, and how a text sink with <c>{Message:lj}</c> writes it.</summary>
public sealed class LogCapture : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter _formatter = new("{Message:lj}");

    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>
    /// The messages once one matches <paramref name="wanted"/>, or all of them after <paramref name="within"/>: the
    /// request log is written after the response has gone back to the client, so a test asks for it this way.
    /// </summary>
    public async Task<IReadOnlyList<string>> MessagesOnceAsync(Func<string, bool> wanted, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Messages().Any(wanted) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return Messages();
    }

    public IReadOnlyList<string> Messages() => _events.Select(e =>
    {
        using var writer = new StringWriter();
        _formatter.Format(e, writer);
        return writer.ToString();
    }).ToList();
}

/// <summary>A fresh SQLite file path for a test that starts the portal twice on the same data; deleted on dispose.</summary>
public sealed class SharedDatabaseFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"disclosure-shared-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
