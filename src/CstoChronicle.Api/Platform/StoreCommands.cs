using CstoChronicle.Api.Notifications.Webhooks.Storage;
using CstoChronicle.Domain;
using CstoChronicle.Domain.Store;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// The store's operator commands, run by <c>./run.sh COMMAND</c> with the service's configuration:
/// <c>apply-schema</c> (Marten's tables and every migration: production starts with auto-create off),
/// <c>rebuild-projections</c> (the chronicle tables from position zero through Marten's daemon) and
/// <c>import-legacy-store</c> (once: a store of the first version carried into Marten's tables).
/// </summary>
public static class StoreCommands
{
    private static readonly string[] Names = ["apply-schema", "rebuild-projections", "import-legacy-store"];

    public static bool IsInvoked(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[1..] });
        builder.Logging.ClearProviders();
        builder.Services.Configure<ChronicleSettings>(builder.Configuration.GetSection(ChronicleSettings.Section));
        builder.Services.AddChronicleDatabase(builder.Configuration);
        await using var app = builder.Build();

        var owner = app.Services.GetRequiredService<SchemaOwner>();
        var schema = app.Services.GetRequiredService<IOptions<ChronicleSettings>>().Value.Schema;
        var settings = new ChronicleStoreSettings { Schema = schema, AutoCreateSchema = false };
        // Schema changes and the legacy import as the owner; a rebuild writes only the chronicle tables and
        // Marten's progression, so it runs as the service (decision 0206).
        var dataSource = args[0] == "rebuild-projections" ? app.Services.GetRequiredService<NpgsqlDataSource>() : owner.DataSource;
        using var store = new DocumentStore(ChronicleModule.StoreOptionsFor(dataSource, settings));
        try
        {
            switch (args[0])
            {
                case "apply-schema":
                    await ApplySchemaAsync(store, owner, schema);
                    Console.Error.WriteLine($"Schema {schema} is up to date: Marten's tables, the chronicle's, the API's and the delivery log's migrations, Wolverine's tables.");
                    break;
                case "rebuild-projections":
                    await ProjectionRebuild.RunAsync(store, dataSource, schema);
                    Console.Error.WriteLine($"The chronicle tables of schema {schema} were rebuilt from position zero.");
                    break;
                case "import-legacy-store":
                    await ApplySchemaAsync(store, owner, schema);
                    var report = await LegacyStoreImport.RunAsync(store, dataSource, schema);
                    Console.Error.WriteLine($"Imported {report.Events} events in {report.Streams} streams into Marten's tables (content hash {report.Hash}, equal on both sides); the chronicle tables were rebuilt.");
                    break;
            }
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private static async Task ApplySchemaAsync(IDocumentStore store, SchemaOwner owner, string schema)
    {
        await ChronicleModule.ApplySchemaAsync(store, owner.DataSource, schema);
        await ChronicleStartup.MigrateOwnTablesAsync(owner.DataSource, schema);
        await WolverineTables.ApplyAsync(owner.DataSource, schema);
        if (owner.ServiceRole is { } role)
        {
            await ServiceRoleGrants.ApplyAsync(owner.DataSource, schema, role);
            Console.Error.WriteLine($"Granted the role {role} reading and appending events, never rewriting or deleting them.");
        }
    }
}
