using System.Text.Json;
using CstoChronicle.Api.Endpoints.Events;
using CstoChronicle.Api.Endpoints.PointInTime;
using CstoChronicle.Api.Endpoints.Sources;
using CstoChronicle.Api.Endpoints.Timeline;
using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Api.Endpoints.Examples;

/// <summary>
/// Example answers for the OpenAPI document, built from the answer types themselves so that they cannot drift from
/// what the API sends. Values are taken from the dataset.
/// </summary>
public static class ReadExamples
{
    public static readonly DateTimeOffset KnownAt = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);
    public const long Position = 283;
    public static readonly Guid UzbekAccession = Guid.Parse("2882440b-2d62-55a9-8579-d574e936e42a");
    private static readonly Guid BelarusAccession = Guid.Parse("4d9f170b-119c-51c1-8444-cfda75568caf");

    private static HistoricalDate On(string text) => HistoricalDate.Parse(text);

    public static readonly MembersResponse Members = new(new DateOnly(2006, 12, 31), KnownAt, Position,
    [
        new Member("BLR", "Belarus", MembershipStatus.Member, On("1993"), Certainty.Certain, [BelarusAccession]),
        new Member("UZB", "Uzbekistan", MembershipStatus.Member, On("2006-08-16"), Certainty.Certain, [UzbekAccession]),
    ]);

    public static readonly SecretaryGeneralResponse SecretaryGeneral = new(new DateOnly(2017, 3, 1), KnownAt, Position,
        new OfficeHolder("valery-semerikov", "Valery Semerikov", "RUS", true, On("2017-01-01"), Certainty.Certain,
            [Guid.Parse("039b5109-d7c8-5ade-85a3-8bc140f1587c")]));

    private static readonly OfficeHolder ChiefOfJointStaff2017 = new("anatoly-sidorov", "Anatoly Sidorov", "RUS", false, On("2015-09-15"),
        Certainty.Certain, [DeterministicId.ForDatasetEvent("cjs-anatoly-sidorov-appointed-2015-09-15")]);

    public static readonly OfficesResponse Offices = new(new DateOnly(2017, 3, 1), KnownAt, Position,
    [
        new OfficeStanding("secretary-general", "Secretary General", SecretaryGeneral.Holder),
        new OfficeStanding("chief-of-joint-staff", "Chief of the CSTO Joint Staff", ChiefOfJointStaff2017),
        new OfficeStanding("commander-peacekeeping-forces-kazakhstan-2022", "Commander of the CSTO Collective Peacekeeping Forces in Kazakhstan (2022)", null),
    ]);

    public static readonly OfficeResponse Office = new(new DateOnly(2017, 3, 1), KnownAt, Position,
        "chief-of-joint-staff", "Chief of the CSTO Joint Staff", ChiefOfJointStaff2017);

    public static readonly ChairmanshipResponse Chairmanship = new(new DateOnly(2022, 12, 31), KnownAt, Position,
        new Chair("BLR", "Belarus", On("2022-11-23"), Certainty.Certain, [Guid.Parse("3bccfd26-319a-5345-9d4d-5d37d7c32939")]));

    public static readonly BodiesResponse Bodies = new(new DateOnly(2010, 1, 1), KnownAt, Position,
    [
        new Body("collective-security-council", "Collective Security Council", "statutory body", On("1992-05-15"), Certainty.Certain,
            [Guid.Parse("3188b0ac-6ce4-5777-9036-56b5d324024b")]),
    ]);

    public static readonly DocumentsResponse Documents = new(new DateOnly(2010, 1, 1), KnownAt, Position,
    [
        new DocumentStanding("collective-security-treaty", "Collective Security Treaty", "treaty", "Tashkent",
            ["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"], DocumentStatus.InForce, Certainty.Certain,
            new DocumentStep(On("1992-05-15"), Certainty.Certain, [Guid.Parse("eb6f0303-11ee-5c79-b7e6-3d53c3f1e546")]),
            new DocumentStep(On("1994-04-20"), Certainty.Certain, [Guid.Parse("9e57b33a-0414-53b2-b5b5-15ce85a23ab1")]),
            [], [Guid.Parse("eb6f0303-11ee-5c79-b7e6-3d53c3f1e546"), Guid.Parse("9e57b33a-0414-53b2-b5b5-15ce85a23ab1")]),
    ]);

    public static readonly ChangesResponse Changes = new(new DateOnly(2012, 1, 1), new DateOnly(2012, 12, 31), KnownAt, Position,
    [
        new Change(ChangeArea.Membership, "UZB", "Uzbekistan", "suspended", On("2012-12-19"), Certainty.Certain,
            [Guid.Parse("f04e24d8-108e-5954-874c-b756024e14f3")]),
    ]);

    public static readonly TimelineResponse Timeline = new(KnownAt, Position,
    [
        new TimelineItem(UzbekAccession, "StateAcceded", "UZB", On("2006-08-16"), "Uzbekistan acceded", ClaimRank.Preferred, Certainty.Certain,
            KnownAt.AddMinutes(-1), 153, [UzbekAccession]),
    ], "dDF8MjAwNi0wOC0xNnwyMDA2LTA4LTE2fDE1Mw");

    public static readonly EventDetail UzbekAccessionDetail = new(UzbekAccession, "StateAcceded", "UZB", 4, 153, On("2006-08-16"),
        "Uzbekistan acceded",
        JsonSerializer.SerializeToElement(new { state = "UZB", on = "2006-08-16", rank = "preferred", sources = new[] { new { sourceId = "tass-2012-06-28" } } }),
        [new ResolvedCitation("tass-2012-06-28", "CSTO confirms getting note from Uzbekistan on suspension of membership", "TASS (ITAR-TASS)",
            "http://tass.com/archive/678014", null, null, "The decision was reaffirmed in a protocol dated August 16, 2006.")],
        KnownAt.AddMinutes(-1), "dataset-import", null, null, null, null);

    public static readonly EventResponse Event = new(KnownAt, Position, UzbekAccessionDetail);

    public static readonly EntityHistoryResponse History = new("UZB", KnownAt, Position, 4, [UzbekAccessionDetail]);

    public static readonly AuditResponse Audit = new(null, null, Position, [UzbekAccessionDetail], "YTF8MTUz");

    private static readonly Source Tass = new("tass-2012-06-28", "CSTO confirms getting note from Uzbekistan on suspension of membership",
        "TASS (ITAR-TASS)", "http://tass.com/archive/678014", null, "2012-06-28", "en");

    public static readonly SourcesResponse Sources = new(Position, [Tass]);

    public static readonly SourceResponse Source = new(Position, Tass,
        [new CitingEvent(UzbekAccession, "StateAcceded", "UZB", On("2006-08-16"), "Uzbekistan acceded", null,
            "The decision was reaffirmed in a protocol dated August 16, 2006.")]);
}
