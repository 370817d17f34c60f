using System.Text.Encodings.Web;
using System.Text.Json;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Disclosure.Data.Configurations;

/// <summary>Stores the sub-headed parts of 一、总体情况 as a JSON array of {heading, body}.</summary>
internal sealed class OverviewConverter : ValueConverter<IReadOnlyList<OverviewPart>, string>
{
    private static readonly JsonSerializerOptions _options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static readonly OverviewConverter Instance = new();

    public static readonly ValueComparer<IReadOnlyList<OverviewPart>> Comparer = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        parts => parts.Aggregate(0, (hash, part) => HashCode.Combine(hash, part)),
        parts => parts.ToArray());

    private OverviewConverter()
        : base(parts => Serialize(parts), json => Deserialize(json))
    {
    }

    // Internal, not private: the providers' compiled models (CompiledModel/) call these two directly.
    internal static string Serialize(IReadOnlyList<OverviewPart> parts) => JsonSerializer.Serialize(parts, _options);

    internal static OverviewPart[] Deserialize(string json) =>
        JsonSerializer.Deserialize<OverviewPart[]>(json, _options) ?? [];
}
