using CstoChronicle.Api.Endpoints.Examples;
using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Api.Endpoints.Periods;

/// <summary>The example answer in the OpenAPI document: Uzbekistan's lane, built from the answer types, values from the dataset.</summary>
public static class PeriodsExample
{
    private static readonly Guid UzbekAccession1992 = Guid.Parse("4d26249d-fe84-5f36-a964-2c7741e3b219");
    private static readonly Guid UzbekWithdrawal = Guid.Parse("0b558cd5-76b8-5b89-ab90-a1a3903ed365");
    private static readonly Guid UzbekAccession2006Normal = Guid.Parse("b4a7ab32-931f-5079-8a66-0ce4e36c0406");
    private static readonly Guid UzbekWithdrawal2012 = Guid.Parse("60e986ba-7b10-5d46-a71b-be5c878c9792");
    private static readonly Guid UzbekSuspension = Guid.Parse("f04e24d8-108e-5954-874c-b756024e14f3");

    private static PeriodEdge Edge(string on) => PeriodsFold.Edge(HistoricalDate.Parse(on));
    private static PeriodClaim Claim(Guid id, string role, string on, ClaimRank rank, string says) => new(id, role, HistoricalDate.Parse(on), rank, says);

    public static readonly PeriodsResponse Response = new(ReadExamples.KnownAt, ReadExamples.Position, ["membership"],
    [
        new PeriodLane("membership", "UZB", "Uzbekistan",
        [
            new Period("member", "member", Edge("1992-05-15"), Edge("1999-04-21"), Certainty.Certain, false, [UzbekAccession1992, UzbekWithdrawal],
                [Claim(UzbekAccession1992, "start", "1992-05-15", ClaimRank.Normal, "acceded"), Claim(UzbekWithdrawal, "end", "1999-04-21", ClaimRank.Normal, "withdrew")]),
            new Period("withdrawn", "withdrawn", Edge("1999-04-21"), Edge("2006-08-16"), Certainty.Certain, true,
                [UzbekWithdrawal, ReadExamples.UzbekAccession, UzbekAccession2006Normal],
                [
                    Claim(UzbekWithdrawal, "start", "1999-04-21", ClaimRank.Normal, "withdrew"),
                    Claim(ReadExamples.UzbekAccession, "end", "2006-08-16", ClaimRank.Preferred, "acceded"),
                    Claim(UzbekAccession2006Normal, "competing", "2006-06-23", ClaimRank.Normal, "acceded"),
                ]),
            new Period("member", "member", Edge("2006-08-16"), Edge("2012-12-19"), Certainty.Certain, true,
                [ReadExamples.UzbekAccession, UzbekSuspension, UzbekAccession2006Normal, UzbekWithdrawal2012],
                [
                    Claim(ReadExamples.UzbekAccession, "start", "2006-08-16", ClaimRank.Preferred, "acceded"),
                    Claim(UzbekSuspension, "end", "2012-12-19", ClaimRank.Preferred, "suspended"),
                    Claim(UzbekAccession2006Normal, "competing", "2006-06-23", ClaimRank.Normal, "acceded"),
                    Claim(UzbekWithdrawal2012, "competing", "2012-06-28", ClaimRank.Deprecated, "withdrew"),
                ]),
            new Period("suspended", "suspended", Edge("2012-12-19"), null, Certainty.Certain, true, [UzbekSuspension, UzbekWithdrawal2012],
                [
                    Claim(UzbekSuspension, "start", "2012-12-19", ClaimRank.Preferred, "suspended"),
                    Claim(UzbekWithdrawal2012, "competing", "2012-06-28", ClaimRank.Deprecated, "withdrew"),
                ]),
        ], []),
    ]);
}
