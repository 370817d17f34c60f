using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using Disclosure.Data;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Disclosure.Web.Tests.Outage;

/// <summary>
/// A SQLite database in a folder of its own. The outage is made by renaming the folder: SQLite then cannot open
/// (nor create) the file, and, unlike chmod, that holds for root, which the tests run as. The connection pool keeps
/// open handles to the renamed file, so the test clears it, as a restarted database server would drop connections.
/// </summary>
public sealed class OutagePortalFactory(IReadOnlyDictionary<string, string?>? settings = null) : PortalFactory
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"disclosure-outage-{Guid.NewGuid():N}");

    private string Folder => Path.Combine(_root, "db");

    private string Away => Path.Combine(_root, "db-away");

    public override string ConnectionString => $"Data Source={Path.Combine(Folder, "disclosure.db")}";

    protected override DatabaseProvider ProviderInUse => DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Disclosure"] = ConnectionString,
    };

    public void TakeDatabaseAway()
    {
        Directory.Move(Folder, Away);
        SqliteConnection.ClearAllPools();
    }

    public void BringDatabaseBack()
    {
        Directory.Move(Away, Folder);
        SqliteConnection.ClearAllPools();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

/// <summary>SQL Server at an address where nothing listens: no server is needed to test it.</summary>
public sealed class UnreachableSqlServerPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "SqlServer",
        ["ConnectionStrings:Disclosure"] = "Server=127.0.0.1,1;Database=Disclosure;User Id=sa;Password=not-used-1;Connect Timeout=2;TrustServerCertificate=True;Encrypt=False",
    };
}

public sealed class DatabaseOutageTests
{
    private const string Report = "/reports/zhongwei-commerce/2023";
    private const string Unavailable = "数据库暂时无法访问";

    private static async Task AssertFriendly503(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        var page = new HtmlParser().ParseDocument(body);
        Assert.Equal("服务暂不可用", page.QuerySelector("h1")?.Text());
        Assert.Contains(Unavailable, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Equal("30", response.Headers.RetryAfter?.ToString());
    }

    private static async Task<HttpResponseMessage> PostLogin(HttpClient client) =>
        await client.PostFormAsync("/account/login", [new("Email", "admin@demo.local"), new("Password", DemoData.DemoAccounts.Password)]);

    [Fact]
    public async Task WhileTheSqliteFileIsUnreachable_CachedPagesAndPdfAreServed_StaffGet503_HealthIsUnhealthy_ThenAllRecovers()
    {
        await using var portal = new OutagePortalFactory();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        foreach (var url in new[] { Report, Report + ".pdf", Report + ".json" })
        {
            using var warm = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        using (var healthy = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        portal.TakeDatabaseAway();

        foreach (var url in new[] { Report, Report + ".pdf", Report + ".json" })
        {
            using var cached = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }

        using (var uncached = await client.GetAsync(new Uri("/years/2021", UriKind.Relative)))
        {
            await AssertFriendly503(uncached);
        }

        using (var login = await PostLogin(client))
        {
            await AssertFriendly503(login);
        }

        using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        portal.BringDatabaseBack();

        using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using (var year = await client.GetAsync(new Uri("/years/2021", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        }

        using var signedIn = await PostLogin(client);
        Assert.Equal("/admin", signedIn.Headers.Location?.ToString());
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.True(admin.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"/admin: {(int)admin.StatusCode}");
    }

    [Fact]
    public async Task SqlServerThatCannotBeReached_AppStarts_PagesAnswerFriendly503_HealthIsUnhealthy()
    {
        await using var portal = new UnreachableSqlServerPortalFactory();
        var clock = Stopwatch.StartNew();
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using (var home = await client.GetAsync(new Uri("/", UriKind.Relative)))
        {
            await AssertFriendly503(home);
        }

        using (var report = await client.GetAsync(new Uri(Report, UriKind.Relative)))
        {
            await AssertFriendly503(report);
        }

        // The sign-in form needs the data-protection key ring for its antiforgery token, and the ring is in the database.
        using (var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative)))
        {
            await AssertFriendly503(login);
        }

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"took {clock.Elapsed}");
    }
}
