using System.Net;
using System.Security.Cryptography.X509Certificates;
using Disclosure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Disclosure.Web.Infrastructure.Security;

/// <summary>
/// The data-protection key ring (it signs the sign-in cookies and antiforgery tokens) is kept in the database so
/// instances share it. With <c>DataProtection:Certificate:Path</c> (a PKCS#12 file with its private key) and
/// <c>DataProtection:Certificate:Password</c>, each key is encrypted with the certificate before it is stored: a copy
/// of the database alone then cannot forge a session. Older certificates (after a renewal) can still decrypt keys they
/// protected when listed in <c>DataProtection:Certificate:Previous:N:Path</c> / <c>…:Password</c>.
/// </summary>
public static class KeyProtection
{
    public const string Section = "DataProtection:Certificate";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Disclosure")
            .PersistKeysToDbContext<DisclosureDbContext>();

        if (Load(configuration.GetSection(Section)) is { } certificate)
        {
            var previous = configuration.GetSection(Section + ":Previous").GetChildren().Select(Load).OfType<X509Certificate2>();
            dataProtection.ProtectKeysWithCertificate(certificate)
                .UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        }

        return services;
    }

    /// <summary>Whether the key ring is encrypted at rest (start-up logs a warning in Production when it is not).</summary>
    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[Section + ":Path"]);

    private static X509Certificate2? Load(IConfigurationSection section)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{section.Path}:Path names {path}, which does not exist: the data-protection certificate (a .pfx with its private key) is needed to read the key ring.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate {path} has no private key: the key ring could be written but never read.");
    }
}

/// <summary>
/// Behind a reverse proxy: <c>X-Forwarded-For</c> / <c>-Proto</c> are taken only from the proxy's own addresses,
/// <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR ranges, e.g. <c>172.28.0.0/16</c>),
/// each a list or one comma-separated string. Without either, only a proxy on the same machine (loopback) is trusted.
/// A client that sends the headers itself is otherwise ignored.
/// </summary>
public static class ProxyTrust
{
    public static ForwardedHeadersOptions Options(IConfiguration configuration)
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        var proxies = List(configuration, "Proxy:KnownProxies");
        var networks = List(configuration, "Proxy:KnownNetworks");
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return forwarded; // the defaults: 127.0.0.1 and ::1
        }

        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Proxy:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in networks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"Proxy:KnownNetworks: '{network}' is not a CIDR range such as 172.28.0.0/16."));
        }

        return forwarded;
    }

    /// <summary>A configuration list: children (<c>Key:0</c>, <c>Key:1</c>) or one comma- or space-separated value.</summary>
    public static IReadOnlyList<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }
}
