using System.Text.Json;
using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Tests.Dates;

public class HistoricalDateOrderingAndJsonTests
{
    private sealed record Fact(string Name, HistoricalDate On, HistoricalDate? Until);

    [Fact]
    public void A_timeline_sorts_by_earliest_then_latest_then_text()
    {
        var texts = new[] { "2017", "2016-10", "2016", "2016~", "../2010", "2016-01-01", "1992-05-15", "2016/.." };

        var sorted = texts.Select(HistoricalDate.Parse).Order().Select(d => d.Text);

        sorted.ShouldBe(["../2010", "1992-05-15", "2016-01-01", "2016", "2016~", "2016/..", "2016-10", "2017"]);
    }

    [Fact]
    public void Any_date_sorts_after_null_and_level_with_itself()
    {
        var date = HistoricalDate.Parse("2016");

        date.CompareTo(null).ShouldBeGreaterThan(0);
        date.CompareTo(HistoricalDate.Parse("2016")).ShouldBe(0);
    }

    [Fact]
    public void A_date_travels_in_JSON_as_its_EDTF_string_and_back()
    {
        var fact = new Fact("accession", HistoricalDate.Parse("2006-08~"), HistoricalDate.Parse("2012-06-28/.."));

        var json = JsonSerializer.Serialize(fact);
        var back = JsonSerializer.Deserialize<Fact>(json);

        json.ShouldBe("""{"Name":"accession","On":"2006-08~","Until":"2012-06-28/.."}""");
        back.ShouldBe(fact);
        back!.On.Earliest.ShouldBe(new DateOnly(2006, 8, 1));
    }

    [Fact]
    public void A_null_date_travels_in_JSON_as_null()
    {
        var back = JsonSerializer.Deserialize<Fact>("""{"Name":"x","On":"2016","Until":null}""");

        back!.Until.ShouldBeNull();
    }

    [Fact]
    public void A_date_can_key_a_JSON_object()
    {
        var byDate = new Dictionary<HistoricalDate, int> { [HistoricalDate.Parse("2016-10")] = 3 };

        var json = JsonSerializer.Serialize(byDate);

        json.ShouldBe("""{"2016-10":3}""");
        JsonSerializer.Deserialize<Dictionary<HistoricalDate, int>>(json)!.ShouldBe(byDate);
    }

    [Theory]
    [InlineData("\"2022-02-30\"", "day 30 does not exist in February 2022")]
    [InlineData("\"19920515\"", "write 1992-05-15")]
    [InlineData("19920515", "EDTF string")]
    public void An_invalid_JSON_date_fails_with_the_parse_message(string value, string expected)
    {
        var json = $$"""{"Name":"x","On":{{value}}}""";

        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Fact>(json)).Message.ShouldContain(expected);
    }
}
