using Npgsql;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// The service's privileges in its schema, granted by the owner after every migration: read and write every table
/// (the claim tables are superseded by UPDATE, queues and keys change) but only read and append Marten's mt_events,
/// so that an event, once stored, cannot be rewritten or deleted through the service's connection (decision 0206).
/// Sequences (positions) and functions are usable. Idempotent: run again after each schema change.
/// </summary>
public static class ServiceRoleGrants
{
    public static async Task ApplyAsync(NpgsqlDataSource owner, string schema, string role, CancellationToken ct = default)
    {
        var s = CstoChronicle.Domain.Store.SchemaName.Validate(schema);
        var r = "\"" + role.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var command = owner.CreateCommand($"""
            GRANT USAGE ON SCHEMA {s} TO {r};
            GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {s} TO {r};
            REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON {s}.mt_events FROM {r};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {s} TO {r};
            GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {s} TO {r};
            """);
        await command.ExecuteNonQueryAsync(ct);
    }
}
