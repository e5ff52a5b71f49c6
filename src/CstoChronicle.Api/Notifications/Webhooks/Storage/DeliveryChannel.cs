using Npgsql;

namespace CstoChronicle.Api.Notifications.Webhooks.Storage;

/// <summary>
/// The lock between creating a subscription and fanning events out to subscriptions. A fan-out holds it shared while
/// it matches an event, a creation holds it alone while it reads the head of the log and inserts: so a fan-out either
/// finished before the subscription's starting position was read (its event is at or below it) or sees the subscription.
/// </summary>
internal static class DeliveryChannel
{
    public static Task LockForFanOutAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken ct) =>
        LockAsync("pg_advisory_xact_lock_shared", connection, transaction, schema, ct);

    public static Task LockForCreationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken ct) =>
        LockAsync("pg_advisory_xact_lock", connection, transaction, schema, ct);

    private static async Task LockAsync(string function, NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(hashtextextended($1, 0))", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = $"es_deliveries_enqueue:{schema}" });
        await command.ExecuteNonQueryAsync(ct);
    }
}
