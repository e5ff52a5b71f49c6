using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Tests.Infrastructure;

/// <summary>Short builders of facts citing the test source, so a test reads as its history.</summary>
public static class Facts
{
    public static readonly Citation[] Cited = [new(TestChronicle.SourceId, Quote: "as the test says")];

    public static HistoricalDate D(string edtf) => HistoricalDate.Parse(edtf);

    public static StateAcceded Acceded(string state, string on) => new(state, D(on), Cited);
    public static StateWithdrew Withdrew(string state, string on) => new(state, D(on), Cited);
    public static MembershipSuspended Suspended(string state, string on) => new(state, D(on), Cited);
    public static ParticipationFrozen Frozen(string state, string on) => new(state, D(on), Cited);
    public static MembershipResumed Resumed(string state, string on) => new(state, D(on), Cited);

    public static SecretaryGeneralAppointed Appointed(string person, string on, string? termEnds = null) =>
        new(person, NameOf(person), "RUS", D(on), Cited, termEnds is null ? null : D(termEnds));

    public static ActingSecretaryGeneralDesignated Acting(string person, string on) => new(person, NameOf(person), "RUS", D(on), Cited);
    public static SecretaryGeneralTermEnded TermEnded(string person, string on) => new(person, D(on), Cited);

    private static string NameOf(string person) => string.Join(' ', person.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
