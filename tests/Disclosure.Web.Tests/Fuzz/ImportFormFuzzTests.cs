using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Disclosure.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Disclosure.Web.Tests.Fuzz;

/// <summary>
/// Generated text and fields into the import form's preview and confirm (an administrator's input, but text pasted
/// from anywhere): samples cut, spliced and sprinkled with unicode, garbage, odd slugs, 口径 and notes. Never a 500;
/// every page that answers keeps the text entered; 400 only for what no browser sends (NUL, lone surrogates).
/// Seeded, a fixed number of cases (<see cref="FuzzBudget"/>); the counts go to the test output.
/// </summary>
[Collection(PortalCollections.Staff)]
public sealed class ImportFormFuzzTests(PortalFactory shared, ITestOutputHelper output) : PortalTest(shared)
{
    private const int Seed = 20_261_128;
    /// <summary>Requests per run (<see cref="FuzzBudget"/>: <c>FUZZ_SECONDS=60 dotnet test …</c> runs longer).</summary>
    private const int Cases = 60;

    private static readonly string[] _samples = ["hongze-district-2023", "pingtan-2021", "shanghai-govoffice-2019-old-format", "zhongwei-commerce-2023"];

    private static string Text(Random random)
    {
        var sample = File.ReadAllText(Fixtures.PathOf(_samples[random.Next(_samples.Length)] + (random.Next(4) == 0 ? ".json" : ".txt")));
        switch (random.Next(5))
        {
            case 0:
                return sample[..random.Next(sample.Length + 1)];
            case 1:
                var at = random.Next(sample.Length + 1);
                return sample.Insert(at, FuzzText.Random(random));
            case 2:
                var from = random.Next(sample.Length);
                return sample.Remove(from, Math.Min(random.Next(1, 400), sample.Length - from));
            case 3:
                return FuzzText.Random(random);
            default:
                var cut = random.Next(sample.Length);
                return sample[cut..] + sample[..cut];
        }
    }

    /// <summary>
    /// Whether the page must give the text back exactly (carriage returns too: Razor writes them as character
    /// references): it has no characters that HTML cannot carry (other control characters, lone surrogates) and is
    /// within the form's limit.
    /// </summary>
    private static bool MustBeKept(string text) =>
        text.Length > 0 && text.Length <= 2_000_000 && !text.Any(c => char.IsSurrogate(c) || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));

    [Fact]
    public async Task ImportPreviewAndConfirm_WithGeneratedInput_NeverAnswer500()
    {
        var random = new Random(Seed);
        using var admin = (await Staff.SignInAsync(Portal, "admin@demo.local")).Client(Portal);
        var statuses = new Dictionary<string, int>();
        var failures = new List<string>();
        var budget = new FuzzBudget(Cases);
        while (budget.Next())
        {
            var text = Text(random);
            KeyValuePair<string, string>[] fields =
            [
                new("Text", text),
                new("AgencySlug", random.Next(3) == 0 ? "" : random.Next(2) == 0 ? $"fuzz-{random.Next(1000)}" : FuzzText.Random(random)),
                new("Scope", random.Next(3) switch { 0 => "", 1 => "Agency", _ => FuzzText.Random(random) }),
                new("Correction", random.Next(2) == 0 ? "" : FuzzText.Random(random)),
            ];
            var action = random.Next(4) == 0 ? "confirm" : "preview";
            using var response = await admin.PostFormAsync($"/admin/import/{action}", fields);
            var key = $"{action} {(int)response.StatusCode}";
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            if (response.StatusCode == HttpStatusCode.BadRequest && !fields.Any(f => f.Value.Any(c => c == '\0' || char.IsSurrogate(c))))
            {
                failures.Add($"400 {action} for fields a browser could send (text starting '{text[..Math.Min(40, text.Length)]}')");
            }

            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {action}: text of {text.Length} characters starting '{text[..Math.Min(40, text.Length)]}'");
            }
            else if (response.StatusCode == HttpStatusCode.OK && MustBeKept(text))
            {
                var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
                var kept = page.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name=Text]").Select(t => t.Value);
                if (!kept.Contains(text))
                {
                    failures.Add($"{action} lost the entered text (starting '{text[..Math.Min(40, text.Length)]}')");
                }
            }
        }

        output.WriteLine($"import form: {budget} — {string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.Empty(failures.Take(20));
    }
}
