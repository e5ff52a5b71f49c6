using System.Data.Common;
using Npgsql;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// How the chronicle's own connections talk to PostgreSQL. Marten sends its appends (one INSERT per event) and the
/// projection's statements unprepared, so PostgreSQL parses and plans the same few statements again for every event;
/// Npgsql's automatic preparation keeps the plans of the statements a connection repeats (docs/decisions/0006).
/// A connection string that sets these itself keeps its values.
/// </summary>
public static class ConnectionTuning
{
    /// <summary>Statements kept prepared per physical connection: enough for Marten's and the chronicle's hot statements.</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>A statement is prepared on its second use on a connection.</summary>
    public const int AutoPrepareMinUsages = 2;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("maxautoprepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        if (!keys.Contains("autoprepareminusages")) builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        return builder.ConnectionString;
    }
}
