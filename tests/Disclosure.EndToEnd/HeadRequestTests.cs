using System.Net;
using Disclosure.EndToEnd.Infrastructure;

namespace Disclosure.EndToEnd;

/// <summary>
/// HEAD against Kestrel itself (the in-memory test server cannot show it: it waits for a body that HEAD never sends):
/// link checkers and monitors get the GET's status and headers and no body, and the cached page is not spoiled.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HeadRequestTests(PortalServer portal)
{
    [BrowserTheory]
    [InlineData("reports/zhongwei-commerce/2023.pdf", "application/pdf")]
    [InlineData("reports/zhongwei-commerce/2023", "text/html")]
    [InlineData("statistics/2023", "text/html")]
    public async Task Head_GetsTheStatusAndTypeWithoutABody_AndTheNextGetHasItAll(string path, string type)
    {
        using var client = new HttpClient();
        for (var i = 0; i < 2; i++)
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, portal.Url(path)));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(type, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }

        var body = await client.GetByteArrayAsync(portal.Url(path));
        Assert.True(body.Length > 5000, $"{body.Length} bytes");
        using var missing = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, portal.Url("reports/no-such-agency/2023")));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
