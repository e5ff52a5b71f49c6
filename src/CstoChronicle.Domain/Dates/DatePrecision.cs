namespace CstoChronicle.Domain.Dates;

/// <summary>The unit a historical date is written to: a whole year, a month or a single day.</summary>
public enum DatePrecision
{
    Day = 0,
    Month = 1,
    Year = 2,
}
