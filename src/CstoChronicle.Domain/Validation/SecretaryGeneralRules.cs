using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Validation;

/// <summary>
/// An office (the Secretary General's, or any other of <see cref="Offices"/>, decided on its own stream) has one holder at a time. A holder without a known end is ended by the next holder (the usual
/// succession); a holder whose term has an end (a recorded SecretaryGeneralTermEnded, else the termEnds of the
/// appointment) blocks any other holder certainly before that end. Partial dates that only possibly overlap pass.
/// </summary>
public static class SecretaryGeneralRules
{
    private sealed record Tenure(string PersonId, string Name, HistoricalDate Start, HistoricalDate? End);
    private sealed record TermEnd(string PersonId, HistoricalDate On);
    private sealed record TakingOffice(string PersonId, string Name, HistoricalDate On, HistoricalDate? TermEnds);

    public static IReadOnlyList<ValidationError> Check(HistoricalEvent fact, IReadOnlyList<HistoricalEvent> standing)
    {
        if (fact.Rank == ClaimRank.Deprecated || fact.On is null) return [];
        return fact switch
        {
            SecretaryGeneralAppointed e => CheckNewHolder(e.Name, e.On, e.TermEnds, Tenures(standing), nameof(SecretaryGeneralTermEnded)),
            ActingSecretaryGeneralDesignated e => CheckNewHolder(e.Name, e.On, null, Tenures(standing), nameof(SecretaryGeneralTermEnded)),
            SecretaryGeneralTermEnded e => CheckTermEnd(e.PersonId, e.On, "Secretary General", Tenures(standing)),
            OfficeHolderAppointed e => CheckNewHolder(e.Name, e.On, e.TermEnds, Tenures(standing), nameof(OfficeTermEnded)),
            ActingOfficeHolderDesignated e => CheckNewHolder(e.Name, e.On, null, Tenures(standing), nameof(OfficeTermEnded)),
            OfficeTermEnded e => CheckTermEnd(e.PersonId, e.On, Offices.NameOf(e.Office), Tenures(standing)),
            _ => [],
        };
    }

    private static IReadOnlyList<ValidationError> CheckNewHolder(string name, HistoricalDate start, HistoricalDate? termEnds, IReadOnlyList<Tenure> tenures, string termEnded)
    {
        var errors = new List<ValidationError>();
        foreach (var other in tenures)
        {
            if (other.Start.Earliest == start.Earliest && other.Start.Latest == start.Latest)
                errors.Add(new("on", $"{other.Name} also takes office on {start}: the office cannot have two holders for the same days"));
            else if (other.Start.CompareTo(start) < 0 && other.End is not null && start.Latest < other.End.Earliest)
                errors.Add(new("on", $"{other.Name} holds the office from {other.Start} until {other.End}, so {name} cannot take it on {start}: " +
                                     $"record the end of that term ({termEnded}) first, or correct it"));
            else if (start.CompareTo(other.Start) < 0 && termEnds is not null && other.Start.Latest < termEnds.Earliest)
                errors.Add(new("termEnds", $"a term until {termEnds} overlaps {other.Name}, who takes office on {other.Start}"));
        }
        return errors;
    }

    private static IReadOnlyList<ValidationError> CheckTermEnd(string personId, HistoricalDate on, string office, IReadOnlyList<Tenure> tenures)
    {
        var own = tenures.Where(t => t.PersonId == personId).ToList();
        if (own.Count == 0)
            return [new("personId", $"'{personId}' is not recorded as appointed or designated acting {office}: there is no term to end")];
        if (own.All(t => t.Start.Earliest > on.Latest))
            return [new("on", $"the term ends on {on}, before it starts: {own[0].Name} takes office on {own[0].Start}")];
        return [];
    }

    private static List<Tenure> Tenures(IReadOnlyList<HistoricalEvent> standing)
    {
        var starts = standing
            .Select(f => f switch
            {
                SecretaryGeneralAppointed a => new TakingOffice(a.PersonId, a.Name, a.On, a.TermEnds),
                ActingSecretaryGeneralDesignated a => new TakingOffice(a.PersonId, a.Name, a.On, null),
                OfficeHolderAppointed a => new TakingOffice(a.PersonId, a.Name, a.On, a.TermEnds),
                ActingOfficeHolderDesignated a => new TakingOffice(a.PersonId, a.Name, a.On, null),
                _ => null,
            })
            .OfType<TakingOffice>()
            .Where(s => s.PersonId is not null && s.On is not null)
            .OrderBy(s => s.On)
            .ToList();
        var termEnds = standing
            .Select(f => f switch
            {
                SecretaryGeneralTermEnded e => new TermEnd(e.PersonId, e.On),
                OfficeTermEnded e => new TermEnd(e.PersonId, e.On),
                _ => null,
            })
            .OfType<TermEnd>()
            .Where(e => e.On is not null).OrderBy(e => e.On).ToList();

        return starts.Select((s, i) =>
        {
            // A recorded end belongs to the person's tenure it follows, not to a later tenure of the same person.
            var nextOwnStart = starts.Skip(i + 1).FirstOrDefault(n => n.PersonId == s.PersonId)?.On;
            var recordedEnd = termEnds.FirstOrDefault(e => e.PersonId == s.PersonId && e.On.Latest >= s.On.Earliest &&
                                                           (nextOwnStart is null || e.On.CompareTo(nextOwnStart) < 0));
            return new Tenure(s.PersonId, s.Name, s.On, recordedEnd?.On ?? s.TermEnds);
        }).ToList();
    }
}
