using System.Diagnostics;
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
/// answer 500. Bounded in time; the counts are written to the test output.
/// </summary>
public sealed class PublicInputFuzzTests(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const int Seed = 20_261_126;
    private static readonly TimeSpan _budget = TimeSpan.FromSeconds(5);

    private static readonly string[] _nasty =
    [
        "", " ", "..", "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f", "..\\..\\windows\\win.ini", "%00", "%",
        "%zz", "%C0%AF", "%E4%B8", "%FF%FE", "' OR '1'='1", "1; DROP TABLE Reports;--", "\" OR \"\"=\"", "1 UNION SELECT NULL--",
        "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}", "-1", "0", "-2147483648", "2147483648", "99999999999999999999999",
        "1e9", "0x7fffffff", "NaN", "9999", "1900", "2023.5", "zhongwei-commerce", "ZHONGWEI-COMMERCE", "zhongwei-commerce/../pingtan",
        "中卫市商务局", "商务", "😀", "\u202Eevil", "a\u0000b", "\uFEFF", "Ω≈ç√∫", "null", "undefined", "CON", "aux.pdf", ".json",
    ];

    private static string RandomText(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return _nasty[random.Next(_nasty.Length)];
            case 1: // unicode from every plane, including lone surrogates and control characters
                var builder = new StringBuilder();
                for (var i = random.Next(1, 40); i > 0; i--)
                {
                    builder.Append(random.Next(5) switch
                    {
                        0 => (char)random.Next(0, 0x20),
                        1 => (char)random.Next(0x4E00, 0x9FFF),
                        2 => (char)random.Next(0xD800, 0xE000),
                        3 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))[0],
                        _ => (char)random.Next(0x20, 0x7F),
                    });
                }

                return builder.ToString();
            case 2: // very long
                return new string((char)random.Next(0x21, 0x7F), random.Next(1_000, 20_000));
            case 3: // percent-encoded garbage
                return string.Concat(Enumerable.Range(0, random.Next(1, 20)).Select(_ => random.Next(3) == 0 ? "%" + random.Next(0, 256).ToString("X2", CultureInfo.InvariantCulture) : "%" + (char)random.Next(0x21, 0x7F)));
            case 4: // numbers at and past the edges
                return random.Next(4) switch
                {
                    0 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
                    1 => (-random.Next()).ToString(CultureInfo.InvariantCulture),
                    2 => random.Next(1990, 2100).ToString(CultureInfo.InvariantCulture),
                    _ => new string('9', random.Next(10, 400)),
                };
            default:
                return _nasty[random.Next(_nasty.Length)] + _nasty[random.Next(_nasty.Length)];
        }
    }

    /// <summary>A path segment as a client could send it: sometimes escaped, sometimes raw.</summary>
    private static string Segment(Random random)
    {
        var text = RandomText(random);
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

    private static string Url(Random random) => random.Next(10) switch
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
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _budget)
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
        Assert.True(statuses.Values.Sum() > 100, "too few requests in the time budget");
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
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _budget / 2)
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new("Email", RandomText(random)),
                new("Password", RandomText(random)),
            };
            switch (random.Next(4))
            {
                case 0:
                    fields.Add(new("__RequestVerificationToken", token));
                    break;
                case 1:
                    fields.Add(new("__RequestVerificationToken", RandomText(random)));
                    break;
                case 2:
                    fields.Add(new(RandomText(random), RandomText(random)));
                    break;
                default:
                    break;
            }

            var returnTo = RandomText(random);
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
        Assert.True(statuses.Values.Sum() > 20, "too few requests in the time budget");
        Assert.Empty(failures);
    }

    private void Report(string what, Dictionary<int, int> statuses, int unsendable) =>
        output.WriteLine($"{what}: {statuses.Values.Sum()} requests — {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}" + (unsendable > 0 ? $"; {unsendable} refused before reaching the app (malformed URI, %00 in the path)" : ""));
}
