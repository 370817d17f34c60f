using System.Net;
using AngleSharp.Html.Parser;
using Disclosure.Web.DemoData;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Disclosure.Web.Tests.Infrastructure;

/// <summary>A signed-in (or anonymous) browser: its cookies and an antiforgery token issued to it.</summary>
public sealed record StaffSession(CookieContainer Cookies, string Token)
{
    /// <summary>A new client with a copy of this session's cookies (signing out in it does not affect the others).</summary>
    public HttpClient Client(WebApplicationFactory<Program> factory)
    {
        var copy = new CookieContainer();
        copy.Add(Cookies.GetAllCookies());
        return Staff.NewClient(factory, copy);
    }
}

public static class Staff
{
    public static readonly Uri BaseAddress = new("https://localhost");

    /// <summary>A client that keeps cookies (they are Secure: https) and does not follow redirects.</summary>
    public static HttpClient NewClient(WebApplicationFactory<Program> factory, CookieContainer? cookies = null) =>
        factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies ?? new CookieContainer()));

    public static async Task<string> TokenAsync(this HttpClient client, string url = "/account/login")
    {
        var document = await client.GetDocumentAsync(url);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {url}.");
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? token = null)
    {
        token ??= await client.TokenAsync();
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> TrySignInAsync(this HttpClient client, string email, string password = DemoAccounts.Password) =>
        await client.PostFormAsync("/account/login", [new("Email", email), new("Password", password)]);

    /// <summary>Signs in and returns the session (cookies and a token bound to the signed-in user).</summary>
    public static async Task<StaffSession> SignInAsync(WebApplicationFactory<Program> factory, string email, string password = DemoAccounts.Password)
    {
        var cookies = new CookieContainer();
        using var client = NewClient(factory, cookies);
        using var response = await client.TrySignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email}: {(int)response.StatusCode}");
        return new StaffSession(cookies, await client.TokenAsync());
    }

    /// <summary>
    /// The first sign-in to an account an Administrator created (or reset): the password must be changed first
    /// (to <paramref name="ownPassword"/>); returns the session that continues after the change.
    /// </summary>
    public static async Task<StaffSession> FirstSignInAsync(WebApplicationFactory<Program> factory, string email, string initialPassword, string ownPassword)
    {
        var cookies = new CookieContainer();
        using var client = NewClient(factory, cookies);
        using (var signIn = await client.TrySignInAsync(email, initialPassword))
        {
            Assert.True(signIn.Headers.Location?.OriginalString == "/account/password", $"First sign-in as {email}: {(int)signIn.StatusCode} {signIn.Headers.Location}");
        }

        var token = await client.TokenAsync("/account/password");
        using var changed = await client.PostFormAsync("/account/password",
            [new("CurrentPassword", initialPassword), new("NewPassword", ownPassword), new("ConfirmPassword", ownPassword)], token);
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, $"Password change for {email}: {(int)changed.StatusCode}");
        return new StaffSession(cookies, await client.TokenAsync("/account/password"));
    }

    public static async Task<StaffSession> AnonymousAsync(WebApplicationFactory<Program> factory)
    {
        var cookies = new CookieContainer();
        using var client = NewClient(factory, cookies);
        return new StaffSession(cookies, await client.TokenAsync());
    }

    public static async Task<AngleSharp.Dom.IDocument> ParseAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}
