using CstoChronicle.Domain.Queries;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>A query without knownAt reads everything committed in one read-only REPEATABLE READ snapshot, whose head it echoes.</summary>
public class ReadSnapshotTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    [Fact]
    public async Task A_snapshot_of_everything_stored_is_read_only_repeatable_read_and_its_position_is_the_head_in_it()
    {
        await using var snapshot = await ReadSnapshot.OpenAsync(db.DataSource, db.Schema, knownAt: null, CancellationToken.None);

        async Task<string> ShowAsync(string setting)
        {
            await using var command = snapshot.Command($"SHOW {setting}");
            return (string)(await command.ExecuteScalarAsync())!;
        }
        (await ShowAsync("transaction_read_only")).ShouldBe("on");
        (await ShowAsync("transaction_isolation")).ShouldBe("repeatable read");
        await using var head = snapshot.Command("SELECT coalesce(max(seq_id), 0) FROM {schema}.mt_events");
        snapshot.Position.ShouldBe((long)(await head.ExecuteScalarAsync())!);
        snapshot.Position.ShouldBeGreaterThan(0);
        await using var write = snapshot.Command("CREATE TABLE {schema}.not_in_a_read_snapshot (x int)");
        (await Should.ThrowAsync<Npgsql.PostgresException>(() => write.ExecuteNonQueryAsync())).SqlState.ShouldBe("25006");
    }
}
