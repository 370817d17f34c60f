using System.Net;
using Disclosure.Web.Infrastructure.Caching;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// A made-up Accept-Encoding or Host per request cannot force a full render nor add entries that evict real ones:
/// the output cache varies on the encoding the compression will use (br, gzip, identity), not on the raw header nor
/// the host.
/// </summary>
public sealed class CacheKeyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptEncoding = null, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Fact]
    public async Task UniqueAcceptEncodingValues_AreServedFromOneCachedEntry()
    {
        using var client = portal.CreateClient();
        using var first = await GetAsync(client, "/years/2023", "gzip, x-flood-1");
        using var second = await GetAsync(client, "/years/2023", "gzip;q=0.9, x-flood-2, identity");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal("gzip", second.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task UniqueHosts_AreServedFromOneCachedEntry()
    {
        using var client = portal.CreateClient();
        using var first = await GetAsync(client, "/agencies/pingtan", host: "flood-1.example");
        using var second = await GetAsync(client, "/agencies/pingtan", host: "flood-2.example");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("gzip, x-anything-at-all", "gzip")]
    [InlineData("*", "br")]
    [InlineData("deflate", "identity")]
    [InlineData("", "identity")]
    [InlineData("br;q=0", "identity")]
    public void AcceptEncoding_IsReducedToTheEncodingUsed(string header, string expected) =>
        Assert.Equal(expected, PublicCaching.NormaliseAcceptEncoding(header));
}
