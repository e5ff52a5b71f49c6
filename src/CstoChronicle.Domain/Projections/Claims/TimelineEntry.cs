using System.Globalization;
using System.Text.Json;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Names;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Serialization;

namespace CstoChronicle.Domain.Projections.Claims;

/// <summary>A historical event as the timeline lists it: its type, its entity (stream) and a one-line title.</summary>
public sealed record TimelineEntry(ClaimVersion Version, string Type, string StreamId, string Title)
{
    public static TimelineEntry From(ClaimVersion version, HistoricalEvent fact) =>
        new(version, fact.GetType().Name, fact.StreamId, TitleOf(fact));

    public static string TitleOf(HistoricalEvent fact) => fact switch
    {
        StateAcceded e => $"{StateNames.Of(e.State)} acceded",
        MembershipSuspended e => $"{StateNames.Of(e.State)}'s membership suspended",
        ParticipationFrozen e => $"{StateNames.Of(e.State)}'s participation frozen",
        MembershipResumed e => $"{StateNames.Of(e.State)}'s membership resumed",
        StateWithdrew e => $"{StateNames.Of(e.State)} withdrew",
        SecretaryGeneralAppointed e => $"{e.Name} appointed Secretary General",
        ActingSecretaryGeneralDesignated e => $"{e.Name} designated acting Secretary General",
        SecretaryGeneralTermEnded e => $"Term of Secretary General {EntityNames.Of(e.PersonId)} ended",
        OfficeHolderAppointed e => $"{e.Name} appointed {Offices.NameOf(e.Office)}",
        ActingOfficeHolderDesignated e => $"{e.Name} designated acting {Offices.NameOf(e.Office)}",
        OfficeTermEnded e => $"{EntityNames.Of(e.PersonId)}'s term as {Offices.NameOf(e.Office)} ended",
        ChairmanshipAssumed e => $"{StateNames.Of(e.State)} assumed the chairmanship",
        BodyEstablished e => $"{e.Name} established",
        BodyRenamed e => $"{EntityNames.Of(e.Body)} renamed {e.NewName}",
        BodyDissolved e => $"{EntityNames.Of(e.Body)} dissolved",
        SessionHeld e => $"{e.Title ?? "Session"} of the {EntityNames.Of(e.Body)}{Where(e.Place)}",
        DecisionAdopted e => e.Title,
        DocumentSigned e => $"{e.Title} signed{Where(e.Place)}",
        DocumentEnteredIntoForce e => $"{EntityNames.Of(e.Document)} entered into force",
        DocumentRatified e => $"{EntityNames.Of(e.Document)} ratified by {StateNames.Of(e.State)}",
        OrganizationEstablished e => $"{e.Name} established",
        ExerciseHeld e => $"Exercise {e.Name}{Where(e.Place)}",
        OperationConducted e => $"Operation {e.Name}",
        FigureReported e => $"{EntityNames.Of(e.Subject)}, {e.Measure}: {QuantityText(e.Quantity)}",
        _ => fact.GetType().Name,
    };

    /// <summary>
    /// The title of a historical event stored as <paramref name="type"/> and <paramref name="json"/>; null for the
    /// other events (sources, corrections) and for data that does not read as its type.
    /// </summary>
    public static string? TitleOf(string type, string json)
    {
        try
        {
            return EventTypeRegistry.Deserialize(type, json) is HistoricalEvent fact ? TitleOf(fact) : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>" in Minsk", or " by videoconference" for a session held remotely.</summary>
    private static string Where(string? place) => place switch
    {
        null => "",
        "videoconference" => " by videoconference",
        _ => " in " + place,
    };

    /// <summary>"more than 25,000 personnel" for <c>&gt; 25000 personnel</c>.</summary>
    public static string QuantityText(Quantity quantity)
    {
        var comparator = quantity.Comparator switch
        {
            ">" => "more than ",
            ">=" => "at least ",
            "<" => "fewer than ",
            "<=" => "at most ",
            "~" => "about ",
            _ => "",
        };
        return $"{comparator}{quantity.Amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {quantity.Unit}";
    }
}
