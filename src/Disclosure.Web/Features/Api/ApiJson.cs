using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Domain.Agencies;

namespace Disclosure.Web.Features.Api;

/// <summary>How the open-data API writes JSON: snake_case keys, Chinese as is, nulls kept (blank is not zero).</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The machine code of a level: <c>city_government</c>, <c>county_department</c>, ….</summary>
    public static string LevelCode(AgencyLevel level) => JsonNamingPolicy.SnakeCaseLower.ConvertName(level.ToString());

    public static bool TryParseLevel(string? code, out AgencyLevel level)
    {
        foreach (var candidate in Enum.GetValues<AgencyLevel>())
        {
            if (string.Equals(LevelCode(candidate), code, StringComparison.Ordinal))
            {
                level = candidate;
                return true;
            }
        }

        level = default;
        return false;
    }

    public static IEnumerable<string> LevelCodes => Enum.GetValues<AgencyLevel>().Select(LevelCode);
}
