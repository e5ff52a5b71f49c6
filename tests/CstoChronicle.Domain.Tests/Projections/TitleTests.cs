using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Projections;

/// <summary>Timeline titles name things: bodies, documents, persons and subjects by their names, never by their slugs.</summary>
public class TitleTests
{
    [Fact]
    public void A_session_is_titled_with_the_bodys_name()
    {
        TimelineEntry.TitleOf(new SessionHeld("collective-security-council", On("2009-02-04"), Cited, "Moscow", "Extraordinary session"))
            .ShouldBe("Extraordinary session of the Collective Security Council in Moscow");
        TimelineEntry.TitleOf(new SessionHeld("collective-security-council", On("2020-12-02"), Cited, "videoconference"))
            .ShouldBe("Session of the Collective Security Council by videoconference");
    }

    [Fact]
    public void A_document_entering_into_force_or_ratified_is_titled_with_the_documents_name()
    {
        TimelineEntry.TitleOf(new DocumentEnteredIntoForce("collective-security-treaty", On("1994-04-20"), Cited))
            .ShouldBe("Collective Security Treaty entered into force");
        TimelineEntry.TitleOf(new DocumentRatified("csto-charter", "KAZ", On("2003-07-01"), Cited))
            .ShouldBe("Charter of the Collective Security Treaty Organization ratified by Kazakhstan");
    }

    [Fact]
    public void The_end_of_a_term_is_titled_with_the_persons_name()
    {
        TimelineEntry.TitleOf(new SecretaryGeneralTermEnded("nikolai-bordyuzha", On("2016-12-31"), Cited))
            .ShouldBe("Term of Secretary General Nikolai Bordyuzha ended");
    }

    [Fact]
    public void A_figure_is_titled_with_its_subjects_name_and_its_comparator_in_words()
    {
        TimelineEntry.TitleOf(new FigureReported("crrf", "personnel", new Quantity(">", 25000, "personnel"), On("2018-02-02"), Cited))
            .ShouldBe("Collective Rapid Reaction Force, personnel: more than 25,000 personnel");
        TimelineEntry.TitleOf(new FigureReported("operation-kazakhstan-2022", "military personnel deployed", new Quantity("~", 2500, "peacekeepers"), On("2022-01"), Cited))
            .ShouldBe("CSTO peacekeeping operation in Kazakhstan (2022), military personnel deployed: about 2,500 peacekeepers");
    }

    [Fact]
    public void An_entity_outside_the_register_is_named_by_its_slug_in_words()
    {
        TimelineEntry.TitleOf(new BodyDissolved("working-group-on-something", On("2020"), Cited))
            .ShouldBe("working group on something dissolved");
    }
}
