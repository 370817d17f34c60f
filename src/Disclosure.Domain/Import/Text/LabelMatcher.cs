namespace Disclosure.Domain.Import.Text;

/// <summary>A label the matcher knows: the key it stands for, its normalised form, its number and the text after it.</summary>
internal sealed record KnownLabel(string Key, string Normalized, string Number, string Rest)
{
    public static KnownLabel Of(string key, string label)
    {
        var normalized = LabelText.Normalize(label);
        var (number, rest) = LabelText.SplitNumber(normalized);
        return new KnownLabel(key, normalized, number, rest);
    }
}

/// <summary>
/// Finds which known label a printed cell is: exact after normalisation; then the same text under any or no number;
/// then a unique label whose text the cell begins (at least four characters); then a unique label within edit
/// distance 2 (1 for texts under six characters; none under four) that does not print another number.
/// </summary>
internal sealed class LabelMatcher(IReadOnlyList<KnownLabel> labels)
{
    public IReadOnlyList<KnownLabel> Labels => labels;

    public KnownLabel? Match(string normalized)
    {
        if (normalized.Length is 0 or > LabelText.MaxLabelLength)
        {
            return null;
        }

        foreach (var label in labels)
        {
            if (label.Normalized == normalized)
            {
                return label;
            }
        }

        var (number, rest) = LabelText.SplitNumber(normalized);
        if (rest.Length == 0)
        {
            return null;
        }

        var sameText = labels.Where(l => l.Rest == rest).DistinctBy(l => l.Key).ToList();
        if (sameText.Count > 0)
        {
            return sameText.Count == 1 ? sameText[0] : null;
        }

        if (rest.Length >= 4)
        {
            var prefixed = labels
                .Where(l => l.Rest.Length >= 4 && (l.Rest.StartsWith(rest, StringComparison.Ordinal) || rest.StartsWith(l.Rest, StringComparison.Ordinal)))
                .Select(l => l.Key)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (prefixed.Count == 1)
            {
                return labels.First(l => l.Key == prefixed[0]);
            }

            KnownLabel? best = null;
            var bestDistance = 3;
            var tie = false;
            // A different printed number is a different row ("（一）予以公开" is not "（三）不予公开"); short texts allow one edit.
            foreach (var label in labels.Where(l => l.Rest.Length >= 4 && (number.Length == 0 || l.Number.Length == 0 || l.Number == number)))
            {
                var limit = Math.Min(rest.Length, label.Rest.Length) >= 6 ? 2 : 1;
                var d = LabelText.Distance(rest, label.Rest, limit);
                if (d > limit)
                {
                    continue;
                }

                if (d < bestDistance)
                {
                    best = label;
                    bestDistance = d;
                    tie = false;
                }
                else if (d == bestDistance && best is not null && best.Key != label.Key)
                {
                    tie = true;
                }
            }

            if (best is not null && !tie)
            {
                return best;
            }
        }

        return null;
    }
}
