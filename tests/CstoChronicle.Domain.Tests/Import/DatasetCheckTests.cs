using System.Text.RegularExpressions;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Names;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Queries.PointInTime;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Tests.Infrastructure;

namespace CstoChronicle.Domain.Tests.Import;

/// <summary>
/// The dataset's own rules (docs/data.md), checked on data/ without a database: every failure names the file and the fact.
/// </summary>
public partial class DatasetCheckTests
{
    private static readonly Dataset Dataset = DatasetReader.Read(WriteSideFixture.DatasetFolder);
    private static readonly DateOnly LastDay = new(2026, 12, 31);

    [Fact]
    public void Every_citation_has_a_quote_or_a_locator()
    {
        var bare = Dataset.Facts
            .SelectMany(f => f.Event.Sources.Where(c => string.IsNullOrWhiteSpace(c.Quote) && string.IsNullOrWhiteSpace(c.Locator))
                .Select(c => $"{f.File}: {f.Id}: {c.SourceId}"))
            .ToList();

        bare.ShouldBeEmpty();
    }

    [Fact]
    public void Every_entity_of_the_dataset_has_a_display_name()
    {
        var unnamed = Dataset.Facts
            .SelectMany(f => EntitySlugs(f.Event).Where(slug => !EntityNames.IsKnown(slug) && !StateNames.Codes.Contains(slug))
                .Select(slug => $"{f.File}: {f.Id}: {slug}"))
            .Distinct()
            .ToList();

        unnamed.ShouldBeEmpty();
    }

    [Fact]
    public void No_title_shows_a_slug()
    {
        var slugs = Dataset.Facts.SelectMany(f => EntitySlugs(f.Event)).Where(s => s.Contains('-')).ToHashSet();

        var slugged = Dataset.Facts
            .Select(f => (Fact: f, Title: TimelineEntry.TitleOf(f.Event)))
            .Where(t => slugs.Any(s => t.Title.Contains(s, StringComparison.Ordinal)) || SlugLike().IsMatch(t.Title))
            .Select(t => $"{t.Fact.File}: {t.Fact.Id}: \"{t.Title}\"")
            .ToList();

        slugged.ShouldBeEmpty();
    }

    [Fact]
    public void No_office_ever_has_two_holders_at_once()
    {
        var overlapping = Offices.All.SelectMany(office =>
        {
            var succession = InOrder(Dataset.Facts.Where(f => f.Event.StreamId == office));

            // Each step starts on or after the one before, and no one takes office before the sitting holder's fixed term ends.
            return succession.Zip(succession.Skip(1))
                .Where(pair => pair.Second.Event.On.Earliest < pair.First.Event.On.Latest
                    || (TermEnds(pair.First.Event) is { } ends && pair.Second.Event is not (SecretaryGeneralTermEnded or OfficeTermEnded)
                        && pair.Second.Event.On.Earliest <= ends.Latest))
                .Select(pair => $"{pair.Second.File}: {pair.Second.Id} ({pair.Second.Event.On}) overlaps {pair.First.Id} ({pair.First.Event.On})");
        }).ToList();

        overlapping.ShouldBeEmpty();
    }

    [Fact]
    public void Every_office_of_the_dataset_is_one_the_chronicle_answers()
    {
        var unknown = Dataset.Facts.Where(f => f.Event is OfficeHolderAppointed or ActingOfficeHolderDesignated or OfficeTermEnded)
            .Where(f => !Offices.Others.Contains(f.Event.StreamId))
            .Select(f => $"{f.File}: {f.Id}: {f.Event.StreamId}")
            .ToList();

        unknown.ShouldBeEmpty();
    }

    private static Domain.Dates.HistoricalDate? TermEnds(HistoricalEvent fact) => fact switch
    {
        SecretaryGeneralAppointed e => e.TermEnds,
        OfficeHolderAppointed e => e.TermEnds,
        _ => null,
    };

    [Fact]
    public void Handovers_of_the_chairmanship_follow_each_other_without_overlapping()
    {
        var handovers = InOrder(Dataset.Facts.Where(f => f.Event is ChairmanshipAssumed));

        var overlapping = handovers.Zip(handovers.Skip(1))
            .Where(pair => pair.Second.Event.On.Earliest <= pair.First.Event.On.Latest)
            .Select(pair => $"{pair.Second.File}: {pair.Second.Id} ({pair.Second.Event.On}) overlaps {pair.First.Id} ({pair.First.Event.On})")
            .ToList();

        overlapping.ShouldBeEmpty();
    }

    [Fact]
    public void Exactly_one_state_chairs_on_every_day_after_the_first_handover_and_none_before()
    {
        var claims = Dataset.Facts.Where(f => f.Event is ChairmanshipAssumed)
            .Select((f, i) => ChairClaim.From(ClaimVersion.Of(f.EventId, i + 1, f.Event), f.Event)!)
            .ToList();
        var first = claims.Where(c => c.Version.Rank != ClaimRank.Deprecated).Min(c => c.Version.On.Earliest);

        ChairmanshipFold.ChairOn(claims, first.AddDays(-1)).ShouldBeNull();
        var days = Enumerable.Range(0, LastDay.DayNumber - first.DayNumber + 1).Select(first.AddDays);
        days.Where(day => ChairmanshipFold.ChairOn(claims, day) is null).Select(day => day.ToString("yyyy-MM-dd")).ShouldBeEmpty();
    }

    [Fact]
    public void Every_handover_dated_to_the_day_before_2024_is_at_a_Council_session_or_on_its_eve()
    {
        // From 2024 the chairmanship runs by calendar year, decided at the session before.
        var sessions = Dataset.Facts.Select(f => f.Event).OfType<SessionHeld>()
            .Where(s => s.Body == "collective-security-council" && s.On.Earliest == s.On.Latest)
            .Select(s => s.On.Earliest).ToHashSet();

        var adrift = Dataset.Facts.Where(f => f.Event is ChairmanshipAssumed && f.Event.Rank != ClaimRank.Deprecated)
            .Where(f => f.Event.On.Earliest == f.Event.On.Latest && f.Event.On.Earliest.Year < 2024)
            .Where(f => !sessions.Contains(f.Event.On.Earliest) && !sessions.Contains(f.Event.On.Earliest.AddDays(1)))
            .Where(f => f.Event.Rank != ClaimRank.Normal || !f.Id.EndsWith("-claim", StringComparison.Ordinal))
            .Select(f => $"{f.File}: {f.Id} ({f.Event.On}) is on no session of the Collective Security Council")
            .ToList();

        adrift.ShouldBeEmpty();
    }

    private static List<DatasetFact> InOrder(IEnumerable<DatasetFact> facts) =>
        facts.Where(f => f.Event.Rank != ClaimRank.Deprecated)
            .OrderBy(f => f.Event.On.Earliest).ThenBy(f => f.Event.On.Latest)
            // Of two claims of one fact the preferred decides; a normal claim beside a preferred one is not a holder of its own.
            .GroupBy(f => (f.Event.GetType(), Key(f.Event)))
            .SelectMany(g => g.Any(f => f.Event.Rank == ClaimRank.Preferred) ? g.Where(f => f.Event.Rank == ClaimRank.Preferred) : g)
            .OrderBy(f => f.Event.On.Earliest).ThenBy(f => f.Event.On.Latest)
            .ToList();

    private static string Key(HistoricalEvent fact) => fact switch
    {
        ChairmanshipAssumed e => e.State + "@" + e.On.Earliest.Year,
        SecretaryGeneralAppointed e => e.PersonId + "@" + e.On.Earliest.Year,
        ActingSecretaryGeneralDesignated e => e.PersonId + "@" + e.On.Earliest.Year,
        SecretaryGeneralTermEnded e => e.PersonId + "@end",
        OfficeHolderAppointed e => e.PersonId + "@" + e.On.Earliest.Year,
        ActingOfficeHolderDesignated e => e.PersonId + "@" + e.On.Earliest.Year,
        OfficeTermEnded e => e.PersonId + "@end",
        _ => fact.StreamId,
    };

    /// <summary>Every entity slug a fact names: its stream and the entities its fields point at.</summary>
    private static IEnumerable<string> EntitySlugs(HistoricalEvent fact)
    {
        yield return fact.StreamId;
        switch (fact)
        {
            case DecisionAdopted { Document: { } document }: yield return document; break;
            case SecretaryGeneralTermEnded e: yield return e.PersonId; break;
            case SecretaryGeneralAppointed e: yield return e.PersonId; break;
            case ActingSecretaryGeneralDesignated e: yield return e.PersonId; break;
            case OfficeHolderAppointed e: yield return e.PersonId; break;
            case ActingOfficeHolderDesignated e: yield return e.PersonId; break;
            case OfficeTermEnded e: yield return e.PersonId; break;
        }
    }

    /// <summary>A lower-case word of three or more parts joined by hyphens, as slugs are written ("collective-security-council").</summary>
    [GeneratedRegex(@"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b")]
    private static partial Regex SlugLike();
}
