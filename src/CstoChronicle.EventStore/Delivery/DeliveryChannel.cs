using Npgsql;

namespace CstoChronicle.EventStore.Delivery;

/// <summary>
/// Wakes the workers of every process when deliveries become due: a LISTEN/NOTIFY channel of its own,
/// so that waking the workers does not also wake every reader of the event log.
/// </summary>
internal static class DeliveryChannel
{
    public static string Name(string schema) => ("es_deliveries_" + schema) is var name && name.Length > 63 ? name[..63] : name;

    /// <summary>Sent inside the caller's transaction; PostgreSQL delivers it at commit.</summary>
    public static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_notify($1, '')", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Name(schema) });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Every insert into es_deliveries takes this lock first, so deliveries commit in id order: a worker
    /// that saw no older pending delivery of a subscription can never see one appear later.
    /// </summary>
    public static async Task LockEnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = $"es_deliveries_enqueue:{schema}" });
        await command.ExecuteNonQueryAsync(ct);
    }
}
