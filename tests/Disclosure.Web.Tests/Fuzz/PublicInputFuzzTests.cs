using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace Disclosure.Web.Tests.Fuzz;

/// <summary>
/// Generated inputs (seeded, so a failure can be replayed) into every public route value, query string and form field:
/// unicode, very long, percent-encoded garbage, path traversal, SQL-ish, negative and huge numbers. Nothing may
/// answer 500. A fixed number of cases (<see cref="FuzzBudget"/>); the counts are written to the test output.
/// </summary>
[Collection(PortalCollections.Public)]
public sealed class PublicInputFuzzTests(PortalFactory portal, ITestOutputHelper output)
{
    private const int Seed = 20_261_126;
    /// <summary>GET requests per run (<see cref="FuzzBudget"/>: <c>FUZZ_SECONDS=60 dotnet test …</c> runs longer).</summary>
    private const int Requests = 300;

    /// <summary>Login form posts per run.</summary>
    private const int LoginPosts = 60;

    /// <summary>A path segment as a client could send it: sometimes escaped, sometimes raw.</summary>
    private static string Segment(Random random)
    {
        var text = FuzzText.Random(random);
        return random.Next(2) == 0 ? Uri.EscapeDataString(text.Length > 30_000 ? text[..30_000] : text) : text;
    }

    /// <summary>Half the requests go through HttpClient (which normalizes, as browsers do); half are handed to the server raw.</summary>
    private async Task<int> SendAsync(HttpClient client, string url, bool raw)
    {
        if (!raw)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            return (int)response.StatusCode;
        }

        var query = url.IndexOf('?', StringComparison.Ordinal);
        var context = await portal.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = new PathString(query < 0 ? url : url[..query]);
            http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(url[query..]);
        });
        return context.Response.StatusCode;
    }

    /// <summary>A query-string value: sometimes a plausible one, sometimes generated.</summary>
    private static string Value(Random random, params string[] plausible) =>
        random.Next(3) == 0 && plausible.Length > 0 ? plausible[random.Next(plausible.Length)] : Segment(random);

    private static string Url(Random random) => random.Next(22) switch
    {
        0 => $"/reports/{Segment(random)}/{Segment(random)}",
        1 => $"/reports/zhongwei-commerce/{Segment(random)}",
        2 => $"/reports/{Segment(random)}/2023.json",
        3 => $"/reports/{Segment(random)}/{Segment(random)}.pdf",
        4 => $"/reports/zhongwei-commerce/2023/v{Segment(random)}",
        5 => $"/years/{Segment(random)}",
        6 => $"/agencies/{Segment(random)}",
        7 => $"/agencies?q={Segment(random)}",
        8 => $"/?{Segment(random)}={Segment(random)}",
        // The open data, statistics and comparison pages (issue 5).
        9 => $"/api/v1/reports?year={Value(random, "2023", "2021")}&agency={Value(random, "zhongwei-commerce")}&level={Value(random, "Municipal", "County", "3")}&page={Value(random, "1", "2", "0")}&pageSize={Value(random, "1", "100", "1000")}",
        10 => $"/api/v1/reports/{Segment(random)}/{Segment(random)}",
        11 => $"/api/v1/reports/{Value(random, "zhongwei-commerce")}/{Value(random, "2023")}/findings",
        12 => $"/api/v1/years/{Value(random, "2023")}/table{Segment(random)}.csv",
        13 => $"/api/v1/years/{Segment(random)}.xlsx",
        14 => $"/statistics/{Segment(random)}",
        15 => $"/statistics/{Value(random, "2023")}?{Segment(random)}={Segment(random)}",
        16 => $"/agencies/{Segment(random)}/trends",
        17 => $"/compare?agencies={Value(random, "zhongwei-commerce,pingtan", "zhongwei-commerce", ",,,", "a,a,a,a,a,a,a,a,a,a,a,a")}&year={Value(random, "2023", "2021")}",
        18 => $"/data-quality?rule={Value(random, "R1", "R5", "S1")}&year={Value(random, "2023")}&agency={Value(random, "zhongwei-commerce")}&page={Value(random, "1", "2")}",
        19 => $"/data?{Segment(random)}={Segment(random)}",
        20 => $"/openapi/v1.json?{Segment(random)}",
        _ => $"/{Segment(random)}/{Segment(random)}",
    };

    [Fact]
    public async Task PublicRoutesAndQueries_WithGeneratedInput_NeverAnswer500()
    {
        var random = new Random(Seed);
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        var unsendable = 0;
        var budget = new FuzzBudget(Requests);
        while (budget.Next())
        {
            var url = Url(random);
            var raw = random.Next(2) == 0;
            int status;
            try
            {
                status = await SendAsync(client, url, raw);
            }
            catch (UriFormatException)
            {
                unsendable++;
                continue;
            }
            catch (InvalidOperationException decoder) when (decoder.Message.Contains("null characters", StringComparison.Ordinal))
            {
                // %00 in the path: the request-line decoder refuses it before the app (Kestrel answers 400 Bad Request).
                unsendable++;
                continue;
            }

            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                failures.Add($"{status} GET{(raw ? " (raw)" : "")} {url[..Math.Min(200, url.Length)]}");
            }
        }

        Report("GET", statuses, unsendable);
        Assert.True(statuses.Values.Sum() > Requests / 2, "most generated URLs should reach the app");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task LoginForm_WithGeneratedFields_NeverAnswers500()
    {
        var random = new Random(Seed + 1);
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = new HtmlParser().ParseDocument(page).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        var budget = new FuzzBudget(LoginPosts);
        while (budget.Next())
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new("Email", FuzzText.Random(random)),
                new("Password", FuzzText.Random(random)),
            };
            switch (random.Next(4))
            {
                case 0:
                    fields.Add(new("__RequestVerificationToken", token));
                    break;
                case 1:
                    fields.Add(new("__RequestVerificationToken", FuzzText.Random(random)));
                    break;
                case 2:
                    fields.Add(new(FuzzText.Random(random), FuzzText.Random(random)));
                    break;
                default:
                    break;
            }

            var returnTo = FuzzText.Random(random);
            var returnUrl = random.Next(3) == 0 ? "?ReturnUrl=" + Uri.EscapeDataString(returnTo[..Math.Min(2_000, returnTo.Length)]) : "";
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(new Uri("/account/login" + returnUrl, UriKind.Relative), content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                failures.Add($"{status} POST /account/login {string.Join("&", fields.Select(f => f.Key[..Math.Min(20, f.Key.Length)]))}");
            }
        }

        Report("POST /account/login", statuses, 0);
        Assert.Empty(failures);
    }

    private void Report(string what, Dictionary<int, int> statuses, int unsendable) =>
        output.WriteLine($"{what}: {statuses.Values.Sum()} requests — {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}" + (unsendable > 0 ? $"; {unsendable} refused before reaching the app (malformed URI, %00 in the path)" : ""));
}
