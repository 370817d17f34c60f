namespace Disclosure.Data.Documents;

/// <summary>
/// The official-format PDF of one published report version, rendered once and then served from here.
/// A published version never changes, so neither does its PDF — unless the renderer itself changes
/// (<see cref="RendererVersion"/>), in which case it is rendered again on next request.
/// </summary>
public sealed class RenderedPdf
{
    public const int ETagMaxLength = 64;
    public const int RendererVersionMaxLength = 32;

    private RenderedPdf()
    {
        Content = [];
        ETag = "";
        RendererVersion = "";
    }

    public RenderedPdf(int reportVersionId, string rendererVersion, byte[] content, string etag, int pageCount, DateTimeOffset renderedAt)
    {
        ReportVersionId = reportVersionId;
        RendererVersion = rendererVersion;
        Content = content;
        ETag = etag;
        PageCount = pageCount;
        RenderedAt = renderedAt;
    }

    public int ReportVersionId { get; private set; }

    public string RendererVersion { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>A strong entity tag: the SHA-256 of the bytes, quoted.</summary>
    public string ETag { get; private set; }

    public int PageCount { get; private set; }

    public DateTimeOffset RenderedAt { get; private set; }
}
