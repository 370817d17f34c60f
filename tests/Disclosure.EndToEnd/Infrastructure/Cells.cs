using System.Text.Json;

namespace Disclosure.EndToEnd.Infrastructure;

/// <summary>How the report page prints a cell of the canonical JSON.</summary>
public static class Cells
{
    /// <summary>A cell as the page prints it: the number, or "" for a blank.</summary>
    public static string Printed(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString() ?? "",
        _ => throw new InvalidOperationException($"unexpected cell {value}"),
    };
}
