using System.Net;
using System.Net.Http.Headers;
using Disclosure.Web.Infrastructure.Cli;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests.Caching;

/// <summary>The output cache of published public pages: served from memory, conditional GETs, never for staff, evicted on publication.</summary>
[Collection(PortalCollections.Staff)]
public sealed class PublicCacheTests(PortalFactory shared) : PortalTest(shared)
{
    private const string Report = "/reports/zhongwei-commerce/2023";

    private static async Task<HttpResponseMessage> Get(HttpClient client, string url, string? ifNoneMatch = null, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Theory]
    [InlineData(Report, "text/html")]
    [InlineData("/statistics/2023", "text/html")]
    [InlineData("/", "text/html")]
    public async Task Head_IsAnsweredLikeGet_AndDoesNotSpoilTheCachedPage(string url, string contentType)
    {
        // Pages only: the in-memory test server waits for the body of a large HEAD answer (the PDF) that Kestrel
        // never sends; HeadRequestTests in Disclosure.EndToEnd asks Kestrel itself, PDF included.
        var portal = Portal;
        using var client = portal.CreateClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(contentType, head.Content.Headers.ContentType?.MediaType);

        using var get = await Get(client, url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.True((await get.Content.ReadAsByteArrayAsync()).Length > 1000, "the GET after a HEAD has its whole body");
        using var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/reports/no-such-agency/2023", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData(Report)]
    [InlineData(Report + ".json")]
    [InlineData(Report + ".pdf")]
    [InlineData(Report + "/v1")]
    [InlineData("/")]
    [InlineData("/years/2023")]
    [InlineData("/agencies")]
    [InlineData("/agencies/zhongwei-commerce")]
    public async Task PublicPage_SecondRequest_IsServedFromTheCache_WithAStrongETagThatAnswers304(string url)
    {
        var portal = Portal;
        using var client = portal.CreateClient();

        using var first = await Get(client, url);
        using var second = await Get(client, url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(etag, second.Headers.ETag);

        using var notModified = await Get(client, url, etag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ConditionalGet_OnAColdCache_Answers304_ForHtmlAndJson()
    {
        var portal = Portal;
        using var client = portal.CreateClient();
        await using var other = new PortalFactory();
        using var otherClient = other.CreateClient();
        foreach (var url in new[] { Report, Report + ".json" })
        {
            using var first = await Get(client, url);

            // Another instance, which has never served this address.
            using var response = await Get(otherClient, url, first.Headers.ETag!.Tag);

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        }
    }

    [Fact]
    public async Task Pages_AreCompressed_WithBrotliOrGzip_ButNotThePdf_AndEachEncodingHasItsOwnETag()
    {
        var portal = Portal;
        using var client = portal.CreateClient();

        using var plain = await Get(client, Report);
        using var brotli = await Get(client, Report, acceptEncoding: "br");
        using var gzip = await Get(client, Report + ".json", acceptEncoding: "gzip");
        using var pdf = await Get(client, Report + ".pdf", acceptEncoding: "br, gzip");

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.True(brotli.Content.Headers.ContentLength < plain.Content.Headers.ContentLength / 3);
        Assert.NotEqual(plain.Headers.ETag, brotli.Headers.ETag);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(pdf.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task SignedInStaff_AreNeverServedFromTheCache_AndStaffPagesAreNotCompressed()
    {
        var portal = Portal;
        using var anonymous = portal.CreateClient();
        using var warm = await Get(anonymous, Report);
        using var staff = (await Staff.SignInAsync(portal, "admin@demo.local")).Client(portal);

        using var page = await Get(staff, Report);
        using var again = await Get(staff, Report);
        using var redirect = await Get(staff, "/admin");
        var workspace = redirect.Headers.Location?.ToString() ?? "/admin";
        using var admin = await Get(staff, workspace, acceptEncoding: "br, gzip");
        using var adminAgain = await Get(staff, workspace, acceptEncoding: "br, gzip");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Headers.Age);
        Assert.Null(again.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Null(adminAgain.Headers.Age);
        Assert.Empty(admin.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task NotFound_IsNotCached()
    {
        var portal = Portal;
        using var client = portal.CreateClient();

        using var first = await Get(client, "/reports/zhongwei-commerce/2022");
        using var second = await Get(client, "/reports/zhongwei-commerce/2022");

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task ImportedCorrection_EvictsTheCachedReportAndLists()
    {
        var portal = Portal;
        using var client = portal.CreateClient();
        const string url = "/reports/pingtan/2021";
        using var before = await Get(client, url);
        using var cached = await Get(client, url + ".json");
        using var cachedAgain = await Get(client, url + ".json");
        Assert.NotNull(cachedAgain.Headers.Age);

        using var output = new StringWriter();
        var exit = await ImportCommand.RunAsync(portal.Services, ["import", Fixtures.PathOf("pingtan-2021.txt"), "--agency", "pingtan", "--correction", "更正表三数据"], output);
        Assert.True(exit == 0, output.ToString());

        using var after = await Get(client, url);
        using var json = await Get(client, url + ".json");
        Assert.Null(after.Headers.Age);
        Assert.Null(json.Headers.Age);
        Assert.Contains("更正表三数据", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }
}
