namespace CstoChronicle.Domain.Dates;

/// <summary>How sure an answer is, given partial or uncertain dates.</summary>
public enum Certainty
{
    No = 0,
    Possible = 1,
    Certain = 2,
}
