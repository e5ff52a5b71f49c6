using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace CstoChronicle.Api.Tests.Client;

/// <summary>Keeps the body of the last answer, as the generated client received it.</summary>
public sealed class WireCapture : DelegatingHandler
{
    public string LastBody { get; private set; } = "";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType is { } type && type.Contains("json", StringComparison.Ordinal))
        {
            LastBody = await response.Content.ReadAsStringAsync(cancellationToken);
            var copy = new StringContent(LastBody);
            copy.Headers.Clear();
            foreach (var header in response.Content.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = copy;
        }
        return response;
    }

    /// <summary>
    /// The generated client read every field of the answer: no field landed in AdditionalData (unknown to the
    /// document), and the model written back as JSON is the answer (nulls aside, which Kiota does not write,
    /// and instants compared as instants).
    /// </summary>
    public void ShouldHaveReadEveryField(object model)
    {
        NothingUnread(model, "$");
        using var writer = new JsonSerializationWriter();
        if (model is IEnumerable<IParsable> items) writer.WriteCollectionOfObjectValues(null, items);
        else writer.WriteObjectValue(null, (IParsable)model);
        using var reader = new StreamReader(writer.GetSerializedContent());
        var read = Normalize(JsonNode.Parse(reader.ReadToEnd()));
        var wire = Normalize(JsonNode.Parse(LastBody));
        JsonNode.DeepEquals(read, wire).ShouldBeTrue($"the client read\n{read?.ToJsonString()}\nthe wire carried\n{wire?.ToJsonString()}");
    }

    private static void NothingUnread(object? value, string path)
    {
        switch (value)
        {
            case null or string or UntypedNode: return;
            case IAdditionalDataHolder holder:
                holder.AdditionalData.Keys.ShouldBeEmpty($"{path}: fields the document does not describe");
                foreach (var property in value.GetType().GetProperties().Where(p => p.Name != nameof(IAdditionalDataHolder.AdditionalData) && p.GetIndexParameters().Length == 0))
                    if (property.PropertyType.Namespace?.StartsWith("System", StringComparison.Ordinal) != true || typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
                        NothingUnread(property.GetValue(value), $"{path}.{property.Name}");
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items) NothingUnread(item, $"{path}[{index++}]");
                return;
        }
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalize).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 10 && s[10] == 'T'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) =>
            JsonValue.Create(instant.UtcTicks),
        _ => node?.DeepClone(),
    };
}
