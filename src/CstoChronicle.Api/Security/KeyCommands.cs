using CstoChronicle.Api.Platform;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Security;

/// <summary>
/// <c>create-key --name NAME --role editor|admin [--hash-only]</c> and <c>revoke-key --name NAME</c>.
/// The new key is printed once on standard output (messages go to standard error) and only its hash is kept.
/// With --hash-only nothing is stored: the output includes the configuration lines for Chronicle:ApiKeys.
/// Other arguments are configuration, as for the service (e.g. --Chronicle:Schema=x).
/// </summary>
public static class KeyCommands
{
    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] is "create-key" or "revoke-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, configurationArgs) = Split(args[1..]);
        options.TryGetValue("name", out var name);
        if (string.IsNullOrEmpty(name))
            return Fail("--name is required: lower-case letters, digits, '.', '_' or '-', at most 64, e.g. --name alice");
        if (!ApiKeyStore.IsValidName(name))
            return Fail($"--name '{Printable(name)}' is not a key name: use lower-case letters, digits, '.', '_' or '-', at most 64, " +
                $"starting with a letter or digit, e.g. --name {Suggestion(name)}");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ChronicleSettings>(builder.Configuration.GetSection(ChronicleSettings.Section));
        builder.Services.AddChronicleDatabase(builder.Configuration);
        builder.Services.AddSingleton<ApiKeyStore>();
        await using var app = builder.Build();

        if (args[0] == "revoke-key")
            return await RevokeAsync(app.Services, name!);

        options.TryGetValue("role", out var role);
        if (!ChronicleRoles.IsKnown(role)) return Fail("--role is required: editor or admin");
        if (options.ContainsKey("hash-only")) return PrintForConfiguration(name!, role!);
        return await CreateAsync(app.Services, name!, role!);
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string name, string role)
    {
        await MigrateAsync(services);
        var key = await services.GetRequiredService<ApiKeyStore>().CreateAsync(name, role, CancellationToken.None);
        if (key is null) return Fail($"a key named '{name}' exists already; revoke-key --name {name} first, or pick another name");
        Console.Error.WriteLine($"Created the {role} key '{name}'. It is printed once, below; only its hash is stored. Send it as: Authorization: Bearer <key>");
        Console.WriteLine(key);
        return 0;
    }

    private static async Task<int> RevokeAsync(IServiceProvider services, string name)
    {
        await MigrateAsync(services);
        if (!await services.GetRequiredService<ApiKeyStore>().RevokeAsync(name, CancellationToken.None))
            return Fail($"no active key is named '{name}'");
        Console.Error.WriteLine($"Revoked the key '{name}'.");
        return 0;
    }

    private static int PrintForConfiguration(string name, string role)
    {
        var key = ApiKeyText.NewKey();
        Console.Error.WriteLine("Nothing was stored. Add these settings (environment variables; N = the next free index), and keep the key, printed last:");
        Console.Error.WriteLine($"  Chronicle__ApiKeys__N__Name={name}");
        Console.Error.WriteLine($"  Chronicle__ApiKeys__N__Role={role}");
        Console.Error.WriteLine($"  Chronicle__ApiKeys__N__Hash={ApiKeyText.Hash(key)}");
        Console.WriteLine(key);
        return 0;
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        var owner = services.GetRequiredService<SchemaOwner>();
        var schema = services.GetRequiredService<IOptions<ChronicleSettings>>().Value.Schema;
        await new SchemaMigrator(owner.DataSource, schema).MigrateAsync(ApiMigrations.Module, ApiMigrations.All);
        if (owner.ServiceRole is { } role) await ServiceRoleGrants.ApplyAsync(owner.DataSource, schema, role);
    }

    private static (Dictionary<string, string> Options, string[] Remaining) Split(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--name" or "--role" when i + 1 < args.Length:
                    options[args[i][2..]] = args[++i];
                    break;
                case "--hash-only":
                    options["hash-only"] = "";
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }
        return (options, rest.ToArray());
    }

    private static string Printable(string text) =>
        new(text.Take(70).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static string Suggestion(string name)
    {
        var lower = new string(name.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-').Take(64).ToArray());
        return lower.Length > 0 && char.IsAsciiLetterOrDigit(lower[0]) ? lower : "alice";
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 2;
    }
}
