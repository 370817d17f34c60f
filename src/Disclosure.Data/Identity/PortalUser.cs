using Microsoft.AspNetCore.Identity;

namespace Disclosure.Data.Identity;

/// <summary>A staff account: the disclosure office (Administrator), reviewers, and editors of one or more agencies.</summary>
public sealed class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in; its history stays.</summary>
    public bool IsDisabled { get; set; }

    public ICollection<UserAgency> Agencies { get; } = [];
}

/// <summary>An Editor's assignment to an agency whose reports they enter.</summary>
public sealed class UserAgency
{
    public string UserId { get; set; } = "";

    public int AgencyId { get; set; }
}

public static class PortalRoles
{
    /// <summary>The disclosure office (政务公开办): agencies, users, publication, corrections.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Reviews submissions.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>Enters reports for the agencies assigned to them, and only those.</summary>
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Administrator, Reviewer, Editor];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "管理员（政务公开办）",
        Reviewer => "审核人",
        Editor => "填报人",
        _ => role,
    };
}
