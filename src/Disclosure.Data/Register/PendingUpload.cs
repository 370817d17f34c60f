using System.Security.Cryptography;

namespace Disclosure.Data.Register;

/// <summary>
/// A register file uploaded for import, kept in the database between its preview and the person's "确认导入" — so that
/// the confirmation may reach any instance of the portal, and what is applied is exactly the previewed file. Found
/// only by its random token, for the person and office that uploaded it, until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class PendingUpload
{
    public const int TokenLength = 32;
    public const int FileNameMaxLength = 260;

    private PendingUpload()
    {
        Token = "";
        FileName = "";
        Bytes = [];
    }

    public PendingUpload(int agencyId, string? userId, string fileName, byte[] bytes, DateTimeOffset expiresAt)
    {
        Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(TokenLength / 2)).ToLowerInvariant();
        AgencyId = agencyId;
        UserId = userId;
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        Bytes = bytes;
        ExpiresAt = expiresAt;
    }

    /// <summary>128 random bits as 32 lower-case hex digits.</summary>
    public string Token { get; private set; }

    public int AgencyId { get; private set; }

    public string? UserId { get; private set; }

    public string FileName { get; private set; }

    public byte[] Bytes { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }
}
