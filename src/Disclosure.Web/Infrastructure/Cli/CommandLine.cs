using Disclosure.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Disclosure.Web.Infrastructure.Cli;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/Disclosure.Web -- create-admin --email EMAIL</c>
/// (the password is read from standard input), <c>-- import FILE... [--agency SLUG] [--dry-run] …</c> (see <see cref="ImportCommand"/>)
/// , <c>-- register import|table|export|purge-personal …</c> (see <see cref="RegisterCommand"/>)
/// and <c>-- migrate</c> (applies the migrations, with <c>Database:MigrateOnStartup</c> true, and exits).
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "create-admin" or "import" or "register" or "migrate";

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        await app.InitializeDatabaseAsync();
        return args[0] switch
        {
            "create-admin" => await CreateAdminAsync(app, args, input, output, error),
            "import" => await ImportCommand.RunAsync(app.Services, args, output),
            "register" => await RunRegisterAsync(app.Services, args, output, error),
            "migrate" => await MigratedAsync(output),
            _ => 2,
        };
    }

    /// <summary>
    /// <c>migrate</c>: applies pending migrations and exits (run with a login that may change the schema, while the
    /// web server connects with one that may only read and write data; docker-compose.yml does this).
    /// </summary>
    private static async Task<int> MigratedAsync(TextWriter output)
    {
        await output.WriteLineAsync("The database is up to date.");
        return 0;
    }

    /// <summary><c>register …</c> writes bytes (a CSV with its BOM): straight to the process's standard output.</summary>
    private static async Task<int> RunRegisterAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (ReferenceEquals(output, Console.Out))
        {
            await using var stdout = Console.OpenStandardOutput();
            return await RegisterCommand.RunAsync(services, args, stdout, error);
        }

        using var buffer = new MemoryStream();
        var exit = await RegisterCommand.RunAsync(services, args, buffer, error);
        await output.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return exit;
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var emailAt = Array.IndexOf(args, "--email");
        if (emailAt < 0 || emailAt + 1 >= args.Length)
        {
            await error.WriteLineAsync("usage: create-admin --email EMAIL   (the password is read from standard input)");
            return 2;
        }

        var email = args[emailAt + 1].Trim();
        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
        {
            await error.WriteAsync("Password (at least 12 characters, with a digit and a lower-case letter): ");
        }

        var password = ReferenceEquals(input, Console.In) && !Console.IsInputRedirected ? ReadHidden() : await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("No password given on standard input.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"An account with the e-mail address {email} already exists.");
            return 1;
        }

        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "管理员" };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var problem in created.Errors)
            {
                await error.WriteLineAsync(problem.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(user, PortalRoles.Administrator);
        await output.WriteLineAsync($"Administrator {email} created. Sign in at /account/login.");
        return 0;
    }

    private static string ReadHidden()
    {
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return new string([.. chars]);
            }

            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
