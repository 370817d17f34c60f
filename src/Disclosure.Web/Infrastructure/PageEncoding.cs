using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Disclosure.Web.Infrastructure;

/// <summary>
/// The HTML encoder for the portal's pages: it escapes markup characters but leaves Chinese text as it is, so pages
/// stay readable in their source and a third of the size they would be with every character written as an entity.
/// </summary>
public static class PageEncoding
{
    public static readonly TextEncoderSettings Settings = new(UnicodeRanges.All);

    public static readonly HtmlEncoder Html = HtmlEncoder.Create(Settings);
}
