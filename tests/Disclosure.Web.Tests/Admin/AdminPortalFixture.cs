using Disclosure.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Admin;

/// <summary>The portal with the security stamp checked on every request, so a change to an account shows at once.</summary>
public sealed class StampCheckedPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero));
    }
}

/// <summary>One portal per test class, with the Administrator signed in once (sign-ins are rate limited per minute).</summary>
public sealed class AdminPortalFixture : IAsyncLifetime
{
    public StampCheckedPortalFactory Factory { get; } = new();

    public StaffSession Admin { get; private set; } = null!;

    public async Task InitializeAsync() => Admin = await Staff.SignInAsync(Factory, "admin@demo.local");

    public HttpClient AdminClient() => Admin.Client(Factory);

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
