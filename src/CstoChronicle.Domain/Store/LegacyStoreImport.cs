using Marten;
using Npgsql;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// Carries a store written by the first version (its own es_events / es_streams tables, in the same schema) into
/// Marten's tables, once: every event id, stream version, position (as Marten's sequence), recorded time and
/// metadata kept, in one transaction. Checked by counts and a content hash over both logs before it commits;
/// then the chronicle tables are rebuilt from Marten's log.
/// </summary>
public static class LegacyStoreImport
{
    public sealed record Report(long Events, long Streams, string Hash);

    public static async Task<Report> RunAsync(IDocumentStore store, NpgsqlDataSource dataSource, string schema, CancellationToken ct = default)
    {
        SchemaName.Validate(schema);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        if (!await ExistsAsync(connection, transaction, $"{schema}.es_events", ct))
            throw new InvalidOperationException($"There is no legacy store in schema '{schema}' (no table {schema}.es_events): nothing to import.");
        if (await ScalarAsync(connection, transaction, $"SELECT count(*) FROM {schema}.mt_events", ct) > 0)
            throw new InvalidOperationException($"Marten's log in schema '{schema}' already holds events: the import runs once, into an empty store.");

        await ExecuteAsync(connection, transaction, $"""
            INSERT INTO {schema}.mt_streams (id, type, version, timestamp, created, tenant_id)
            SELECT stream_id, NULL, version, updated_at, created_at, '*DEFAULT*' FROM {schema}.es_streams
            """, ct);
        await ExecuteAsync(connection, transaction, $"""
            INSERT INTO {schema}.mt_events
                   (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                    correlation_id, causation_id, headers, user_name)
            SELECT position, event_id, stream_id, version, data, type, recorded_at, '*DEFAULT*', NULL,
                   metadata ->> 'correlationId', metadata ->> 'causationId',
                   CASE WHEN metadata ? 'reason' THEN jsonb_build_object('{ChronicleMarten.ReasonHeader}', metadata ->> 'reason') END,
                   metadata ->> 'recordedBy'
              FROM {schema}.es_events ORDER BY position
            """, ct);
        await ExecuteAsync(connection, transaction,
            $"SELECT setval('{schema}.mt_events_sequence', greatest((SELECT coalesce(max(seq_id), 0) FROM {schema}.mt_events), 1))", ct);

        var legacy = await HashAsync(connection, transaction,
            $"SELECT position, event_id, stream_id, version, type, data, recorded_at, metadata ->> 'recordedBy', metadata ->> 'reason' FROM {schema}.es_events", "position", ct);
        var imported = await HashAsync(connection, transaction,
            $"SELECT seq_id, id, stream_id, version, type, data, timestamp, user_name, headers ->> '{ChronicleMarten.ReasonHeader}' FROM {schema}.mt_events", "seq_id", ct);
        var events = await ScalarAsync(connection, transaction, $"SELECT count(*) FROM {schema}.mt_events", ct);
        var streams = await ScalarAsync(connection, transaction, $"SELECT count(*) FROM {schema}.mt_streams", ct);
        if (legacy != imported
            || events != await ScalarAsync(connection, transaction, $"SELECT count(*) FROM {schema}.es_events", ct)
            || streams != await ScalarAsync(connection, transaction, $"SELECT count(*) FROM {schema}.es_streams", ct))
            throw new InvalidOperationException("The imported log differs from the legacy one (counts or content hash); nothing was imported.");

        await transaction.CommitAsync(ct);
        await ProjectionRebuild.RunAsync(store, dataSource, schema, ct);
        return new Report(events, streams, imported);
    }

    /// <summary>md5 over every row in order, as text: equal hashes mean equal logs, column by column.</summary>
    private static async Task<string> HashAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string select, string order, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT md5(coalesce(string_agg(row_text, E'\\n' ORDER BY ord), '')) FROM (SELECT r::text AS row_text, r.{order} AS ord FROM ({select}) r) rows",
            connection, transaction);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
