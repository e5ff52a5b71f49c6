using Npgsql;

namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>The lock that orders every enqueue into es_deliveries.</summary>
internal static class DeliveryChannel
{
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
