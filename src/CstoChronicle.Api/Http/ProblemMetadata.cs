namespace CstoChronicle.Api.Http;

public static class ProblemMetadata
{
    /// <summary>Declares problem-details answers for the OpenAPI document (examples come from DocumentationFilter).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }
}
