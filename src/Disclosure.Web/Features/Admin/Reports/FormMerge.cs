using System.Text.Json;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>One field of a part that changed: its printed label and its values as read, as saved elsewhere, and as typed here.</summary>
public sealed record FieldChange(string Key, string Label, string Original, string Elsewhere, string Typed)
{
    private static string Show(string value) => value.Length == 0 ? "空白" : value.Length > 20 ? value[..20] + "…" : value;

    /// <summary>"表三 四、结转下年度继续办理·商业企业：1→0".</summary>
    public string Describe() => $"{Label}：{Show(Original)}→{Show(Elsewhere)}";

    public string DescribeClash() => $"{Label}：别处保存为 {Show(Elsewhere)}，您填写的是 {Show(Typed)}";
}

/// <summary>What a three-way merge found: the fields saved elsewhere since the form was read, and those both sides changed differently.</summary>
public sealed record MergeOutcome(IReadOnlyList<FieldChange> ChangedElsewhere, IReadOnlyList<FieldChange> Clashes);

/// <summary>
/// A form read at an older revision, merged with what was saved since, field by field: the form carries the values
/// it showed (<see cref="ReportForm.Original"/>); a field this user did not change takes the stored value (so saving
/// never reverts another save); a field only this user changed keeps the typed value; a field both changed to
/// different values is a clash, and the user is asked. Parts are separate forms, so 正文 and 表四 never meet here.
/// </summary>
public static class FormMerge
{
    /// <summary>The values a form shows, as the hidden <c>Original</c> field carries them.</summary>
    public static string Serialize(IReadOnlyDictionary<string, string?> values) => JsonSerializer.Serialize(values);

    /// <summary>Null when the form carries no readable original (then nothing can be merged).</summary>
    public static MergeOutcome? Merge(ReportForm typed, ReportForm stored, Func<string, string> label)
    {
        Dictionary<string, string?>? original;
        try
        {
            original = string.IsNullOrEmpty(typed.Original) ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(typed.Original);
        }
        catch (JsonException)
        {
            original = null;
        }

        if (original is null)
        {
            return null;
        }

        var mine = typed.Values();
        var theirs = stored.Values();
        var changed = new List<FieldChange>();
        var clashes = new List<FieldChange>();
        foreach (var (key, storedValue) in theirs)
        {
            var before = typed.Canonical(key, original.GetValueOrDefault(key));
            var now = typed.Canonical(key, storedValue);
            if (before == now)
            {
                continue;
            }

            var hasTyped = mine.TryGetValue(key, out var typedValue);
            var typedNow = typed.Canonical(key, typedValue);
            var change = new FieldChange(key, label(key), before, now, typedNow);
            changed.Add(change);
            if (!hasTyped || typedNow == before)
            {
                typed.Take(key, storedValue);
            }
            else if (typedNow != now)
            {
                clashes.Add(change);
            }
        }

        return new MergeOutcome(changed, clashes);
    }
}
