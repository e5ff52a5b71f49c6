using CstoChronicle.Domain.Dates;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>The Secretary General and the chairmanship on the real dataset (data/events/secretaries-general.json, chairmanship.json).</summary>
public class OfficeAndChairQueryTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    [Fact]
    public async Task On_2017_03_01_Valery_Semerikov_is_acting_Secretary_General_since_1_January_2017()
    {
        // seed-000: Bordyuzha's term "ends on December 31, 2016"; sputnik-am-2017-01-01: Semerikov acting "с 1 января 2017 года".
        var answer = await db.Chronicle.Queries.SecretaryGeneralAsync(Day("2017-03-01"));

        var holder = answer.Holder.ShouldNotBeNull();
        holder.PersonId.ShouldBe("valery-semerikov");
        holder.Name.ShouldBe("Valery Semerikov");
        holder.Acting.ShouldBeTrue();
        holder.Since.Text.ShouldBe("2017-01-01");
        holder.Certainty.ShouldBe(Certainty.Certain);
        holder.EventIds.ShouldContain(db.Data.Id("semerikov-acting-2017"));
    }

    [Theory]
    [InlineData("2003-04-28", "nikolai-bordyuzha", false)]
    [InlineData("2016-12-31", "nikolai-bordyuzha", false)]
    [InlineData("2017-05-02", "yuri-khachaturov", false)]
    [InlineData("2018-11-02", "valery-semerikov", true)]
    [InlineData("2019-06-01", "valery-semerikov", true)]
    [InlineData("2020-01-01", "stanislav-zas", false)]
    [InlineData("2023-01-01", "imangali-tasmagambetov", false)]
    [InlineData("2026-01-01", "taalatbek-masadykov", false)]
    public async Task The_Secretary_General_on_a_day_follows_the_succession_in_the_data(string day, string personId, bool acting)
    {
        // Sources per fact in secretaries-general.json, e.g. belta-2019-11-28 for Zas, from 1 January 2020.
        var holder = (await db.Chronicle.Queries.SecretaryGeneralAsync(Day(day))).Holder.ShouldNotBeNull();

        holder.PersonId.ShouldBe(personId);
        holder.Acting.ShouldBe(acting);
    }

    [Fact]
    public async Task Before_the_first_Secretary_General_was_appointed_the_office_has_no_holder()
    {
        (await db.Chronicle.Queries.SecretaryGeneralAsync(Day("2003-04-27"))).Holder.ShouldBeNull();
    }

    [Fact]
    public async Task On_2013_01_01_Kyrgyzstan_chairs_since_19_December_2012()
    {
        // tass-2012-11-12: "Kyrgyzstan will assume the presidency in the Organisation from Kazakhstan on December 19".
        var chair = (await db.Chronicle.Queries.ChairmanshipAsync(Day("2013-01-01"))).Chair.ShouldNotBeNull();

        chair.State.ShouldBe("KGZ");
        chair.Name.ShouldBe("Kyrgyzstan");
        chair.Since.Text.ShouldBe("2012-12-19");
        chair.Certainty.ShouldBe(Certainty.Certain);
        chair.EventIds.ShouldBe([db.Data.Id("chair-kgz-2012-12-19")]);
    }

    [Theory]
    // One handover per Council session (chairmanship.json, each with its sources); the chair on 1 January and 1 July.
    [InlineData("2007-01-01", "BLR")]
    [InlineData("2007-07-01", "KGZ")]
    [InlineData("2008-01-01", "KGZ")]
    [InlineData("2008-07-01", "KGZ")]
    [InlineData("2009-01-01", "ARM")]
    [InlineData("2009-07-01", "RUS")]
    [InlineData("2010-01-01", "RUS")]
    [InlineData("2010-07-01", "RUS")]
    [InlineData("2011-01-01", "BLR")]
    [InlineData("2011-07-01", "BLR")]
    [InlineData("2012-01-01", "KAZ")]
    [InlineData("2012-07-01", "KAZ")]
    [InlineData("2013-01-01", "KGZ")]
    [InlineData("2013-07-01", "KGZ")]
    [InlineData("2014-01-01", "RUS")]
    [InlineData("2014-07-01", "RUS")]
    [InlineData("2015-01-01", "TJK")]
    [InlineData("2015-07-01", "TJK")]
    [InlineData("2016-01-01", "ARM")]
    [InlineData("2016-07-01", "ARM")]
    [InlineData("2017-01-01", "BLR")]
    [InlineData("2017-07-01", "BLR")]
    [InlineData("2018-01-01", "KAZ")]
    [InlineData("2018-07-01", "KAZ")]
    [InlineData("2019-01-01", "KGZ")]
    [InlineData("2019-07-01", "KGZ")]
    [InlineData("2020-01-01", "RUS")]
    [InlineData("2020-07-01", "RUS")]
    [InlineData("2020-11-20", "RUS")]
    [InlineData("2021-01-01", "TJK")]
    [InlineData("2021-07-01", "TJK")]
    [InlineData("2022-01-01", "ARM")]
    [InlineData("2022-07-01", "ARM")]
    [InlineData("2023-01-01", "BLR")]
    [InlineData("2023-07-01", "BLR")]
    [InlineData("2024-01-01", "KAZ")]
    [InlineData("2024-07-01", "KAZ")]
    [InlineData("2025-07-01", "KGZ")]
    [InlineData("2026-07-01", "RUS")]
    public async Task The_chair_on_the_first_of_January_and_of_July_is_certain(string day, string state)
    {
        var chair = (await db.Chronicle.Queries.ChairmanshipAsync(Day(day))).Chair.ShouldNotBeNull();

        chair.State.ShouldBe(state);
        chair.Certainty.ShouldBe(Certainty.Certain);
    }

    [Theory]
    [InlineData("1995-01-01")]
    [InlineData("2004-07-01")]
    [InlineData("2006-06-22")]
    public async Task Before_the_first_sourced_chairmanship_no_chair_is_answered(string day)
    {
        // upi-2006-06-25: Belarus's president is CSTO chairman at the Minsk session of 23 June 2006, the first chair sourced.
        (await db.Chronicle.Queries.ChairmanshipAsync(Day(day))).Chair.ShouldBeNull();
    }

    [Fact]
    public async Task Kazakhstan_chairs_from_the_Minsk_session_of_30_November_2017()
    {
        // seed-002: the decision "was made at the anniversary meeting ... held in Minsk on Nov. 30, 2017".
        var chair = (await db.Chronicle.Queries.ChairmanshipAsync(Day("2017-12-01"))).Chair.ShouldNotBeNull();

        chair.State.ShouldBe("KAZ");
        chair.Since.Text.ShouldBe("2017-11-30");
        chair.EventIds.ShouldBe([db.Data.Id("chair-kaz-2017-11-30")]);
    }

    [Fact]
    public async Task Belarus_took_over_some_day_between_the_Moscow_session_of_December_2010_and_the_new_year()
    {
        // minsk-by-2010-12: agreed "at a summit in Moscow on Friday" (10 December 2010) to take over "next year".
        var chair = (await db.Chronicle.Queries.ChairmanshipAsync(Day("2010-12-20"))).Chair.ShouldNotBeNull();

        chair.State.ShouldBe("BLR");
        chair.Certainty.ShouldBe(Certainty.Possible);
    }

    [Fact]
    public async Task In_2025_Kyrgyzstan_chairs_from_1_January()
    {
        // euromedia24-2025-01 and 24kg-2024-11-28: Kyrgyzstan takes over from Kazakhstan on 1 January 2025.
        var chair = (await db.Chronicle.Queries.ChairmanshipAsync(Day("2025-06-01"))).Chair.ShouldNotBeNull();

        chair.State.ShouldBe("KGZ");
        chair.Since.Text.ShouldBe("2025-01-01");
    }
}
