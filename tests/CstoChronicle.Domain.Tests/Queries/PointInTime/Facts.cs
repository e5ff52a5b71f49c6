using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Tests.Queries.PointInTime;

/// <summary>Builds claims the way the projection does, from event records, numbering them in the order written.</summary>
internal sealed class Facts
{
    private long _position;

    public static readonly IReadOnlyList<Citation> Cited = [new Citation("test-source", Quote: "a quote")];

    public static HistoricalDate On(string edtf) => HistoricalDate.Parse(edtf);

    public static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    public T Claim<T>(HistoricalEvent fact, Func<ClaimVersion, HistoricalEvent, T?> from, ClaimRank rank = ClaimRank.Normal) where T : class =>
        from(ClaimVersion.Of(Guid.NewGuid(), ++_position, fact with { Rank = rank }), fact with { Rank = rank })
        ?? throw new ArgumentException($"{fact.GetType().Name} makes no such claim.");

    public MembershipClaim Membership(HistoricalEvent fact, ClaimRank rank = ClaimRank.Normal) => Claim(fact, MembershipClaim.From, rank);
    public OfficeClaim Office(HistoricalEvent fact) => Claim(fact, OfficeClaim.From);
    public ChairClaim Chair(string state, string on) => Claim(new ChairmanshipAssumed(state, On(on), Cited), ChairClaim.From);
    public DocumentClaim Document(HistoricalEvent fact, ClaimRank rank = ClaimRank.Normal) => Claim(fact, DocumentClaim.From, rank);
    public BodyClaim Body(HistoricalEvent fact, ClaimRank rank = ClaimRank.Normal) => Claim(fact, BodyClaim.From, rank);
}
