using System.Diagnostics;
using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;
using CstoChronicle.Api.Tests.Platform;
using Npgsql;

namespace CstoChronicle.Api.Tests.Operations;

/// <summary>
/// scripts/backup.sh (what ./run.sh backup and restore run): a backup restored into a fresh database answers the same
/// point-in-time questions, before and after a later write, at the same positions, and its events hash the same.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_answers_the_same_questions_at_the_same_positions()
    {
        await using var original = new ChronicleApiFactory();
        await original.InitializeAsync();
        await MarkPassesAsync(original, await original.HeadPositionAsync());
        var before = Instant(DateTimeOffset.UtcNow);
        await Task.Delay(50);
        var editor = original.CreateEditorClient();
        var written = await editor.PostJsonAsync("/api/v1/events", Facts.Suspension("ARM", "2030-01-01"));
        written.StatusCode.ShouldBe(HttpStatusCode.Created);
        var position = (await written.ReadJsonAsync()).GetProperty("position").GetInt64();
        // knownAt resolves through the high-water mark's log: past the write's position, "after" knows it.
        await MarkPassesAsync(original, position);
        await Task.Delay(50);
        var after = Instant(DateTimeOffset.UtcNow);
        string[] questions =
        [
            $"/api/v1/members?asOf=2030-06-01&knownAt={before}",
            $"/api/v1/members?asOf=2030-06-01&knownAt={after}",
            $"/api/v1/members?asOf=2006-12-31&knownAt={after}",
            $"/api/v1/offices/secretary-general?asOf=2017-03-01&knownAt={after}",
            $"/api/v1/chairmanship?asOf=2009-01-01&knownAt={after}",
            $"/api/v1/timeline?entity=ARM&limit=50&knownAt={after}",
        ];
        var answers = await AskAsync(original.CreateClient(), questions);
        answers[0].ShouldNotBe(answers[1], "the later suspension changes the answer known after it");

        var file = Path.Combine(Path.GetTempPath(), $"chronicle-backup-{Guid.NewGuid():N}.dump");
        var database = "t_restore_" + Guid.NewGuid().ToString("N")[..12];
        var restored = new NpgsqlConnectionStringBuilder(original.ConnectionString) { Database = database }.ConnectionString;
        await ExecuteAsync(original.ConnectionString, $"CREATE DATABASE {database}");
        try
        {
            var backup = await BackupScriptAsync(original.ConnectionString, original.Schema, "backup", file);
            var restore = await BackupScriptAsync(restored, original.Schema, "restore", file);
            restore.ShouldBe(backup, "the restored events hash as the backed-up ones");
            restore.ShouldStartWith("events=");
            (await BackupScriptAsync(restored, original.Schema, "restore", file, expectFailure: true)).ShouldBeEmpty("a second restore over events is refused");

            await using (var copy = ChronicleApiFactory.WithConfiguration(new()
            {
                ["ConnectionStrings:Chronicle"] = restored,
                ["Chronicle:Schema"] = original.Schema,
                ["Chronicle:ImportDataset"] = "false",
            }))
            {
                var again = await AskAsync(copy.CreateClient(), questions);
                for (var i = 0; i < questions.Length; i++) again[i].ShouldBe(answers[i], questions[i]);
            }
        }
        finally
        {
            File.Delete(file);
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(original.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static Task MarkPassesAsync(ChronicleApiFactory api, long position) =>
        Eventually.HoldsAsync(async () => await api.ScalarAsync<long?>(
            "SELECT last_seq_id FROM {schema}.mt_event_progression WHERE name = 'HighWaterMark'") >= position, $"the high-water mark to pass {position}");

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

    private static async Task<List<string>> AskAsync(HttpClient client, string[] questions)
    {
        var answers = new List<string>();
        foreach (var question in questions)
        {
            var response = await client.GetAsync(question);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            answers.Add(body);
        }
        return answers;
    }

    /// <summary>Runs scripts/backup.sh; its standard output is the digest line (events, position, mark, hash).</summary>
    private static async Task<string> BackupScriptAsync(string connectionString, string schema, string command, string file, bool expectFailure = false)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var arg in new[] { Path.Combine(Repository.Root, "scripts", "backup.sh"), command, file }) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Chronicle"] = connectionString;
        start.Environment["Chronicle__Schema"] = schema;
        start.Environment.Remove("ConnectionStrings__ChronicleOwner");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WithinLimit($"backup.sh {command}");
        (process.ExitCode != 0).ShouldBe(expectFailure, await error);
        return (await output).Trim();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
