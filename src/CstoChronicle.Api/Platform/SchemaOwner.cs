using Npgsql;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// Who changes the schema. With ConnectionStrings:ChronicleOwner set, the owner's connection creates and migrates
/// the tables (at start when auto-create is on, and in apply-schema, import-legacy-store and the key commands), then
/// grants the service's role (the user of ConnectionStrings:Chronicle) what it needs: everything but UPDATE, DELETE
/// and TRUNCATE of Marten's mt_events (<see cref="ServiceRoleGrants"/>, decision 0206). Without it, one role does both.
/// </summary>
public sealed class SchemaOwner : IAsyncDisposable
{
    private SchemaOwner(NpgsqlDataSource dataSource, string? serviceRole)
    {
        DataSource = dataSource;
        ServiceRole = serviceRole;
    }

    /// <summary>The owner's connections, or the service's when no owner is configured.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The service's role, to be granted its privileges; null when the service owns the schema itself.</summary>
    public string? ServiceRole { get; }

    public bool IsSeparate => ServiceRole is not null;

    public static SchemaOwner From(string serviceConnectionString, string? ownerConnectionString, NpgsqlDataSource service)
    {
        if (string.IsNullOrWhiteSpace(ownerConnectionString)) return new SchemaOwner(service, null);
        var serviceRole = new NpgsqlConnectionStringBuilder(serviceConnectionString).Username;
        var ownerRole = new NpgsqlConnectionStringBuilder(ownerConnectionString).Username;
        if (string.IsNullOrEmpty(serviceRole))
            throw new InvalidOperationException("ConnectionStrings:Chronicle must name its Username when ConnectionStrings:ChronicleOwner is set.");
        if (serviceRole == ownerRole) return new SchemaOwner(service, null);
        return new SchemaOwner(new NpgsqlDataSourceBuilder(ownerConnectionString) { Name = "chronicle-owner" }.Build(), serviceRole);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsSeparate) await DataSource.DisposeAsync();
    }
}
