using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Tests.Infrastructure;
using CstoChronicle.Domain.Writing;

namespace CstoChronicle.Domain.Tests.Writing;

public class SourceRegistrationTests(WriteSideFixture db) : IClassFixture<WriteSideFixture>
{
    private static readonly Source Tass = new("tass-2012-12-19", "CSTO leaders suspend Uzbekistan's membership", "TASS (ITAR-TASS)",
        "http://tass.com/russia/687141", null, "2012-12-19", "en");

    [Fact]
    public async Task A_source_is_registered_in_a_stream_of_its_own()
    {
        var chronicle = await db.NewChronicleAsync(registerTestSource: false);

        var written = (await chronicle.Writer.RegisterSourceAsync(Tass, TestChronicle.Editor)).ShouldBeOfType<WriteOutcome.Written>();

        written.StreamId.ShouldBe("source-tass-2012-12-19");
        written.EventId.ShouldBe(DeterministicId.ForSourceRegistration(Tass.Id));
        EventTypeRegistry.Deserialize((await chronicle.Log.ReadEventAsync(written.EventId))!)
            .ShouldBeOfType<SourceRegistered>().Source.ShouldBe(Tass);
    }

    [Fact]
    public async Task Registering_the_same_source_again_is_an_idempotent_repeat()
    {
        var chronicle = await db.NewChronicleAsync(registerTestSource: false);
        var first = (await chronicle.Writer.RegisterSourceAsync(Tass, TestChronicle.Editor)).ShouldBeOfType<WriteOutcome.Written>();

        var again = await chronicle.Writer.RegisterSourceAsync(Tass with { }, "someone-else");

        again.ShouldBe(first with { AlreadyRecorded = true });
        (await chronicle.HeadAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Registering_an_id_again_with_other_content_is_refused()
    {
        var chronicle = await db.NewChronicleAsync(registerTestSource: false);
        await chronicle.Writer.RegisterSourceAsync(Tass, TestChronicle.Editor);

        var outcome = await chronicle.Writer.RegisterSourceAsync(Tass with { Title = "Another title" }, TestChronicle.Editor);

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("id"), e => e.Message.ShouldContain("already registered with other content"));
        (await chronicle.HeadAsync()).ShouldBe(1);
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "id", "Tass 2012" },
        { "id", "x" },
        { "title", "" },
        { "language", "English" },
        { "url", "tass.com/russia/687141" },
        { "url", "no url and no seed file" },
        { "published", "2012-12-32" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_source_that_cannot_be_found_or_cited_is_refused(string field, string value)
    {
        var chronicle = await db.NewChronicleAsync(registerTestSource: false);
        var source = (field, value) switch
        {
            ("id", _) => Tass with { Id = value },
            ("title", _) => Tass with { Title = value },
            ("language", _) => Tass with { Language = value },
            ("url", "no url and no seed file") => Tass with { Url = null },
            ("url", _) => Tass with { Url = value },
            _ => Tass with { Published = value },
        };

        var outcome = await chronicle.Writer.RegisterSourceAsync(source, TestChronicle.Editor);

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldContain(e => e.Field == field);
        (await chronicle.HeadAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_seed_file_is_as_good_as_a_url()
    {
        var chronicle = await db.NewChronicleAsync(registerTestSource: false);
        var seed = new Source("seed-000", "A seed", null, null, "000_c871690f80288987.txt", "2018-02-02", "en");

        (await chronicle.Writer.RegisterSourceAsync(seed, TestChronicle.Editor)).ShouldBeOfType<WriteOutcome.Written>();
    }
}
