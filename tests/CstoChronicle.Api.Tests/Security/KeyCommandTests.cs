using System.Net;
using CstoChronicle.Api.Security;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Security;

/// <summary>The create-key / revoke-key commands, run as a separate process against the factory's schema.</summary>
public sealed class KeyCommandTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    [Fact]
    public async Task Create_key_prints_the_key_once_stores_only_its_hash_and_the_key_writes()
    {
        var created = await ApiCommand.RunAsync(factory, "create-key", "--name", "dave", "--role", "editor");

        created.ExitCode.ShouldBe(0, created.Error);
        var key = created.Output.Trim();
        key.ShouldStartWith(ApiKeyText.Prefix);
        created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        created.Error.ShouldNotContain(key);
        (await factory.ScalarAsync<string>("SELECT key_hash FROM {schema}.api_keys WHERE name = 'dave'")).ShouldBe(ApiKeyText.Hash(key));
        (await factory.ScalarAsync<long>("SELECT count(*) FROM {schema}.api_keys WHERE key_hash = $1", key)).ShouldBe(0);

        var write = await factory.CreateClientWithKey(key).PostJsonAsync("/api/v1/sources", Facts.Source("dave-source"));
        write.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await write.ReadJsonAsync()).GetProperty("recordedBy").GetString().ShouldBe("dave");

        var revoked = await ApiCommand.RunAsync(factory, "revoke-key", "--name", "dave");
        revoked.ExitCode.ShouldBe(0, revoked.Error);
        await (await factory.CreateClientWithKey(key).PostJsonAsync("/api/v1/sources", Facts.Source("dave-source-2")))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_taken_name_an_unknown_role_or_a_bad_name_fail_without_printing_a_key()
    {
        (await ApiCommand.RunAsync(factory, "create-key", "--name", "erin", "--role", "editor")).ExitCode.ShouldBe(0);
        foreach (var args in new[] { new[] { "create-key", "--name", "erin", "--role", "editor" },
                     ["create-key", "--name", "frank", "--role", "root"], ["create-key", "--name", "Bad Name!", "--role", "editor"] })
        {
            var result = await ApiCommand.RunAsync(factory, args);
            result.ExitCode.ShouldNotBe(0);
            result.Output.ShouldBeEmpty();
            result.Error.ShouldStartWith("error:");
        }
    }

    [Fact]
    public async Task A_name_the_rules_refuse_is_named_as_refused_not_as_missing()
    {
        var refused = await ApiCommand.RunAsync(factory, "create-key", "--name", "Bob", "--role", "editor");
        refused.ExitCode.ShouldNotBe(0);
        refused.Error.ShouldContain("--name 'Bob' is not a key name");
        refused.Error.ShouldContain("--name bob");
        refused.Error.ShouldNotContain("required");

        var missing = await ApiCommand.RunAsync(factory, "create-key", "--role", "editor");
        missing.Error.ShouldContain("--name is required");
    }

    [Fact]
    public async Task Hash_only_stores_nothing_and_prints_the_settings_for_configuration()
    {
        var result = await ApiCommand.RunAsync(factory, "create-key", "--name", "gina", "--role", "admin", "--hash-only");

        result.ExitCode.ShouldBe(0, result.Error);
        var key = result.Output.Trim();
        result.Error.ShouldContain($"Chronicle__ApiKeys__N__Hash={ApiKeyText.Hash(key)}");
        result.Error.ShouldContain("Chronicle__ApiKeys__N__Role=admin");
        (await factory.ScalarAsync<long>("SELECT count(*) FROM {schema}.api_keys WHERE name = 'gina'")).ShouldBe(0);
    }

}
