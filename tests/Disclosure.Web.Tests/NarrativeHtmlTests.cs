using Disclosure.Web.Features.Reports;

namespace Disclosure.Web.Tests;

public sealed class NarrativeHtmlTests
{
    private static string Render(string text)
    {
        using var writer = new StringWriter();
        NarrativeHtml.Render(text).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void Render_SplitsParagraphsOnBlankLines_AndKeepsSingleLineBreaks()
    {
        Assert.Equal("<p class=\"para\">一<br>二</p>\n<p class=\"para\">三</p>\n", Render("一\n二\n\n三"));
    }

    [Fact]
    public void Render_TurnsPairedDoubleAsterisksIntoBold()
    {
        Assert.Equal("<p class=\"para\"><strong>一是</strong>公开</p>\n", Render("**一是**公开"));
    }

    [Fact]
    public void Render_NeverInterpretsHtml()
    {
        var html = Render("<script>alert(1)</script>**<b>x</b>**");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LeavesAnUnpairedMarkerAsText()
    {
        Assert.Equal("<p class=\"para\">5**2</p>\n", Render("5**2"));
    }

    [Fact]
    public void Render_EmptyText_GivesNothing() => Assert.Equal("", Render("  \n\n "));
}
