using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Disclosure.Web.Infrastructure.Security;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Tests.Security;

/// <summary>Production settings: HSTS, no Server header, __Host- cookies, forwarded headers from known proxies only.</summary>
public sealed class DeploymentTests : IDisposable
{
    private static readonly Uri _portalAddress = new("https://disclosure.example.gov.cn");

    private readonly TestPortal _production = new("Production", new Dictionary<string, string?>
    {
        ["Proxy:TrustForwardedHeaders"] = "true",
        ["Proxy:KnownProxies"] = "10.0.0.5",
        ["Proxy:KnownNetworks"] = "172.28.0.0/16",
    });

    [Fact]
    public async Task Production_SendsHstsForAYearWithSubdomains()
    {
        using var client = _production.CreateDefaultClient(_portalAddress);
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public void Kestrel_SendsNoServerHeader() =>
        Assert.False(_production.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

    [Fact]
    public async Task Production_CookiesAreSecure_WithTheHostPrefix_TempDataToo()
    {
        var cookies = new CookieContainer();
        using var client = Staff.NewClient(_production, cookies);
        await client.GetDocumentAsync("/account/login");

        var antiforgery = Assert.Single(cookies.GetAllCookies());
        Assert.Equal("__Host-disclosure.af", antiforgery.Name);
        Assert.True(antiforgery.Secure);
        Assert.Equal("/", antiforgery.Path);
        var tempData = _production.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie;
        Assert.Equal("__Host-disclosure.msg", tempData.Name);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, tempData.SecurePolicy);
        Assert.StartsWith("__Host-", _production.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).Cookie.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.9", HttpStatusCode.Forbidden)]
    [InlineData("10.0.0.5", HttpStatusCode.OK)]
    [InlineData("172.28.3.4", HttpStatusCode.OK)]
    public async Task ForwardedProto_IsBelievedOnlyFromAKnownProxy(string from, HttpStatusCode expected)
    {
        using var client = _production.CreateDefaultClient(new Uri("http://disclosure.example.gov.cn"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/login", UriKind.Relative));
        request.Headers.Add(TestPortal.ClientHeader, from);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    public void Dispose() => _production.Dispose();
}

/// <summary>The data-protection key ring in the database is encrypted with the configured certificate.</summary>
public sealed class KeyProtectionTests : IDisposable
{
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"disclosure-dp-{Guid.NewGuid():N}.pfx");

    [Fact]
    public async Task WithACertificate_TheStoredKeysAreEncrypted()
    {
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=disclosure-data-protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(_pfx, certificate.Export(X509ContentType.Pfx, "test-pass-1"));
        }

        using var portal = new TestPortal(settings: new Dictionary<string, string?>
        {
            [KeyProtection.Section + ":Path"] = _pfx,
            [KeyProtection.Section + ":Password"] = "test-pass-1",
        });
        await Staff.SignInAsync(portal, "admin@demo.local");

        await portal.WithDbAsync(async db =>
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.True(xml!.Contains("EncryptedData", StringComparison.Ordinal), xml);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        });
    }

    public void Dispose() => File.Delete(_pfx);
}
