using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Platform;

/// <summary>
/// Production starts with Marten's auto-create off: the schema is applied by <c>apply-schema</c> first. Without it the
/// service refuses to serve from missing tables; with it, it serves the dataset.
/// </summary>
public sealed class SchemaCommandTests
{
    private static readonly Dictionary<string, string?> Production = new() { ["Chronicle:AutoCreateSchema"] = "false" };

    [Fact]
    public async Task With_auto_create_off_the_service_serves_once_apply_schema_has_run()
    {
        await using var api = ChronicleApiFactory.WithConfiguration(Production);

        var applied = await ApiCommand.RunAsync(api, "apply-schema");
        applied.ExitCode.ShouldBe(0, applied.Error);
        applied.Error.ShouldContain($"Schema {api.Schema} is up to date");
        var again = await ApiCommand.RunAsync(api, "apply-schema");
        again.ExitCode.ShouldBe(0, again.Error);

        var members = await api.CreateClient().GetJsonAsync("/api/v1/members?asOf=2006-12-31");
        members.GetProperty("members").GetArrayLength().ShouldBeGreaterThan(5);
        var rebuilt = await ApiCommand.RunAsync(api, "rebuild-projections");
        rebuilt.ExitCode.ShouldBe(0, rebuilt.Error);
        (await api.CreateClient().GetJsonAsync("/api/v1/members?asOf=2006-12-31")).GetProperty("members").GetArrayLength()
            .ShouldBe(members.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task With_auto_create_off_and_no_schema_applied_the_service_does_not_start()
    {
        await using var api = ChronicleApiFactory.WithConfiguration(Production);

        Should.Throw<Exception>(() => api.CreateClient());
        (await api.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'mt_events'", api.Schema))
            .ShouldBe(0);
    }

}
