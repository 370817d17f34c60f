using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>
/// The portal served by Kestrel on 127.0.0.1 (a free port) so that a real browser can reach it, in Development (demo
/// reports) against a SQLite file of its own. One per test class.
/// </summary>
public sealed class PortalServer : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"disclosure-e2e-{Guid.NewGuid():N}");
    private KestrelPortal? _portal;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public Uri Url(string path) => new(BaseAddress, path);

    public Task InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath))
        {
            return Task.CompletedTask; // Nothing will browse it.
        }

        Directory.CreateDirectory(_folder);
        _portal = new KestrelPortal(_folder);
        _portal.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _portal.StartServer();
        var addresses = _portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
            _portal = null;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Only if xUnit skipped <see cref="DisposeAsync"/>: stops the server without deleting its files.</summary>
    public void Dispose() => _portal?.Dispose();

    private sealed class KestrelPortal(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Disclosure"] = $"Data Source={Path.Combine(folder, "portal.db")}",
                ["Serilog:MinimumLevel:Default"] = "Warning",
            }));
        }
    }
}
