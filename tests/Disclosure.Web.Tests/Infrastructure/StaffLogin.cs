using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Disclosure.Web.Tests.Infrastructure;

/// <summary>Signs a demo account in over HTTPS (the staff cookie is Secure) and posts forms with the antiforgery token.</summary>
public static class StaffLogin
{
    public const string Administrator = "admin@demo.local";
    public const string Reviewer = "reviewer@demo.local";
    public const string Editor = "editor@demo.local";

    public static async Task<HttpClient> SignInAsync(this PortalFactory portal, string email, string password = DemoData.DemoAccounts.Password)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var response = await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.Headers.Location?.ToString() == "/admin", $"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(new Uri(formPage ?? url, UriKind.Relative));
        var token = new HtmlParser().ParseDocument(page).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}.");
        fields["__RequestVerificationToken"] = token;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
