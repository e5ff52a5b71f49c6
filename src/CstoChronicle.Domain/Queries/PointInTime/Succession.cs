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
    /// The state is certain when the last certainly-happened transition and every possible one after it lead to it.
    /// Null when the entity was certainly absent or nothing had happened yet.
    /// </summary>
    public static Standing<T>? At<T>(IReadOnlyList<Transition<T>> inHistoricalOrder, DateOnly day)
    {
        var happened = inHistoricalOrder.Where(t => t.On.IsOnOrBefore(day) != Certainty.No).ToList();
        var current = happened.Count - 1;
        while (current >= 0 && happened[current].State is null)
        {
            if (happened[current].On.IsOnOrBefore(day) == Certainty.Certain) return null;
            current--;
        }
        if (current < 0) return null;

        var state = happened[current].State;
        var lastCertain = happened.FindLastIndex(t => t.On.IsOnOrBefore(day) == Certainty.Certain);
        var certainty = lastCertain >= 0 && happened.Skip(lastCertain).All(t => Equals(t.State, state)) ? Certainty.Certain : Certainty.Possible;

        var first = current;
        while (first > 0 && Equals(happened[first - 1].State, state)) first--;

        var eventIds = happened[first..].SelectMany(t => t.EventIds).Distinct().ToList();
        return new Standing<T>(state, happened[first].On, certainty, eventIds);
    }
}
