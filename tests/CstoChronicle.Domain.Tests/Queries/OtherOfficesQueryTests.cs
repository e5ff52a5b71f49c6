using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>The Chief of the CSTO Joint Staff on the real dataset (data/events/offices.json), and every office on one day.</summary>
public class OtherOfficesQueryTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    [Theory]
    [InlineData("2012-12-19", "alexander-studenikin", "2012-12-19")] // lenta-2012-12-19: approved by the defence ministers on 19 December
    [InlineData("2015-09-14", "alexander-studenikin", "2012-12-19")]
    [InlineData("2015-09-15", "anatoly-sidorov", "2015-09-15")]     // rbc-2015-09-15: appointed at the Dushanbe summit
    [InlineData("2017-03-01", "anatoly-sidorov", "2015-09-15")]
    [InlineData("2023-11-22", "anatoly-sidorov", "2015-09-15")]
    [InlineData("2023-11-23", "andrei-serdyukov", "2023-11-23")]    // infoport: approved at the Minsk summit, replacing Sidorov
    [InlineData("2025-06-01", "andrei-serdyukov", "2023-11-23")]
    public async Task The_Chief_of_the_Joint_Staff_on_a_day_dated_by_a_session_is_certain(string day, string personId, string since)
    {
        var answer = await db.Chronicle.Queries.OfficeAsync(Offices.ChiefOfJointStaff, Day(day));

        answer.Office.Office.ShouldBe("chief-of-joint-staff");
        answer.Office.Name.ShouldBe("Chief of the CSTO Joint Staff");
        var holder = answer.Office.Holder.ShouldNotBeNull();
        holder.PersonId.ShouldBe(personId);
        holder.Acting.ShouldBeFalse();
        holder.Since.Text.ShouldBe(since);
        holder.Certainty.ShouldBe(Certainty.Certain);
    }

    [Fact]
    public async Task Yuri_Baluyevsky_is_certainly_chief_on_18_May_2006_and_only_possibly_before()
    {
        // trend-2006-05-18 names him chief that day; the Joint Staff was decided on 28 April 2003 (jscsto-2022-04-28).
        var on = (await db.Chronicle.Queries.OfficeAsync(Offices.ChiefOfJointStaff, Day("2006-05-18"))).Office.Holder.ShouldNotBeNull();
        on.PersonId.ShouldBe("yuri-baluyevsky");
        on.Certainty.ShouldBe(Certainty.Certain);

        var before = (await db.Chronicle.Queries.OfficeAsync(Offices.ChiefOfJointStaff, Day("2005-01-01"))).Office.Holder.ShouldNotBeNull();
        before.PersonId.ShouldBe("yuri-baluyevsky");
        before.Certainty.ShouldBe(Certainty.Possible);
    }

    [Fact]
    public async Task Between_2006_and_August_2012_the_chief_is_only_possible_because_no_source_dates_the_handovers()
    {
        // moyby: Zhasuzakov took over from Tikhonovsky, undated; tass-2012-08-28 names him chief.
        var holder = (await db.Chronicle.Queries.OfficeAsync(Offices.ChiefOfJointStaff, Day("2010-01-01"))).Office.Holder.ShouldNotBeNull();
        holder.Certainty.ShouldBe(Certainty.Possible);

        var zhasuzakov = (await db.Chronicle.Queries.OfficeAsync(Offices.ChiefOfJointStaff, Day("2012-08-28"))).Office.Holder.ShouldNotBeNull();
        zhasuzakov.PersonId.ShouldBe("saken-zhasuzakov");
        zhasuzakov.Certainty.ShouldBe(Certainty.Certain);
    }

    [Fact]
    public async Task Before_the_Council_decided_on_a_Joint_Staff_it_has_no_chief()
    {
        (await db.Chronicle.Queries.OfficeAsync(Offices.ChiefOfJointStaff, Day("2003-04-27"))).Office.Holder.ShouldBeNull();
    }

    [Fact]
    public async Task Every_office_on_a_day_answers_the_Secretary_General_first_and_the_same_holder_as_its_own_query()
    {
        var answer = await db.Chronicle.Queries.OfficesAsync(Day("2017-03-01"));

        answer.Offices.Select(o => o.Office).ShouldBe(["secretary-general", "chief-of-joint-staff", "commander-peacekeeping-forces-kazakhstan-2022"]);
        answer.Offices[2].Holder.ShouldBeNull();
        answer.Offices[0].Holder.ShouldNotBeNull().PersonId.ShouldBe("valery-semerikov");
        answer.Offices[1].Holder.ShouldNotBeNull().PersonId.ShouldBe("anatoly-sidorov");
        answer.Offices[0].Holder.ShouldBeEquivalentTo((await db.Chronicle.Queries.SecretaryGeneralAsync(Day("2017-03-01"))).Holder);
    }

    [Fact]
    public async Task The_Secretary_General_answers_no_other_office_s_holder()
    {
        // Both offices' claims share one table: the Secretary General's answers and changes read only its own.
        var changes = await db.Chronicle.Queries.ChangesAsync(Day("2015-01-01"), Day("2015-12-31"));

        changes.Changes.ShouldNotContain(c => c.Entity == "anatoly-sidorov");
    }

    [Theory]
    [InlineData("2022-01-05", null, null)]
    [InlineData("2022-01-06", "andrei-serdyukov", Certainty.Possible)]   // appointed 6 or 7 January (armradio, rbc-2022-01-07)
    [InlineData("2022-01-10", "andrei-serdyukov", Certainty.Certain)]
    [InlineData("2022-01-15", "andrei-serdyukov", Certainty.Possible)]   // the command ended 13-19 January (interfax, tass-2022-01-19)
    [InlineData("2022-01-20", null, null)]
    public async Task The_commander_of_the_peacekeeping_forces_in_Kazakhstan_held_the_command_only_in_January_2022(
        string day, string? personId, Certainty? certainty)
    {
        var holder = (await db.Chronicle.Queries.OfficeAsync(Offices.CommanderPeacekeepingForcesKazakhstan2022, Day(day))).Office.Holder;

        holder?.PersonId.ShouldBe(personId);
        holder?.Certainty.ShouldBe(certainty!.Value);
        if (personId is null) holder.ShouldBeNull();
    }

    [Fact]
    public async Task An_unknown_office_is_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() => db.Chronicle.Queries.OfficeAsync("commander-in-chief", Day("2017-03-01")));
    }
}
