namespace CstoChronicle.Api.Http;

public static class Paging
{
    public const int MaxPageSize = 500;

    /// <summary>The limit parameter: 1 to 500, default <paramref name="defaultSize"/>.</summary>
    public static int PageSize(int? limit, int defaultSize) => limit switch
    {
        null => defaultSize,
        < 1 or > MaxPageSize => throw new ProblemException(Problems.InvalidParameter("limit", $"{limit} is out of range: 1 to {MaxPageSize}")),
        _ => limit.Value,
    };
}
