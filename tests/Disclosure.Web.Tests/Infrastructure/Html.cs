using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Disclosure.Web.Tests.Infrastructure;

public static class Html
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url}: expected {expectedStatus}, got {(int)response.StatusCode}. {body[..Math.Min(body.Length, 500)]}");
        return new HtmlParser().ParseDocument(body);
    }

    public static string Text(this IElement element) => element.TextContent.Trim();
}
