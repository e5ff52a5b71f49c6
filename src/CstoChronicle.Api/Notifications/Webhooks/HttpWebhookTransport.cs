using System.Net;
using System.Net.Sockets;
using System.Text;
using CstoChronicle.Api.Notifications.CloudEvents;
using CstoChronicle.Api.Notifications.Webhooks.Storage;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>
/// Sends a delivery as an HTTP POST of its CloudEvent, signed per Standard Webhooks. 2xx is delivered,
/// 410 is gone, anything else (or no answer in time) failed, with the receiver's Retry-After if any.
/// Redirects are not followed and no proxy is used (a system proxy would be connected to instead of the target,
/// past the address check), and unless private targets are allowed the connection itself refuses
/// non-public addresses, whatever the name resolved to when the subscription was made.
/// </summary>
public sealed class HttpWebhookTransport : IDeliveryTransport, IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    public HttpWebhookTransport(IOptions<WebhookSettings> settings, TimeProvider time)
    {
        _time = time;
        _timeout = settings.Value.Timeout;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = settings.Value.Timeout,
        };
        if (!settings.Value.AllowPrivateTargets) handler.ConnectCallback = ConnectToPublicAddressAsync;
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("CstoChronicle-Webhooks/1.0");
    }

    public async Task<DeliveryResult> SendAsync(DeliveryRequest request, CancellationToken ct)
    {
        var messageId = request.MessageId.ToString();
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Target)
        {
            Content = new StringContent(request.Payload, Encoding.UTF8, CloudEventJson.MediaType),
        };
        message.Headers.Add(WebhookSignature.IdHeader, messageId);
        message.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(request.Secret, messageId, timestamp, request.Payload));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return DeliveryResult.Delivered(status);
            if (response.StatusCode == HttpStatusCode.Gone) return new DeliveryResult(DeliveryOutcome.Gone, status);
            return new DeliveryResult(DeliveryOutcome.Failed, status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), RetryAfter(response));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Failed, Error: $"No answer within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult(DeliveryOutcome.Failed, Error: e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(PublicAddress.IsPublic).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"The target host '{context.DnsEndPoint.Host}' does not resolve to a public address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();
}
