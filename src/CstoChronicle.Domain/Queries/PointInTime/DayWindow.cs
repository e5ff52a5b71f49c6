using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>Whether a historical date falls within the days asked (an open side is unbounded).</summary>
public static class DayWindow
{
    /// <summary>Certain when every day the date may mean lies within, possible when only some do, no when none.</summary>
    public static Certainty Holds(HistoricalDate on, DateOnly? from, DateOnly? to)
    {
        var start = from ?? DateOnly.MinValue;
        var end = to ?? DateOnly.MaxValue;
        return on.Latest < start || on.Earliest > end ? Certainty.No
            : on.Earliest >= start && on.Latest <= end ? Certainty.Certain
            : Certainty.Possible;
    }
}
