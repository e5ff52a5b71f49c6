namespace CstoChronicle.Api.OpenApi;

/// <summary>Endpoint metadata: an example body for one status code, shown in the OpenAPI document.</summary>
public sealed record ResponseExample(int Status, object Example);

public static class ResponseExampleExtensions
{
    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder builder, int status, object example) =>
        builder.WithMetadata(new ResponseExample(status, example));
}
