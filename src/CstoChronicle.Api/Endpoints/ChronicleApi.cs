using CstoChronicle.Api.Endpoints.Admin;
using CstoChronicle.Api.Endpoints.Events;
using CstoChronicle.Api.Endpoints.Periods;
using CstoChronicle.Api.Endpoints.PointInTime;
using CstoChronicle.Api.Endpoints.Sources;
using CstoChronicle.Api.Endpoints.Timeline;

namespace CstoChronicle.Api.Endpoints;

public static class ChronicleApi
{
    public const string Prefix = "/api/v1";

    /// <summary>The REST API v1 (DESIGN.md section 5): reads are public, writes need an editor or admin key.</summary>
    public static IEndpointRouteBuilder MapChronicleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.MapPointInTimeApi();
        api.MapTimelineApi();
        api.MapEventReadsApi();
        api.MapEventWritesApi();
        api.MapSourcesApi();
        api.MapApiKeysApi();
        api.MapPeriodsApi();
        return app;
    }
}
