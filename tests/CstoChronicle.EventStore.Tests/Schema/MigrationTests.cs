using CstoChronicle.Domain.Store;
using CstoChronicle.EventStore.Tests.Infrastructure;

namespace CstoChronicle.EventStore.Tests.Schema;

public sealed class MigrationTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    private static readonly Migration[] DomainMigrations =
    [
        new(1, "notes", "CREATE TABLE {schema}.ch_notes (id text PRIMARY KEY)"),
        new(2, "note text", "ALTER TABLE {schema}.ch_notes ADD COLUMN text text"),
    ];

    [Fact]
    public async Task Migrating_twice_applies_each_migration_once()
    {
        var migrator = new SchemaMigrator(db.DataSource, db.Schema);

        var again = await migrator.MigrateAsync(EventStoreMigrations.Module, EventStoreMigrations.All);

        again.ShouldBeEmpty();
        (await migrator.GetAppliedVersionsAsync(EventStoreMigrations.Module)).ShouldBe(EventStoreMigrations.All.Select(m => m.Version));
        (await db.ScalarAsync<long>($"SELECT count(*) FROM {db.Schema}.es_migrations WHERE module = 'eventstore'"))
            .ShouldBe(EventStoreMigrations.All.Count);
    }

    [Fact]
    public async Task A_module_gets_only_its_new_migrations_applied()
    {
        var migrator = new SchemaMigrator(db.DataSource, db.Schema);

        (await migrator.MigrateAsync("notes", DomainMigrations[..1])).ShouldBe([1]);
        (await migrator.MigrateAsync("notes", DomainMigrations)).ShouldBe([2]);
        (await migrator.MigrateAsync("notes", DomainMigrations)).ShouldBeEmpty();

        await db.ExecuteAsync("INSERT INTO {schema}.ch_notes (id, text) VALUES ('a', 'b')");
        (await migrator.GetAppliedVersionsAsync("notes")).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Concurrent_migrators_on_a_fresh_schema_do_not_collide()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                var migrator = new SchemaMigrator(db.DataSource, schema);
                var store = await migrator.MigrateAsync(EventStoreMigrations.Module, EventStoreMigrations.All);
                var domain = await migrator.MigrateAsync("notes", DomainMigrations);
                return store.Count + domain.Count;
            })));

            runs.Sum().ShouldBe(EventStoreMigrations.All.Count + DomainMigrations.Length);
            (await db.ScalarAsync<long>($"SELECT count(*) FROM {schema}.es_migrations"))
                .ShouldBe(EventStoreMigrations.All.Count + DomainMigrations.Length);
            (await db.ScalarAsync<long>($"SELECT last_position FROM {schema}.es_position")).ShouldBe(0);
        }
        finally
        {
            await db.ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    [Fact]
    public async Task A_failing_migration_rolls_back_the_whole_run()
    {
        var migrator = new SchemaMigrator(db.DataSource, db.Schema);
        Migration[] broken = [new(1, "fine", "CREATE TABLE {schema}.ch_fine (id int)"), new(2, "broken", "CREATE TABLE nope.nope (")];

        await Should.ThrowAsync<Npgsql.PostgresException>(() => migrator.MigrateAsync("broken", broken));

        (await migrator.GetAppliedVersionsAsync("broken")).ShouldBeEmpty();
        (await db.ScalarAsync<bool>($"SELECT to_regclass('{db.Schema}.ch_fine') IS NULL")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Chronicle")]
    [InlineData("1chronicle")]
    [InlineData("chronicle; DROP TABLE x")]
    [InlineData("")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void A_schema_name_outside_the_safe_pattern_is_refused(string schema)
    {
        Should.Throw<ArgumentException>(() => new SchemaMigrator(db.DataSource, schema));
        Should.Throw<ArgumentException>(() => new EventStoreOptions { Schema = schema });
    }

    [Fact]
    public void Duplicate_migration_versions_are_refused()
    {
        var migrator = new SchemaMigrator(db.DataSource, db.Schema);
        Should.Throw<ArgumentException>(() => migrator.MigrateAsync("dup", [new(1, "a", "SELECT 1"), new(1, "b", "SELECT 1")]));
    }
}
