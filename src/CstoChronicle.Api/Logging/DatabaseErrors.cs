using System.Net.Sockets;
using Npgsql;

namespace CstoChronicle.Api.Logging;

/// <summary>Whether an exception means PostgreSQL cannot be reached or refuses connections: an outage, not a bug.</summary>
public static class DatabaseErrors
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => IsUnavailableState(postgres.SqlState) || Inner(postgres),
        NpgsqlException { IsTransient: true } => true,
        SocketException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ => Inner(exception),
    };

    // 08: connection exceptions; 53300: too many connections; 57P01-57P03: shut down, crash, cannot connect now.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "53300" or "57P01" or "57P02" or "57P03";

    private static bool Inner(Exception exception) => exception.InnerException is { } inner && IsUnavailable(inner);
}
