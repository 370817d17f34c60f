using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>A register file uploaded for import, kept between its preview and the person's confirmation.</summary>
public sealed record RegisterUpload(int AgencyId, string? UserId, string FileName, byte[] Bytes);

/// <summary>
/// Holds an uploaded register file on the server between the preview and "确认导入", so the file is sent once and
/// what is applied is exactly what was previewed. A file is found only by its random token, and only for the person
/// and office that uploaded it; it is dropped after it is applied or after <see cref="Expiry"/> unused. Memory is
/// bounded (<see cref="SizeLimitBytes"/>): a portal running on several servers needs sticky sessions for imports.
/// </summary>
public sealed class RegisterUploads : IDisposable
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(30);

    public const long SizeLimitBytes = 256L * 1024 * 1024;

    private readonly MemoryCache _files = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    /// <summary>Keeps <paramref name="upload"/> and returns its token, or null when memory for uploads is full.</summary>
    public string? Keep(RegisterUpload upload)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _files.Set(token, upload, new MemoryCacheEntryOptions { Size = Math.Max(1, upload.Bytes.Length), SlidingExpiration = Expiry });
        return _files.TryGetValue(token, out _) ? token : null;
    }

    /// <summary>The upload of <paramref name="token"/>, if it is this person's for this office and has not expired.</summary>
    public RegisterUpload? Find(string? token, int agencyId, string? userId) =>
        token is { Length: 32 } && _files.TryGetValue(token, out RegisterUpload? upload)
            && upload is not null && upload.AgencyId == agencyId && upload.UserId == userId
            ? upload
            : null;

    public void Forget(string token) => _files.Remove(token);

    public void Dispose() => _files.Dispose();
}
