using System.Text;

namespace Disclosure.Domain.Text;

/// <summary>
/// Text compared or read as a value rather than as prose: NFKC (full-width letters, digits, brackets and signs become
/// their ASCII forms), every whitespace and zero-width character dropped, the minus sign − and the dashes – and －
/// made '-'. Cell values (<see cref="Reports.CellParser"/>) and table labels (the importer's label matcher) start here.
/// </summary>
internal static class CompactText
{
    public static string Of(string text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        string nfkc;
        try
        {
            nfkc = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; use the text as given.
            nfkc = text;
        }

        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

            sb.Append(c is '−' or '–' or '－' ? '-' : c);
        }

        return sb.ToString();
    }
}
