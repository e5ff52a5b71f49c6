using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>The holder of an office held by one person at a time (the Secretary General's, and every other office's).</summary>
public static class SecretaryGeneralFold
{
    public sealed record Holder(string PersonId, string Name, string? State, bool Acting);

    public static OfficeHolder? HolderOn(IEnumerable<OfficeClaim> claims, DateOnly day)
    {
        var standing = Succession.At(Transitions(claims), day);
        return standing?.State is not { } holder
            ? null
            : new OfficeHolder(holder.PersonId, holder.Name, holder.State, holder.Acting, standing.Since, standing.Certainty, standing.EventIds);
    }

    /// <summary>
    /// The office as a succession: each appointment or acting designation replaces the holder; a term's end (stated, or
    /// the planned end of a term) leaves the office vacant only if it ends the one then holding it. A term's end is its
    /// holder's last day, so a day-precision end vacates the office the day after.
    /// </summary>
    public static IReadOnlyList<Transition<Holder?>> Transitions(IEnumerable<OfficeClaim> claims)
    {
        var steps = ClaimRanking.Select(claims, c => c.Version, c => (c.Change, c.PersonId))
            .SelectMany(WithPlannedEnd)
            .OrderBy(s => s.On.Earliest).ThenBy(s => s.On.Latest).ThenBy(s => s.Claim.Version.Position).ThenBy(s => s.IsPlannedEnd);

        var transitions = new List<Transition<Holder?>>();
        Holder? current = null;
        foreach (var step in steps)
        {
            var claim = step.Claim;
            if (step.IsPlannedEnd || claim.Change == OfficeChange.Ended)
            {
                if (current?.PersonId != claim.PersonId) continue;
                current = null;
            }
            else
            {
                current = new Holder(claim.PersonId, claim.Name ?? claim.PersonId, claim.State, claim.Change == OfficeChange.Acting);
            }
            transitions.Add(new Transition<Holder?>(step.On, current, claim.Version.EventIds));
        }
        return transitions;
    }

    private sealed record Step(OfficeClaim Claim, HistoricalDate On, bool IsPlannedEnd);

    private static IEnumerable<Step> WithPlannedEnd(OfficeClaim claim)
    {
        yield return new Step(claim, claim.Change == OfficeChange.Ended ? DayAfter(claim.Version.On) : claim.Version.On, false);
        if (claim.TermEnds is { } ends)
            yield return new Step(claim, DayAfter(ends), true);
    }

    /// <summary>The first day after a last day; a date coarser than a day is kept, so the vacancy is possible within it.</summary>
    private static HistoricalDate DayAfter(HistoricalDate lastDay) =>
        lastDay is { Precision: DatePrecision.Day, IsInterval: false } && lastDay.Latest < DateOnly.MaxValue
            ? HistoricalDate.FromDay(lastDay.Latest.AddDays(1))
            : lastDay;
}
