using System.Diagnostics;
using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CstoChronicle.Api.Tests.Operations;

/// <summary>One write is one trace: the HTTP request, Marten's session on its connection, the SQL beneath it, and the webhook fan-out that follows.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task A_write_is_one_trace_spanning_the_request_the_marten_append_and_the_sql()
    {
        var exported = new List<Activity>();
        await using var factory = ChronicleApiFactory.WithConfiguration(new()
        {
            ["Chronicle:ImportDataset"] = "false",
            ["Chronicle:Telemetry:Tracing"] = "true",
        });
        var api = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported))));
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ChronicleApiFactory.EditorKey);

        var traceId = ActivityTraceId.CreateRandom();
        var response = await client.PostJsonAsync("/api/v1/sources", Facts.Source("traced-source"),
            ("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);

        // The write's trace goes on after the answer: Wolverine fans the event out in the same trace. A span is exported
        // when it ends, so a child can be exported before its parent; wait until the spans exported so far form a tree.
        List<Activity> trace = [];
        await Eventually.HoldsAsync(() =>
        {
            lock (exported) trace = exported.Where(a => a.TraceId == traceId).ToList();
            var spans = trace.Select(a => a.SpanId).ToHashSet();
            return trace.Any(a => a.Source.Name == "Microsoft.AspNetCore")
                   && trace.All(a => a.Source.Name == "Microsoft.AspNetCore" || spans.Contains(a.ParentSpanId));
        }, "the request's span, and the parent of every span exported so far, to be exported");

        var request = trace.Single(a => a.Source.Name == "Microsoft.AspNetCore");
        request.Kind.ShouldBe(ActivityKind.Server);
        request.GetTagItem("http.route").ShouldBe("/api/v1/sources/");
        var marten = trace.Where(a => a.Source.Name == "Marten").ToList();
        var sql = trace.Where(a => a.Source.Name == "Npgsql").ToList();
        marten.ShouldNotBeEmpty();
        sql.ShouldNotBeEmpty();
        sql.ShouldContain(a => (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? "").ToString()!.Contains("insert", StringComparison.OrdinalIgnoreCase));
        marten.ShouldAllBe(a => Descends(a, request, trace));
        sql.ShouldAllBe(a => Descends(a, request, trace));
        sql.ShouldContain(a => marten.Any(m => Descends(a, m, trace)), "some SQL runs inside Marten's session");
    }

    private static bool Descends(Activity child, Activity ancestor, List<Activity> trace)
    {
        for (var parent = child.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId) return true;
            var next = trace.FirstOrDefault(a => a.SpanId == parent);
            if (next is null) return false;
            parent = next.ParentSpanId;
        }
        return false;
    }
}
