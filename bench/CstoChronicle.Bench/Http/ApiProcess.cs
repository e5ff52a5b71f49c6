using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CstoChronicle.Bench.Http;

/// <summary>
/// The API as its own process (the built CstoChronicle.Api.dll), so its memory can be read from
/// /proc apart from the load generator's.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>From the start of the process to its first 200 on /health/ready (schema, Marten's daemon, Wolverine and all).</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>The API process's connection pool: with the bench's own 55 it stays under PostgreSQL's default 100.</summary>
    public const int PoolSize = 40;

    /// <summary>The pool of each of two API processes running at once (20 + 20 + the bench's 55 stay under 100).</summary>
    public const int PairPoolSize = 20;

    public static async Task<ApiProcess> StartAsync(string apiDll, string connectionString, string schema, IReadOnlyDictionary<string, string>? settings = null,
        int poolSize = PoolSize)
    {
        if (!File.Exists(apiDll))
            throw new FileNotFoundException($"The API is not built at {apiDll}; bench/run.sh builds it (dotnet build src/CstoChronicle.Api -c Release).");
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(apiDll)])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(apiDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Chronicle"] =
            new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = poolSize }.ConnectionString;
        start.Environment["Chronicle__Schema"] = schema;
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API process.");
        // Drain its output so a full pipe never blocks it; pass on what it logs as an error.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.Contains("\"level\":\"error\"", StringComparison.Ordinal) || line.Contains("\"level\":\"critical\"", StringComparison.Ordinal)))
                Console.Error.WriteLine("api: " + line);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("api: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new ApiProcess(process, baseAddress);
        await api.WaitUntilReadyAsync();
        api.ReadyAfter = Stopwatch.GetElapsedTime(started);
        return api;
    }

    /// <summary>Resident and peak resident memory of the API process, in MiB (Linux /proc).</summary>
    public (double ResidentMiB, double PeakMiB) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Read(string key) =>
            status.Where(line => line.StartsWith(key + ":", StringComparison.Ordinal))
                .Select(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0)
                .FirstOrDefault();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    /// <summary>CPU time (user and system) the API process has used so far (Linux /proc).</summary>
    public TimeSpan CpuTime() =>
        Measurement.CpuMeter.ProcessTime(_process.Id) ?? throw new InvalidOperationException($"/proc/{_process.Id}/stat could not be read.");

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The API process exited with code {_process.ExitCode} while starting.");
            try
            {
                if ((await client.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException("The API process did not become ready within 3 minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
