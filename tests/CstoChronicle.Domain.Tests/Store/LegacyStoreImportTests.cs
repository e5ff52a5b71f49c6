using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;
using Npgsql;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Store;

/// <summary>A store of the first version (es_events / es_streams) carried into Marten: ids, versions, positions, times and metadata kept.</summary>
public sealed class LegacyStoreImportTests : IAsyncLifetime
{
    private static readonly Source TestSource = new("legacy-source", "A source for tests", "Tests", "https://example.org/legacy", null, "2024-01-01", "en");
    private static readonly Citation[] Cited = [new(TestSource.Id, Quote: "a quote")];

    private readonly string _schema = TestDatabase.NewSchemaName("l_");
    private NpgsqlDataSource _dataSource = null!;
    private Chronicle _chronicle = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestDatabase.ConnectionStringAsync());
        _chronicle = await ChronicleModule.CreateAsync(_dataSource, new ChronicleStoreSettings { Schema = _schema }, TimeProvider.System);
    }

    [Fact]
    public async Task Every_event_keeps_its_id_version_position_time_and_metadata_and_the_views_answer_from_it()
    {
        var source = Guid.NewGuid();
        var fact = Guid.NewGuid();
        var correction = Guid.NewGuid();
        var recordedAt = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        await CreateLegacyStoreAsync(
            (source, "source-legacy-source", 1, new SourceRegistered(TestSource), "dataset-import", null, null),
            (fact, "KAZ", 1, new StateAcceded("KAZ", On("1992"), Cited), "alice", null, null),
            (correction, "KAZ", 2, new EventCorrected(fact, "the day is known", Cited,
                System.Text.Json.JsonSerializer.SerializeToElement(new StateAcceded("KAZ", On("1992-05-15"), Cited), ChronicleJson.Options)),
                "bob", fact.ToString(), "the day is known"));

        var report = await LegacyStoreImport.RunAsync(_chronicle.Store, _dataSource, _schema);

        report.Events.ShouldBe(3);
        report.Streams.ShouldBe(2);
        var stored = (await _chronicle.Log.ReadEventAsync(correction)).ShouldNotBeNull();
        stored.Position.ShouldBe(3);
        stored.Version.ShouldBe(2);
        stored.Type.ShouldBe(nameof(EventCorrected));
        stored.RecordedAt.ShouldBe(recordedAt.AddMinutes(3));
        stored.Metadata.ShouldBe(new EventMetadata("bob", null, fact.ToString(), "the day is known"));
        (await _chronicle.Log.ReadStreamAsync("KAZ")).Select(e => (e.EventId, e.Version)).ShouldBe([(fact, 1L), (correction, 2L)]);

        var kazakhstan = (await _chronicle.Queries.MembersAsync(Day("1993-01-01"))).Members.ShouldHaveSingleItem();
        kazakhstan.Since.Text.ShouldBe("1992-05-15");
        kazakhstan.EventIds.ShouldBe([fact, correction]);

        // The next append continues after the imported positions.
        var next = await _chronicle.Writer.RecordAsync(new StateAcceded("ARM", On("1992-05-15"), Cited), "carol");
        next.ShouldBeOfType<CstoChronicle.Domain.Writing.WriteOutcome.Written>().Position.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task It_runs_once_only_into_an_empty_store()
    {
        await CreateLegacyStoreAsync((Guid.NewGuid(), "source-legacy-source", 1, new SourceRegistered(TestSource), "dataset-import", null, null));
        await LegacyStoreImport.RunAsync(_chronicle.Store, _dataSource, _schema);

        var again = await Should.ThrowAsync<InvalidOperationException>(() => LegacyStoreImport.RunAsync(_chronicle.Store, _dataSource, _schema));
        again.Message.ShouldContain("already holds events");
    }

    /// <summary>The first version's tables, as its migrations made them, holding the given events at positions 1, 2, ...</summary>
    private async Task CreateLegacyStoreAsync(params (Guid Id, string Stream, long Version, object Data, string By, string? Causation, string? Reason)[] events)
    {
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            CREATE TABLE {_schema}.es_events (position bigint PRIMARY KEY, stream_id text NOT NULL, version bigint NOT NULL, event_id uuid NOT NULL UNIQUE,
                type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL, UNIQUE (stream_id, version))
            """));
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            CREATE TABLE {_schema}.es_streams (stream_id text PRIMARY KEY, version bigint NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)
            """));
        var start = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            var (type, json) = EventTypeRegistry.Serialize(e.Data);
            var metadata = System.Text.Json.JsonSerializer.Serialize(new { recordedBy = e.By, causationId = e.Causation, reason = e.Reason });
            var insert = new NpgsqlBatchCommand($"INSERT INTO {_schema}.es_events VALUES ($1, $2, $3, $4, $5, $6::jsonb, jsonb_strip_nulls($7::jsonb), $8)");
            foreach (var value in new object[] { i + 1L, e.Stream, e.Version, e.Id, type, json, metadata, start.AddMinutes(i + 1) })
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(insert);
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
            INSERT INTO {_schema}.es_streams SELECT stream_id, max(version), min(recorded_at), max(recorded_at) FROM {_schema}.es_events GROUP BY stream_id
            """));
        await batch.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _chronicle.DisposeAsync();
        await TestDatabase.DropSchemaAsync(_dataSource, _schema);
        await _dataSource.DisposeAsync();
    }
}
