namespace CstoChronicle.Domain.Sources;

/// <summary>How a claim ranks beside conflicting claims about the same fact (as Wikidata ranks statements).</summary>
public enum ClaimRank
{
    Normal = 0,
    Preferred = 1,
    Deprecated = 2,
}
