using CstoChronicle.Domain.Projections;
using CstoChronicle.Domain.Serialization;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Weasel.Core;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// The chronicle's Marten configuration: string streams named by entity id, the catalog's event type names, metadata
/// in Marten's own columns, Rich appends (the inline projection needs each event's position), a unique event id
/// (idempotent keyed writes) and the chronicle projection inline. See docs/decisions/0003.
/// </summary>
public static class ChronicleMarten
{
    /// <summary>The header holding why an event was recorded (corrections, retractions).</summary>
    public const string ReasonHeader = "reason";

    public static void Configure(StoreOptions options, NpgsqlDataSource dataSource, ChronicleStoreSettings settings)
    {
        options.Connection(dataSource);
        options.DatabaseSchemaName = settings.Schema;
        options.Events.DatabaseSchemaName = settings.Schema;
        options.AutoCreateSchemaObjects = settings.AutoCreateSchema ? AutoCreate.CreateOrUpdate : AutoCreate.None;
        options.DisableNpgsqlLogging = true;

        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, ChronicleJson.Configure);

        var events = options.Events;
        events.StreamIdentity = StreamIdentity.AsString;
        events.AppendMode = EventAppendMode.Rich;
        events.EnableUniqueIndexOnEventId = true;
        events.MetadataConfig.CorrelationIdEnabled = true;
        events.MetadataConfig.CausationIdEnabled = true;
        events.MetadataConfig.HeadersEnabled = true;
        events.MetadataConfig.UserNameEnabled = true;
        foreach (var name in EventTypeRegistry.TypeNames)
        {
            EventTypeRegistry.TryGetType(name, out var type);
            events.MapEventType(type, name);
        }

        options.Projections.StaleSequenceThreshold = settings.StaleSequenceThreshold;
        // Readers (SSE, webhooks, knownAt) wait for the high-water mark; Marten polls it every second when the log is
        // quiet, which was most of an event's latency to a subscriber. A poll is one small query per node.
        options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
        options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
        // Marten's default skips an event whose projection throws; the chronicle stops instead and says so.
        options.Projections.Errors.SkipApplyErrors = false;
        options.Projections.Errors.SkipSerializationErrors = false;
        options.Projections.Errors.SkipUnknownEvents = false;
        options.Projections.RebuildErrors.SkipApplyErrors = false;
        options.Projections.RebuildErrors.SkipSerializationErrors = false;
        options.Projections.RebuildErrors.SkipUnknownEvents = false;

        options.Projections.Add(new ChronicleProjection(dataSource, settings.Schema), ProjectionLifecycle.Inline, ChronicleProjection.ProjectionName);
        options.Events.Subscribe(new LogCursor());
    }
}
