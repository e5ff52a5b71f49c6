using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;

namespace CstoChronicle.Domain.Queries;

public sealed partial class ChronicleQueries
{
    /// <summary>
    /// The whole history of the asked views as periods, as recorded by <paramref name="knownAt"/>: every view read in
    /// one snapshot, so the lanes agree with each other and with the position answered.
    /// </summary>
    public async Task<PeriodsAnswer> PeriodsAsync(IReadOnlyCollection<PeriodView> views, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        var asked = PeriodViews.All.Where(views.Contains).ToList();
        await using var snapshot = await OpenAsync(knownAt, ct);
        var lanes = new List<PeriodLane>();
        foreach (var view in asked)
        {
            lanes.AddRange(view switch
            {
                PeriodView.Membership => PeriodLanes.Membership(await ClaimReader.MembershipAsync(snapshot, ct)),
                PeriodView.SecretaryGeneral => PeriodLanes.SecretaryGeneral(await ClaimReader.SecretaryGeneralAsync(snapshot, ct)),
                PeriodView.Chairmanship => PeriodLanes.Chairmanship(await ClaimReader.ChairmanshipAsync(snapshot, ct)),
                PeriodView.Bodies => PeriodLanes.Bodies(await ClaimReader.BodiesAsync(snapshot, ct)),
                PeriodView.Documents => PeriodLanes.Documents(await ClaimReader.DocumentsAsync(snapshot, ct)),
                _ => throw new ArgumentOutOfRangeException(nameof(view)),
            });
        }
        return new PeriodsAnswer(Basis(snapshot, null, knownAt), asked, lanes);
    }
}
