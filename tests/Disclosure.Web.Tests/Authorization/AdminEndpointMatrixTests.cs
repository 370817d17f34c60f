using System.Net;
using Disclosure.Data;
using Disclosure.Data.Identity;
using Disclosure.Domain.Register;
using Disclosure.Domain.Register.Cases;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.DemoData;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Authorization;

public enum Principal
{
    Anonymous,
    EditorOfAgency,
    EditorOfOtherAgency,
    Reviewer,
    Administrator,
}

/// <summary>
/// One portal for the whole matrix: demo data, a second Editor (assigned to pingtan), a draft for zhongwei-commerce
/// 2024 that cannot be submitted (so no case can move it along and change what the others see), an agency and an
/// account that the Administrator's cases edit with the values they already have, and one signed-in session per
/// principal (signing in once each also keeps within the login rate limit).
/// </summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public const string OtherEditorEmail = "pingtan-editor@test.local";
    public const string TargetEmail = "target@test.local";
    public const string Password = "matrix-password-2024";

    public PortalFactory Factory { get; } = new();

    public Dictionary<Principal, StaffSession> Sessions { get; } = [];

    public int TargetAgencyId { get; private set; }

    public string TargetUserId { get; private set; } = "";

    /// <summary>An application in zhongwei-commerce's register (the register cases post only stale revisions: it never changes).</summary>
    public int ApplicationId { get; private set; }

    /// <summary>A case in zhongwei-commerce's case register (its cases too post only stale revisions).</summary>
    public int CaseId { get; private set; }

    public async Task InitializeAsync()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            var pingtan = await db.Agencies.SingleAsync(a => a.Slug == "pingtan");
            TargetAgencyId = (await db.Agencies.SingleAsync(a => a.Slug == "hongze-district")).Id;
            await CreateUserAsync(users, db, OtherEditorEmail, PortalRoles.Editor, pingtan.Id);
            TargetUserId = await CreateUserAsync(users, db, TargetEmail, PortalRoles.Editor, pingtan.Id);
            var commerce = await db.Agencies.SingleAsync(a => a.Slug == "zhongwei-commerce");
            var application = DisclosureApplication.Register(commerce.Id,
                new ApplicationRecord("M-1", new DateOnly(2024, 9, 27), ApplicantType.NaturalPerson, "矩阵测试申请", ApplicantName: "张三"),
                WorkingCalendar.Seed, new DateOnly(2024, 10, 8));
            db.RegisterApplications.Add(application);
            var @case = ReviewCase.File(commerce.Id, new CaseRecord("M-C-1", CaseKind.AdministrativeReview, new DateOnly(2024, 5, 6)), new DateOnly(2024, 10, 8));
            db.ReviewCases.Add(@case);
            await db.SaveChangesAsync();
            ApplicationId = application.Id;
            CaseId = @case.Id;
        }

        Sessions[Principal.Anonymous] = await Staff.AnonymousAsync(Factory);
        Sessions[Principal.EditorOfAgency] = await Staff.SignInAsync(Factory, "editor@demo.local");
        Sessions[Principal.EditorOfOtherAgency] = await Staff.SignInAsync(Factory, OtherEditorEmail, Password);
        Sessions[Principal.Reviewer] = await Staff.SignInAsync(Factory, "reviewer@demo.local");
        Sessions[Principal.Administrator] = await Staff.SignInAsync(Factory, "admin@demo.local");

        using var admin = Sessions[Principal.Administrator].Client(Factory);
        foreach (var url in new[] { "/admin/reports/zhongwei-commerce/2024/start", "/admin/reports/pingtan/2024/start" })
        {
            using var started = await admin.PostFormAsync(url, [], Sessions[Principal.Administrator].Token);
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        // The draft must stay a draft whatever the cases do (a submit, then an approve, then a publish would leave later
        // cases no open version: 404). Five new applications and none processed: rule R1 refuses every submission.
        await using var scope2 = Factory.Services.CreateAsyncScope();
        var context = scope2.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var workspace = await ReportWorkspace.LoadAsync(context, "zhongwei-commerce", 2024, CancellationToken.None);
        var document = workspace!.WorkingDocument!;
        document.Applications[ApplicationsLayout.Rows.New, ApplicationsLayout.Columns.NaturalPerson] = CellValue.Of(5);
        workspace.Open!.UpdateContent(document, DateTimeOffset.UtcNow);
        await context.SaveChangesAsync();
        workspace = await ReportWorkspace.LoadAsync(context, "zhongwei-commerce", 2024, CancellationToken.None);
        Assert.NotEmpty(workspace!.Open!.SubmissionBlockers(workspace.PreviousYear));
    }

    /// <summary>A session of its own for the principal (for a case that ends it).</summary>
    public Task<StaffSession> SignInAgainAsync(Principal principal) => principal switch
    {
        Principal.EditorOfAgency => Staff.SignInAsync(Factory, "editor@demo.local"),
        Principal.EditorOfOtherAgency => Staff.SignInAsync(Factory, OtherEditorEmail, Password),
        Principal.Reviewer => Staff.SignInAsync(Factory, "reviewer@demo.local"),
        _ => Staff.SignInAsync(Factory, "admin@demo.local"),
    };

    private static async Task<string> CreateUserAsync(UserManager<PortalUser> users, DisclosureDbContext db, string email, string role, int agencyId)
    {
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        db.UserAgencies.Add(new UserAgency { UserId = user.Id, AgencyId = agencyId });
        await db.SaveChangesAsync();
        return user.Id;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every admin endpoint the app routes, with who may use it. A new endpoint that is not in <see cref="Matrix"/>
/// fails <see cref="EveryAdminEndpoint_IsInTheMatrix"/>; every endpoint × principal is then tried for real.
/// </summary>
public sealed class AdminEndpointMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private static readonly Principal[] AnyStaff = [Principal.EditorOfAgency, Principal.EditorOfOtherAgency, Principal.Reviewer, Principal.Administrator];
    private static readonly Principal[] ReadReport = [Principal.EditorOfAgency, Principal.Reviewer, Principal.Administrator];
    private static readonly Principal[] EditReport = [Principal.EditorOfAgency, Principal.Administrator];
    private static readonly Principal[] Review = [Principal.Reviewer, Principal.Administrator];
    private static readonly Principal[] Administer = [Principal.Administrator];

    private const string Read2023 = "/admin/reports/zhongwei-commerce/2023";
    private const string Draft2024 = "/admin/reports/zhongwei-commerce/2024";
    private const string Register = "/admin/register/zhongwei-commerce";

    /// <summary>
    /// (method, route pattern) → a URL with real route values, the form to post, and who is allowed. "{agency}" and
    /// "{user}" in a URL are the fixture's agency and account. Posted forms are harmless: stale revisions (nothing is
    /// saved), an empty correction note (refused), fresh names for new agencies and accounts, current values for edits.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Case> Matrix = new Dictionary<string, Case>
    {
        ["GET admin"] = new("/admin", AnyStaff),
        ["GET admin/years/{year:int:reportyear}"] = new("/admin/years/2023", Review),

        ["GET admin/reports/{slug:slug}/{year:int:reportyear}"] = new(Read2023, ReadReport),
        ["GET admin/reports/{slug:slug}/{year:int:reportyear}/check"] = new(Read2023 + "/check", ReadReport),
        ["GET admin/reports/{slug:slug}/{year:int:reportyear}/preview"] = new(Read2023 + "/preview", ReadReport),
        ["GET admin/reports/{slug:slug}/{year:int:reportyear}/preview.pdf"] = new(Read2023 + "/preview.pdf", ReadReport),
        ["GET admin/reports/{slug:slug}/{year:int:reportyear}/preview.docx"] = new(Read2023 + "/preview.docx", ReadReport),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/start"] = new(Draft2024 + "/start", EditReport),
        ["GET admin/reports/{slug:slug}/{year:int:reportyear}/metadata"] = new(Draft2024 + "/metadata", EditReport),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/metadata"] = new(Draft2024 + "/metadata", EditReport, [new("Revision", "-1"), new("Title", "矩阵测试"), new("Scope", "agency")]),
        ["GET admin/reports/{slug:slug}/{year:int:reportyear}/sections"] = new(Draft2024 + "/sections", EditReport),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/sections"] = new(Draft2024 + "/sections", EditReport, [new("Revision", "-1")]),
        ["GET admin/reports/{slug:slug}/{year:int:reportyear}/table/{table:int:range(2,4)}"] = new(Draft2024 + "/table/3", EditReport),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/table/{table:int:range(2,4)}"] = new(Draft2024 + "/table/3", EditReport, [new("Revision", "-1")]),
        ["GET admin/reports/{slug:slug}/{year:int:reportyear}/tables.xlsx"] = new(Read2023 + "/tables.xlsx", ReadReport),
        ["GET admin/reports/{slug:slug}/{year:int:reportyear}/tables/import"] = new(Draft2024 + "/tables/import", EditReport),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/tables/import"] = new(Draft2024 + "/tables/import", EditReport),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/tables/import/confirm"] = new(Draft2024 + "/tables/import/confirm", EditReport, [new("revision", "-1")]),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/carry-over"] = new(Draft2024 + "/carry-over", EditReport, [new("reason", "")]),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/submit"] = new(Draft2024 + "/submit", EditReport),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/return"] = new(Draft2024 + "/return", Review, [new("comment", "")]),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/approve"] = new(Draft2024 + "/approve", Review),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/publish"] = new(Draft2024 + "/publish", Administer),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/correction"] = new(Read2023 + "/correction", Administer, [new("note", "")]),

        ["GET admin/agencies"] = new("/admin/agencies", Administer),
        ["GET admin/agencies/new"] = new("/admin/agencies/new", Administer),
        ["POST admin/agencies/new"] = new("/admin/agencies/new", Administer, [new("Name", "矩阵测试机关"), new("Slug", "matrix-{guid}"), new("Level", "CountyDepartment")]),
        ["GET admin/agencies/{id:int}"] = new("/admin/agencies/{agency}", Administer),
        ["POST admin/agencies/{id:int}"] = new("/admin/agencies/{agency}", Administer, [new("Name", "淮安市洪泽区人民政府"), new("Slug", "hongze-district"), new("Level", "CountyGovernment")]),

        ["GET admin/users"] = new("/admin/users", Administer),
        ["GET admin/users/new"] = new("/admin/users/new", Administer),
        ["POST admin/users/new"] = new("/admin/users/new", Administer, [new("Email", "matrix-{guid}@test.local"), new("DisplayName", "矩阵测试"), new("Roles", "Reviewer"), new("Password", MatrixFixture.Password)]),
        ["GET admin/users/{id}"] = new("/admin/users/{user}", Administer),
        ["POST admin/users/{id}"] = new("/admin/users/{user}", Administer, [new("DisplayName", MatrixFixture.TargetEmail), new("Roles", "Editor")]),
        ["POST admin/users/{id}/disable"] = new("/admin/users/{user}/disable", Administer),
        ["POST admin/users/{id}/enable"] = new("/admin/users/{user}/enable", Administer),
        ["POST admin/users/{id}/password"] = new("/admin/users/{user}/password", Administer, [new("NewPassword", MatrixFixture.Password)]),

        ["GET admin/audit"] = new("/admin/audit", Administer),

        ["GET admin/import"] = new("/admin/import", Administer),
        ["POST admin/import/preview"] = new("/admin/import/preview", Administer, [new("Text", "不是报告"), new("AgencySlug", ""), new("Scope", "")]),
        ["POST admin/import/confirm"] = new("/admin/import/confirm", Administer, [new("Text", "不是报告"), new("AgencySlug", ""), new("Scope", "")]),
        ["POST admin/import/edit"] = new("/admin/import/edit", Administer, [new("Text", "不是报告"), new("AgencySlug", ""), new("Scope", "")]),
        ["POST account/logout"] = new("/account/logout", AnyStaff),

        // The register holds personal information: the office's Editors and Administrators only.
        ["GET admin/register"] = new("/admin/register", [Principal.EditorOfAgency, Principal.EditorOfOtherAgency, Principal.Administrator]),
        ["GET admin/register/{slug:slug}"] = new(Register, EditReport),
        ["GET admin/register/{slug:slug}/new"] = new(Register + "/new", EditReport),
        ["POST admin/register/{slug:slug}/new"] = new(Register + "/new", EditReport, [new("Number", ""), new("ReceivedOn", "")]),
        ["GET admin/register/{slug:slug}/{id:int}"] = new(Register + "/{application}", EditReport),
        ["GET admin/register/{slug:slug}/{id:int}/{step}"] = new(Register + "/{application}/answer", EditReport),
        ["POST admin/register/{slug:slug}/{id:int}/{step}"] = new(Register + "/{application}/answer", EditReport, [new("Revision", "-1"), new("Date", "2024-10-08"), new("Outcome", "granted")]),
        ["GET admin/register/{slug:slug}/import"] = new(Register + "/import", EditReport),
        ["POST admin/register/{slug:slug}/import"] = new(Register + "/import", EditReport),
        ["POST admin/register/{slug:slug}/import/confirm"] = new(Register + "/import/confirm", EditReport, [new("token", "")]),
        ["GET admin/register/{slug:slug}/export"] = new(Register + "/export?year=2024&format=csv", EditReport),
        ["GET admin/register/template.xlsx"] = new("/admin/register/template.xlsx", AnyStaff),
        ["GET admin/register/{slug:slug}/table/{year:int:reportyear}"] = new(Register + "/table/2024", EditReport),
        ["GET admin/register/{slug:slug}/table/{year:int:reportyear}/cell"] = new(Register + "/table/2024/cell?row=new&column=total", EditReport),
        ["GET admin/register/{slug:slug}/cases"] = new(Register + "/cases", EditReport),
        ["GET admin/register/{slug:slug}/cases/new"] = new(Register + "/cases/new", EditReport),
        ["POST admin/register/{slug:slug}/cases/new"] = new(Register + "/cases/new", EditReport, [new("Number", ""), new("FiledOn", "")]),
        ["GET admin/register/{slug:slug}/cases/{id:int}"] = new(Register + "/cases/{case}", EditReport),
        ["POST admin/register/{slug:slug}/cases/{id:int}"] = new(Register + "/cases/{case}", EditReport, [new("Revision", "-1"), new("Number", "M-C-1"), new("Kind", "AdministrativeReview"), new("FiledOn", "2024-05-06")]),
        ["POST admin/register/{slug:slug}/cases/{id:int}/void"] = new(Register + "/cases/{case}/void", EditReport, [new("Revision", "-1"), new("Reason", "矩阵测试")]),
        ["GET admin/register/{slug:slug}/cases/table/{year:int:reportyear}"] = new(Register + "/cases/table/2024", EditReport),
        ["GET admin/register/{slug:slug}/cases/table/{year:int:reportyear}/cell"] = new(Register + "/cases/table/2024/cell?group=administrative_review&field=total", EditReport),
        ["POST admin/reports/{slug:slug}/{year:int:reportyear}/from-register"] = new(Draft2024 + "/from-register", EditReport, [new("revision", "-1")]),
        ["GET admin/calendar"] = new("/admin/calendar", Administer),
        ["GET admin/calendar/{year:int:range(2000,2100)}"] = new("/admin/calendar/2030", Administer),
        ["POST admin/calendar/{year:int:range(2000,2100)}"] = new("/admin/calendar/2030", Administer, [new("NoticeTitle", ""), new("NoticeNumber", ""), new("Days", "")]),
    };

    public static TheoryData<string, Principal> Cases()
    {
        var data = new TheoryData<string, Principal>();
        foreach (var key in Matrix.Keys)
        {
            foreach (var principal in Enum.GetValues<Principal>())
            {
                data.Add(key, principal);
            }
        }

        return data;
    }

    [Fact]
    public void EveryAdminEndpoint_IsInTheMatrix()
    {
        var routed = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.TrimStart('/').StartsWith("admin", StringComparison.Ordinal) || raw.TrimStart('/') == "account/logout"))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();

        Assert.Equal(Matrix.Keys.Order(StringComparer.Ordinal), routed.Order(StringComparer.Ordinal));
        Assert.Equal(69 * 5, Cases().Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AnswersEachPrincipalAsTheMatrixSays(string endpoint, Principal principal)
    {
        var entry = Matrix[endpoint];
        var session = fixture.Sessions[principal];
        var signsOut = endpoint == "POST account/logout" && principal != Principal.Anonymous;

        using var client = session.Client(fixture.Factory);
        var url = entry.Url.Replace("{agency}", fixture.TargetAgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{user}", fixture.TargetUserId, StringComparison.Ordinal)
            .Replace("{application}", fixture.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{case}", fixture.CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var guid = Guid.NewGuid().ToString("N")[..12];
        using var response = endpoint.StartsWith("POST ", StringComparison.Ordinal)
            ? await client.PostFormAsync(url, (entry.Form ?? []).Select(f => new KeyValuePair<string, string>(f.Key, f.Value.Replace("{guid}", guid, StringComparison.Ordinal))), session.Token)
            : await client.GetAsync(new Uri(url, UriKind.Relative));

        if (signsOut)
        {
            // Signing out ends every session of the account (a new security stamp): the later cases get a new one.
            fixture.Sessions[principal] = await fixture.SignInAgainAsync(principal);
        }

        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var what = $"{endpoint} as {principal}: {status} {location}";
        if (principal == Principal.Anonymous)
        {
            Assert.True(status == 302 && location.Contains("/account/login", StringComparison.Ordinal), what);
        }
        else if (entry.Allowed.Contains(principal))
        {
            Assert.True(status is >= 200 and < 400, what);
            Assert.DoesNotContain("/account/login", location, StringComparison.Ordinal);
            Assert.DoesNotContain("/account/denied", location, StringComparison.Ordinal);
        }
        else
        {
            // Forbid() with the cookie scheme: a redirect to the access-denied page, which answers 403.
            Assert.True(status == 302 && location.Contains("/account/denied", StringComparison.Ordinal), what);
            using var denied = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Fact]
    public async Task EditorOfAnotherAgency_PostingThatAgencysForm_IsRefusedAndTheDraftIsUnchanged()
    {
        async Task<(string Title, int Revision)> PingtanDraftAsync()
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            var workspace = await ReportWorkspace.LoadAsync(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>(), "pingtan", 2024, CancellationToken.None);
            return (workspace!.WorkingDocument!.Title, workspace.Open!.Revision);
        }

        var before = await PingtanDraftAsync();
        var editor = fixture.Sessions[Principal.EditorOfAgency];
        using var client = editor.Client(fixture.Factory);

        // A valid token, the draft's real revision, a well-formed form: only the URL names an agency not assigned to them.
        using var response = await client.PostFormAsync("/admin/reports/pingtan/2024/metadata",
            [new("Revision", before.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Title", "被篡改的标题"), new("Scope", "agency")], editor.Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await PingtanDraftAsync());
    }

    public sealed record Case(string Url, Principal[] Allowed, KeyValuePair<string, string>[]? Form = null);
}
