using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Domain.Queries;

/// <summary>Typed query parameters; a null value still carries its PostgreSQL type.</summary>
internal static class Sql
{
    public static NpgsqlParameter Text(string? value) => Of(value, NpgsqlDbType.Text);
    public static NpgsqlParameter Texts(IReadOnlyCollection<string>? values) => Of(values?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
    public static NpgsqlParameter Day(DateOnly? value) => Of(value, NpgsqlDbType.Date);
    public static NpgsqlParameter Instant(DateTimeOffset? value) => Of(value?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
    public static NpgsqlParameter Id(Guid? value) => Of(value, NpgsqlDbType.Uuid);
    public static NpgsqlParameter Ids(IReadOnlyCollection<Guid> values) => Of(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
    public static NpgsqlParameter Number(long? value) => Of(value, NpgsqlDbType.Bigint);

    private static NpgsqlParameter Of(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
