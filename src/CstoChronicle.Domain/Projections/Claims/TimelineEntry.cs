using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Queries;

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
        SecretaryGeneralTermEnded e => $"Term of Secretary General {e.PersonId} ended",
        ChairmanshipAssumed e => $"{StateNames.Of(e.State)} assumed the chairmanship",
        BodyEstablished e => $"{e.Name} established",
        BodyRenamed e => $"{e.Body} renamed {e.NewName}",
        BodyDissolved e => $"{e.Body} dissolved",
        SessionHeld e => e.Title is { } title
            ? $"{title} of the {e.Body}{(e.Place is null ? "" : " in " + e.Place)}"
            : $"Session of the {e.Body}{(e.Place is null ? "" : " in " + e.Place)}",
        DecisionAdopted e => e.Title,
        DocumentSigned e => $"{e.Title} signed{(e.Place is null ? "" : " in " + e.Place)}",
        DocumentEnteredIntoForce e => $"{e.Document} entered into force",
        DocumentRatified e => $"{e.Document} ratified by {StateNames.Of(e.State)}",
        OrganizationEstablished e => $"{e.Name} established",
        ExerciseHeld e => $"Exercise {e.Name}{(e.Place is null ? "" : " in " + e.Place)}",
        OperationConducted e => $"Operation {e.Name}",
        FigureReported e => $"{e.Subject}: {e.Measure} {e.Quantity.Comparator} {e.Quantity.Amount} {e.Quantity.Unit}",
        _ => fact.GetType().Name,
    };
}
