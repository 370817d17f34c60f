using System.Text.Encodings.Web;

namespace Disclosure.Domain.Serialization;

/// <summary>
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, except that characters outside the Basic Multilingual
/// Plane are written as they are too. The built-in encoders only know BMP ranges and would write a rare character of a
/// place or person name (CJK Extension B and beyond, e.g. 𠮷 U+20BB7) as <c>\uD842\uDFB7</c>, so a canonical
/// document holding one would not read and write back to the same bytes.
/// </summary>
internal sealed class CanonicalJsonEncoder : JavaScriptEncoder
{
    public static readonly CanonicalJsonEncoder Instance = new();

    private static readonly JavaScriptEncoder _relaxed = UnsafeRelaxedJsonEscaping;

    private CanonicalJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => _relaxed.MaxOutputCharactersPerInputCharacter;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar <= char.MaxValue && _relaxed.WillEncode(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var chars = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || _relaxed.WillEncode(chars[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        _relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
}
