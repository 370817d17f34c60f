using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Disclosure.Web.Tests.StaffEntry;

/// <summary>A staff member's browser, without the browser: cookies, sign-in, and forms posted as a page would post them.</summary>
public sealed class StaffClient : IDisposable
{
    public const string Password = "demo-password-2024";
    public const string AdminEmail = "admin@demo.local";
    public const string Reviewer = "reviewer@demo.local";
    public const string Editor = "editor@demo.local";

    public const string Base = "/admin/reports/zhongwei-commerce/2024";

    private StaffClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>Signs in through the login form (each sign-in counts against the login rate limit of 10 a minute).</summary>
    public static async Task<StaffClient> SignInAsync(PortalFactory factory, string email)
    {
        var client = new StaffClient(factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }));
        var login = await client.Http.GetDocumentAsync("/account/login");
        using var response = await client.PostAsync(login, "form[action='/account/login']", new() { ["Email"] = email, ["Password"] = Password });
        var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
        if (!landed.StartsWith("/admin", StringComparison.Ordinal))
        {
            var body = await response.Content.ReadAsStringAsync();
            var errors = string.Join(" | ", new HtmlParser().ParseDocument(body).QuerySelectorAll(".error-summary li, .error-message").Select(e => e.Text()));
            Assert.Fail($"sign-in as {email} landed on {landed} ({(int)response.StatusCode}): {errors}");
        }
        return client;
    }

    public async Task<IDocument> GetAsync(string url, int expectedStatus = 200)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url}: expected {expectedStatus}, got {(int)response.StatusCode}. {body[..Math.Min(body.Length, 500)]}");
        return await ParseAsync(body, response.RequestMessage!.RequestUri!);
    }

    /// <summary>Parses a page with its address, so that forms without an action post back to it.</summary>
    public static Task<IDocument> ParseAsync(string body, Uri address) =>
        BrowsingContext.New().OpenAsync(request => request.Content(body).Address(address));

    /// <summary>Posts the form the page shows (its fields as they are, then <paramref name="fields"/> on top) to its action.</summary>
    public async Task<HttpResponseMessage> PostAsync(IDocument page, string formSelector, Dictionary<string, string> fields)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"no form {formSelector} on {page.Url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is "radio" or "checkbox" && !input.IsChecked)
                    {
                        continue;
                    }

                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        values.RemoveAll(v => fields.ContainsKey(v.Key));
        values.AddRange(fields);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(page.Url).PathAndQuery;
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Posts a page's form and parses the page the browser ends on (after redirects).</summary>
    public async Task<IDocument> SubmitAsync(IDocument page, string formSelector, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await PostAsync(page, formSelector, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {formSelector} on {page.Url}: expected {expected}, got {response.StatusCode}. {body[..Math.Min(500, body.Length)]}");
        return await ParseAsync(body, response.RequestMessage!.RequestUri!);
    }

    /// <summary>
    /// Posts to a URL the page offers no form for (as a crafted request would), with the antiforgery token of the
    /// page's first POST form (the layout's sign-out form is always there).
    /// </summary>
    public async Task<(HttpStatusCode Status, IDocument Page)> PostToAsync(IDocument page, string url, Dictionary<string, string>? fields = null)
    {
        var token = page.QuerySelector<IHtmlInputElement>("form[method='post'] input[name='__RequestVerificationToken']")?.Value
            ?? throw new InvalidOperationException("no antiforgery token on " + page.Url);
        var values = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(values);
        using var response = await Http.PostAsync(new Uri(url, UriKind.Relative), content);
        return (response.StatusCode, await ParseAsync(await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!));
    }

    /// <summary>Opens a page and posts one of its forms.</summary>
    public async Task<IDocument> SubmitAsync(string url, string formSelector, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.OK) =>
        await SubmitAsync(await GetAsync(url), formSelector, fields, expected);

    public void Dispose() => Http.Dispose();
}

public static class StaffPages
{
    /// <summary>The flash message (或 error) the page shows after a redirect.</summary>
    public static string? Flash(this IDocument page, bool error = false) =>
        page.QuerySelector(error ? ".flash--error" : ".flash--ok")?.Text();

    public static string Revision(this IDocument page) =>
        page.QuerySelector<IHtmlInputElement>("form input[name='Revision']")?.Value ?? throw new InvalidOperationException("no Revision field");

    public static string Value(this IDocument page, string id) =>
        page.GetElementById(id) switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            var other => other?.TextContent.Trim() ?? throw new InvalidOperationException($"no #{id}"),
        };

    /// <summary>The input of a table cell, as _CellInput names it.</summary>
    public static string CellId(string row, string column) => $"f-Cells-{row}-{column}";

    /// <summary>The computed total the form shows for a cell.</summary>
    public static string? Output(this IDocument page, string row, string column) =>
        page.QuerySelector($"output[data-row='{row}'][data-col='{column}']")?.TextContent.Trim();
}
