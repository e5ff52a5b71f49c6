using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Domain.Projections;

/// <summary>One row to insert into a projection table, every value a typed parameter.</summary>
internal sealed class Row(string table)
{
    private readonly List<string> _columns = [];
    private readonly List<NpgsqlParameter> _values = [];

    public Row Text(string column, string? value) => Add(column, value, NpgsqlDbType.Text);
    public Row Uuid(string column, Guid? value) => Add(column, value, NpgsqlDbType.Uuid);
    public Row Bigint(string column, long value) => Add(column, value, NpgsqlDbType.Bigint);
    public Row Instant(string column, DateTimeOffset value) => Add(column, value, NpgsqlDbType.TimestampTz);
    public Row Date(string column, DateOnly? value) => Add(column, value, NpgsqlDbType.Date);
    public Row Jsonb(string column, string value) => Add(column, value, NpgsqlDbType.Jsonb);
    public Row TextArray(string column, IReadOnlyList<string>? values) => Add(column, values?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

    public async Task InsertAsync(EventStore.ProjectionContext context, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(InsertSql(context.Schema), context.Connection, context.Transaction);
        command.Parameters.AddRange(_values.ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The insert as one command of a <see cref="RowBatch"/>.</summary>
    public NpgsqlBatchCommand ToBatchCommand(string schema)
    {
        var command = new NpgsqlBatchCommand(InsertSql(schema));
        command.Parameters.AddRange(_values.ToArray());
        return command;
    }

    private string InsertSql(string schema) =>
        $"INSERT INTO {schema}.{table} ({string.Join(", ", _columns)}) VALUES ({string.Join(", ", _values.Select((_, i) => "$" + (i + 1)))})";

    private Row Add(string column, object? value, NpgsqlDbType type)
    {
        _columns.Add(column);
        _values.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        return this;
    }
}
