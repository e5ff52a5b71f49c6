using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>The names of the period views as the API writes them (as in its paths: <c>secretary-general</c>).</summary>
public static class PeriodViews
{
    public static readonly IReadOnlyList<PeriodView> All = Enum.GetValues<PeriodView>();

    public static string Name(PeriodView view) => view switch
    {
        PeriodView.Membership => "membership",
        PeriodView.SecretaryGeneral => "secretary-general",
        PeriodView.Chairmanship => "chairmanship",
        PeriodView.Bodies => "bodies",
        PeriodView.Documents => "documents",
        _ => throw new ArgumentOutOfRangeException(nameof(view)),
    };

    public static bool TryParse(string name, out PeriodView view)
    {
        foreach (var candidate in All)
        {
            if (!string.Equals(Name(candidate), name, StringComparison.Ordinal)) continue;
            view = candidate;
            return true;
        }
        view = default;
        return false;
    }
}
