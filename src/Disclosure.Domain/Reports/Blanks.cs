namespace Disclosure.Domain.Reports;

/// <summary>Arithmetic over cells where blank is not zero.</summary>
public static class Blanks
{
    /// <summary>The sum of the non-blank values; blank (null) when every value is blank. Overflow throws.</summary>
    public static long? Sum(IEnumerable<long?> values)
    {
        long? sum = null;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                sum = checked((sum ?? 0) + v);
            }
        }

        return sum;
    }
}
