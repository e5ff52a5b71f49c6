using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Tests.Projections;

public class RebuildTests(CorrectedDatasetFixture db) : IClassFixture<CorrectedDatasetFixture>
{
    [Fact]
    public async Task A_rebuild_by_Martens_daemon_gives_the_tables_the_inline_projection_wrote()
    {
        // An append refused by the database leaves Marten's tombstones in the log: the rebuild must pass over them.
        var stale = new NewEvent(Guid.NewGuid(), new Events.StateWithdrew("KAZ", CstoChronicle.Domain.Dates.HistoricalDate.Parse("2030"), CorrectedDatasetFixture.Cited), new EventMetadata("tests"));
        await Should.ThrowAsync<WrongExpectedVersionException>(() => db.Chronicle.Log.AppendAsync("KAZ", ExpectedVersion.NoStream, stale));
        var inline = await DumpAsync();
        var indexes = await IndexesAsync();
        var constraints = await ConstraintsAsync();
        inline["chr_membership"].Count.ShouldBeGreaterThan(17);
        inline["chr_log"].ShouldContain(row => row.Contains("EventCorrected"));
        inline["chr_log"].ShouldContain(row => row.Contains("EventRetracted"));

        await ProjectionRebuild.RunAsync(db.Chronicle.Store, db.DataSource, db.Schema);

        var rebuilt = await DumpAsync();
        foreach (var table in ChronicleMigrations.Tables)
            rebuilt[table].ShouldBe(inline[table], $"table {table}");
        // The indexes and keys the rebuild dropped while it refilled the tables are all back, as they were.
        (await IndexesAsync()).ShouldBe(indexes);
        (await ConstraintsAsync()).ShouldBe(constraints);
        (await db.RowsAsync($"SELECT index_name FROM {{schema}}.{DeferredIndexes.Table}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Indexes_a_rebuild_dropped_and_did_not_live_to_build_again_are_built_by_the_next_migration()
    {
        var indexes = await IndexesAsync();
        var constraints = await ConstraintsAsync();
        var deferred = DeferredIndexes.OfChronicleTables(db.DataSource, db.Schema);

        (await deferred.DropAsync()).ShouldBeTrue();
        var left = await IndexesAsync();
        left.Count.ShouldBeLessThan(indexes.Count);
        left.ShouldContain(index => index.Contains("chr_log_pkey"));
        left.ShouldNotContain(index => index.Contains("chr_timeline_pkey"));
        (await db.RowsAsync($"SELECT index_name FROM {{schema}}.{DeferredIndexes.Table}")).Count.ShouldBe(indexes.Count - left.Count);

        await ChronicleModule.MigrateProjectionTablesAsync(db.DataSource, db.Schema);

        (await IndexesAsync()).ShouldBe(indexes);
        (await ConstraintsAsync()).ShouldBe(constraints);
        (await db.RowsAsync($"SELECT index_name FROM {{schema}}.{DeferredIndexes.Table}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Migrating_the_projection_tables_again_changes_nothing()
    {
        await ChronicleModule.MigrateProjectionTablesAsync(db.DataSource, db.Schema);

        var applied = await new SchemaMigrator(db.DataSource, db.Schema).GetAppliedVersionsAsync(ChronicleMigrations.Module);
        applied.ShouldBe(ChronicleMigrations.All.Select(m => m.Version));
    }

    private Task<List<string>> IndexesAsync() =>
        db.RowsAsync("SELECT indexdef FROM pg_indexes WHERE schemaname = '{schema}' AND tablename LIKE 'chr\\_%' ORDER BY indexname");

    private Task<List<string>> ConstraintsAsync() =>
        db.RowsAsync("""
            SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
             WHERE connamespace = '{schema}'::regnamespace AND conrelid::regclass::text LIKE '%chr\_%' ORDER BY 1
            """);

    private async Task<Dictionary<string, List<string>>> DumpAsync()
    {
        var tables = new Dictionary<string, List<string>>();
        foreach (var table in ChronicleMigrations.Tables)
            tables[table] = await db.RowsAsync($"SELECT t::text FROM {{schema}}.{table} t ORDER BY t::text");
        return tables;
    }
}
