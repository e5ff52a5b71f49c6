using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Projections.Schema;

namespace CstoChronicle.Domain.Projections;

/// <summary>The claim-table rows of one version of a historical fact: always a timeline row, and one in its kind's table.</summary>
internal static class ClaimRows
{
    public static IEnumerable<Row> Of(ClaimVersion version, HistoricalEvent fact, DateTimeOffset recordedAt)
    {
        var timeline = TimelineEntry.From(version, fact);
        yield return Claim(ChronicleTables.TimelineName, version, recordedAt)
            .Text("type", timeline.Type).Text("stream_id", timeline.StreamId).Text("title", timeline.Title);

        if (MembershipClaim.From(version, fact) is { } membership)
            yield return Claim(ChronicleTables.MembershipName, version, recordedAt)
                .Text("state", membership.State).Text("change", membership.Change.ToString());

        if (OfficeClaim.From(version, fact) is { } office)
            yield return Claim(ChronicleTables.SecretaryGeneralName, version, recordedAt)
                .Text("change", office.Change.ToString()).Text("person_id", office.PersonId).Text("name", office.Name)
                .Text("state", office.State).Text("term_ends_text", office.TermEnds?.Text).Date("term_ends", office.TermEnds?.Latest)
                .Text("office", office.Office);

        if (ChairClaim.From(version, fact) is { } chair)
            yield return Claim(ChronicleTables.ChairmanshipName, version, recordedAt).Text("state", chair.State);

        if (BodyClaim.From(version, fact) is { } body)
            yield return Claim(ChronicleTables.BodiesName, version, recordedAt)
                .Text("body", body.Body).Text("change", body.Change.ToString()).Text("name", body.Name).Text("kind", body.Kind);

        if (DocumentClaim.From(version, fact) is { } document)
            yield return Claim(ChronicleTables.DocumentsName, version, recordedAt)
                .Text("document", document.Document).Text("change", document.Change.ToString()).Text("title", document.Title)
                .Text("kind", document.Kind).Text("place", document.Place).Text("state", document.State).TextArray("states", document.States);
    }

    private static Row Claim(string table, ClaimVersion version, DateTimeOffset recordedAt) =>
        new Row(table)
            .Uuid("event_id", version.EventId).Uuid("written_by", version.WrittenBy)
            .Bigint("position", version.Position).Instant("recorded_at", recordedAt)
            .Text("on_text", version.On.Text).Date("earliest", version.On.Earliest).Date("latest", version.On.Latest)
            .Text("rank", version.Rank.ToString());
}
