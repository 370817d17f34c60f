using System.Globalization;
using System.Text;

namespace Disclosure.Web.Tests.Fuzz;

/// <summary>Generated hostile text for the fuzz tests: unicode, very long, percent-encoded garbage, edge numbers.</summary>
public static class FuzzText
{
    private static readonly string[] _nasty =
    [
        "", " ", "..", "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f", "..\\..\\windows\\win.ini", "%00", "%",
        "%zz", "%C0%AF", "%E4%B8", "%FF%FE", "' OR '1'='1", "1; DROP TABLE Reports;--", "\" OR \"\"=\"", "1 UNION SELECT NULL--",
        "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}", "-1", "0", "-2147483648", "2147483648", "99999999999999999999999",
        "1e9", "0x7fffffff", "NaN", "9999", "1900", "2023.5", "zhongwei-commerce", "ZHONGWEI-COMMERCE", "zhongwei-commerce/../pingtan",
        "中卫市商务局", "商务", "😀", "\u202Eevil", "a\u0000b", "\uFEFF", "Ω≈ç√∫", "null", "undefined", "CON", "aux.pdf", ".json",
    ];

    public static string Random(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return _nasty[random.Next(_nasty.Length)];
            case 1: // unicode from every plane, including lone surrogates and control characters
                var builder = new StringBuilder();
                for (var i = random.Next(1, 40); i > 0; i--)
                {
                    builder.Append(random.Next(5) switch
                    {
                        0 => (char)random.Next(0, 0x20),
                        1 => (char)random.Next(0x4E00, 0x9FFF),
                        2 => (char)random.Next(0xD800, 0xE000),
                        3 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))[0],
                        _ => (char)random.Next(0x20, 0x7F),
                    });
                }

                return builder.ToString();
            case 2: // very long
                return new string((char)random.Next(0x21, 0x7F), random.Next(1_000, 20_000));
            case 3: // percent-encoded garbage
                return string.Concat(Enumerable.Range(0, random.Next(1, 20)).Select(_ => random.Next(3) == 0 ? "%" + random.Next(0, 256).ToString("X2", CultureInfo.InvariantCulture) : "%" + (char)random.Next(0x21, 0x7F)));
            case 4: // numbers at and past the edges
                return random.Next(4) switch
                {
                    0 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
                    1 => (-random.Next()).ToString(CultureInfo.InvariantCulture),
                    2 => random.Next(1990, 2100).ToString(CultureInfo.InvariantCulture),
                    _ => new string('9', random.Next(10, 400)),
                };
            default:
                return _nasty[random.Next(_nasty.Length)] + _nasty[random.Next(_nasty.Length)];
        }
    }
}
