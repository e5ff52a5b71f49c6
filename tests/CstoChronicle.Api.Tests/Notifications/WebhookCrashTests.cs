using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CstoChronicle.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>
/// The API as a process of its own, killed with SIGKILL while it has deliveries in flight and queued: nothing is handed
/// over, its connections just vanish. The next process must still deliver every event, from Wolverine's inbox.
/// </summary>
public sealed class WebhookCrashTests
{
    [Fact]
    public async Task Deliveries_in_flight_and_queued_when_the_process_is_killed_are_all_delivered_by_the_next_one()
    {
        await using var database = NotificationNode.WithSettings(new()
        {
            ["Chronicle:Webhooks:Concurrency"] = "2",
            ["Chronicle:Webhooks:DeadNodeTimeout"] = "00:00:04",
            ["Chronicle:Webhooks:NodeHealthCheckInterval"] = "00:00:01",
        }); // its schema and keys only: never started in this process
        await using var receiver = await WebhookReceiver.StartAsync();
        var hanging = new TaskCompletionSource<IResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Answer = (_, before) => before < 2 ? hanging.Task : Task.FromResult(Results.NoContent());

        var (first, firstApi) = await StartAsync(database);
        var eventIds = new List<string>();
        try
        {
            var subscribed = await firstApi.PostAsJsonAsync("/api/v1/subscriptions", new { url = receiver.Url });
            var subscription = JsonDocument.Parse(await subscribed.Content.ReadAsStringAsync()).RootElement;
            subscribed.StatusCode.ShouldBe(HttpStatusCode.Created, subscription.ToString());
            receiver.Secret = subscription.GetProperty("secret").GetString()!;
            for (var i = 0; i < 10; i++)
            {
                var written = await firstApi.PostJsonAsync("/api/v1/sources", Facts.Source($"crash-{i}-{Guid.NewGuid():N}"));
                var body = JsonDocument.Parse(await written.Content.ReadAsStringAsync()).RootElement;
                written.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
                eventIds.Add(body.GetProperty("eventId").GetString()!);
            }
            await Eventually.HoldsAsync(() => receiver.Received.Count >= 2, "two deliveries in flight");
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            first.Dispose();
        }
        var seenBeforeTheKill = receiver.Received.Count;
        hanging.TrySetResult(Results.StatusCode(StatusCodes.Status500InternalServerError));

        var (second, _) = await StartAsync(database);
        try
        {
            await Eventually.HoldsAsync(() => eventIds.All(id => receiver.Received.Skip(seenBeforeTheKill).Any(r => r.WebhookId == id)),
                "every event delivered by the next process");
            receiver.Received.ShouldAllBe(r => r.SignatureValid);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
            second.Dispose();
        }
    }

    private static async Task<(Process Process, HttpClient Editor)> StartAsync(NotificationNode database)
    {
        var url = $"http://127.0.0.1:{ApiCommand.FreePort()}";
        var process = ApiCommand.StartNode(database, [.. database.SettingsAsArguments(), "--urls", url, "--Logging:LogLevel:Default=Warning"]);
        var editor = new HttpClient { BaseAddress = new Uri(url) };
        editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChronicleApiFactory.EditorKey);
        await Eventually.HoldsAsync(async () =>
        {
            try { return (await editor.GetAsync("/health/ready")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, "the API process to be ready");
        return (process, editor);
    }

}
