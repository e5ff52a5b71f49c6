using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>
/// The state of one entity on a day, from its transitions in historical order, with partial dates: a transition whose
/// date is wholly on or before the day has certainly happened, one whose date only begins by then possibly has.
/// </summary>
public static class Succession
{
    /// <summary>
    /// The last transition that (possibly) happened decides the state. When that transition only possibly happened and
    /// leads to absence, the entity was possibly still in the state before it, so that state is answered as possible.
    /// Null when the entity was certainly absent or nothing had happened yet.
    /// </summary>
    public static Standing<T>? At<T>(IReadOnlyList<Transition<T>> inHistoricalOrder, DateOnly day)
    {
        var happened = inHistoricalOrder.Where(t => t.On.IsOnOrBefore(day) != Certainty.No).ToList();
        if (happened.Count == 0) return null;

        var last = happened.Count - 1;
        var certainty = happened[last].On.IsOnOrBefore(day);
        var current = last;
        while (current >= 0 && happened[current].State is null)
        {
            if (happened[current].On.IsOnOrBefore(day) == Certainty.Certain) return null;
            certainty = Certainty.Possible;
            current--;
        }
        if (current < 0) return null;

        var first = current;
        while (first > 0 && Equals(happened[first - 1].State, happened[current].State)) first--;

        var eventIds = happened[first..].SelectMany(t => t.EventIds).Distinct().ToList();
        return new Standing<T>(happened[current].State, happened[first].On, certainty, eventIds);
    }
}
