using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CstoChronicle.Api.Tests.Infrastructure;

/// <summary>Runs the API's built assembly as a separate process on a factory's database and schema: its commands, or a second node.</summary>
public static class ApiCommand
{
    /// <summary>A command (create-key, apply-schema, ...) run to its end: exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(ChronicleApiFactory api, params string[] args)
    {
        using var process = Process.Start(StartInfo(api, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A second API process serving the same schema; the caller kills or waits for it.</summary>
    public static Process StartNode(ChronicleApiFactory api, params string[] args)
    {
        var process = Process.Start(StartInfo(api, args))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A loopback port free at the moment, for a node's --urls.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(ChronicleApiFactory api, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Chronicle"] = api.ConnectionString;
        start.Environment["Chronicle__Schema"] = api.Schema;
        return start;
    }
}
