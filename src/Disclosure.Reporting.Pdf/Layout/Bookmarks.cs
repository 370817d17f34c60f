using PdfSharp.Pdf;

namespace Disclosure.Reporting.Pdf.Layout;

/// <summary>
/// The document outline (bookmarks): one entry per level-1 heading (一 … 六) and any other heading asked for
/// (更正说明), the tables under the level-1 heading they follow. Each entry opens its page at the heading.
/// </summary>
internal sealed class Bookmarks(PdfDocument document)
{
    private PdfOutline? _section;

    public void AddHeading(int level, string title, PdfPage page, double top)
    {
        var entry = Add(document.Outlines, title, page, top);
        if (level <= 1)
        {
            _section = entry;
        }
    }

    public void AddTable(string title, PdfPage page, double top) =>
        Add(_section?.Outlines ?? document.Outlines, title, page, top);

    private static PdfOutline Add(PdfOutlineCollection collection, string title, PdfPage page, double top)
    {
        var entry = collection.Add(title, page, true);
        entry.PageDestinationType = PdfPageDestinationType.Xyz;
        entry.Left = 0;
        entry.Top = top;
        return entry;
    }
}
