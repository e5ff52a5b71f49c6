using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Validation;

/// <summary>
/// Nothing ends or changes before it begins: a body is not renamed or dissolved before it is established, a document
/// is not ratified or in force before it is signed. Only a certain inversion is refused (the whole of one date before
/// the whole of the other), and only when the beginning is recorded at all.
/// </summary>
public static class LifecycleRules
{
    public static IReadOnlyList<ValidationError> Check(HistoricalEvent fact, IReadOnlyList<HistoricalEvent> standing)
    {
        if (fact.Rank == ClaimRank.Deprecated || fact.On is null) return [];
        return fact switch
        {
            BodyRenamed or BodyDissolved => NotBefore(fact, "established", standing.OfType<BodyEstablished>().Select(e => e.On)),
            DocumentRatified or DocumentEnteredIntoForce => NotBefore(fact, "signed", standing.OfType<DocumentSigned>().Select(e => e.On)),
            _ => [],
        };
    }

    private static IReadOnlyList<ValidationError> NotBefore(HistoricalEvent fact, string beginning, IEnumerable<HistoricalDate?> beginnings)
    {
        var first = beginnings.OfType<HistoricalDate>().Order().FirstOrDefault();
        if (first is null || fact.On.Latest >= first.Earliest) return [];
        return [new ValidationError("on", $"{fact.On} is before '{fact.StreamId}' was {beginning} ({first}): an end or a change cannot come before the start")];
    }
}
