using System.Text.Json;

namespace Disclosure.Domain.Tests;

/// <summary>Compares two JSON documents node by node and names each difference by its JSON path.</summary>
public static class JsonDiff
{
    public static IReadOnlyList<string> Differences(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var differences = new List<string>();
        Compare(e.RootElement, a.RootElement, "$", differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToArray();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToArray();
                if (!expectedNames.SequenceEqual(actualNames))
                {
                    differences.Add($"{path}: expected keys [{string.Join(", ", expectedNames)}], found [{string.Join(", ", actualNames)}]");
                }

                foreach (var property in expected.EnumerateObject())
                {
                    if (actual.TryGetProperty(property.Name, out var other))
                    {
                        Compare(property.Value, other, $"{path}.{property.Name}", differences);
                    }
                }

                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToArray();
                var actualItems = actual.EnumerateArray().ToArray();
                if (expectedItems.Length != actualItems.Length)
                {
                    differences.Add($"{path}: expected {expectedItems.Length} items, found {actualItems.Length}");
                }

                for (var i = 0; i < Math.Min(expectedItems.Length, actualItems.Length); i++)
                {
                    Compare(expectedItems[i], actualItems[i], $"{path}[{i}]", differences);
                }

                break;
            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString())
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
                }

                break;
            default:
                if (expected.GetRawText() != actual.GetRawText())
                {
                    differences.Add($"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
                }

                break;
        }
    }
}
