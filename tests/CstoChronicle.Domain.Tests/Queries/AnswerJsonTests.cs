using System.Text.Json;
using CstoChronicle.Domain.Serialization;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>The answers as the API sends them: the chronicle's JSON (camelCase, enums as camelCase strings, dates as EDTF).</summary>
public class AnswerJsonTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    private static JsonElement Json(object answer) => JsonSerializer.SerializeToElement(answer, answer.GetType(), ChronicleJson.Options);

    [Fact]
    public async Task Members_travel_with_their_status_certainty_and_EDTF_since()
    {
        var json = Json(await db.Chronicle.Queries.MembersAsync(Day("2006-06-01")));

        json.GetProperty("basis").GetProperty("asOf").GetString().ShouldBe("2006-06-01");
        json.GetProperty("basis").GetProperty("position").GetInt64().ShouldBeGreaterThan(0);
        var armenia = json.GetProperty("members").EnumerateArray().First(m => m.GetProperty("state").GetString() == "ARM");
        armenia.GetProperty("status").GetString().ShouldBe("member");
        armenia.GetProperty("certainty").GetString().ShouldBe("certain");
        armenia.GetProperty("since").GetString().ShouldBe("1992-05-15");
        armenia.GetProperty("eventIds").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Every_query_answer_serializes()
    {
        var queries = db.Chronicle.Queries;
        object[] answers =
        [
            await queries.SecretaryGeneralAsync(Day("2017-03-01")),
            await queries.SecretaryGeneralAsync(Day("1990-01-01")),
            await queries.ChairmanshipAsync(Day("2013-01-01")),
            await queries.BodiesAsync(Day("2020-01-01")),
            await queries.DocumentsAsync(Day("2020-01-01")),
            await queries.ChangesAsync(Day("2012-01-01"), Day("2013-12-31")),
            await queries.TimelineAsync(limit: 5),
            (await queries.EventAsync(db.Data.Id("cst-signed"))).ShouldNotBeNull(),
            await queries.EntityHistoryAsync("UZB"),
            await queries.AuditAsync(limit: 5),
            await queries.SourcesAsync(),
            (await queries.SourceAsync("seed-000")).ShouldNotBeNull(),
        ];

        foreach (var answer in answers)
            Json(answer).GetProperty("basis").GetProperty("position").GetInt64().ShouldBeGreaterThan(0);
        Json(answers[0]).GetProperty("holder").GetProperty("acting").GetBoolean().ShouldBeTrue();
        Json(answers[5]).GetProperty("changes")[0].GetProperty("area").GetString().ShouldBe("chairmanship");
        Json(answers[7]).GetProperty("event").GetProperty("data").GetProperty("document").GetString().ShouldBe("collective-security-treaty");
    }
}
