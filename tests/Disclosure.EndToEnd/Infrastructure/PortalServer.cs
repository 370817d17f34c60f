using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>
/// The portal served by Kestrel on 127.0.0.1 (a free port) so that a real browser can reach it, in Development (demo
/// reports) against a SQLite file of its own. One per collection (<see cref="BrowserCollection"/>).
/// </summary>
public class PortalServer : IAsyncLifetime, IDisposable
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
        _portal.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (Https)
            {
                listen.UseHttps(SelfSignedCertificate());
            }
        }));
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

    /// <summary>
    /// Serve HTTPS with a throwaway self-signed certificate (browser contexts then need <c>IgnoreHTTPSErrors</c>): staff
    /// pages need it, because the sign-in and antiforgery cookies are Secure and antiforgery refuses plain HTTP.
    /// </summary>
    protected virtual bool Https => false;

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Only if xUnit skipped <see cref="DisposeAsync"/>: stops the server without deleting its files.</summary>
    public void Dispose()
    {
        _portal?.Dispose();
        GC.SuppressFinalize(this);
    }

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

/// <summary>The portal over HTTPS, for the staff pages (see <see cref="PortalServer.Https"/>).</summary>
public sealed class HttpsPortalServer : PortalServer
{
    protected override bool Https => true;
}
