using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace DhrTracker.DataGenerator;

/// <summary>
/// Where generated rows go. EF change tracking is far too slow for millions of rows, so each provider gets its
/// own bulk path: prepared INSERTs in large transactions for SQLite, SqlBulkCopy for SQL Server.
/// </summary>
public interface IRowSink : IAsyncDisposable
{
    Task OpenAsync(IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken);

    /// <summary>Writes <see cref="TableSpec.Values"/> as one row.</summary>
    void Write(TableSpec table);

    /// <summary>Called between partnerships: commits or flushes when enough rows are pending.</summary>
    Task CheckpointAsync(CancellationToken cancellationToken);

    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>
/// SQLite: one connection, one prepared INSERT per table, a transaction per ~250,000 rows. The migration's
/// indexes are dropped while loading and re-created from their own SQL afterwards (building an index over
/// sorted data is much faster than maintaining it row by row).
/// </summary>
public sealed class SqliteSink(string connectionString) : IRowSink
{
    private const int RowsPerTransaction = 250_000;
    private readonly Dictionary<TableSpec, SqliteCommand> _inserts = [];
    private readonly List<(string Name, string Sql)> _droppedIndexes = [];
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private long _pending;

    public async Task OpenAsync(IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await _connection.OpenAsync(cancellationToken);
        await ExecuteAsync("PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144;", cancellationToken);

        foreach (var table in tables)
        {
            await CheckSchemaAsync(table, cancellationToken);
        }

        var names = string.Join(",", tables.Select(t => $"'{t.Name}'"));
        await using (var list = _connection.CreateCommand())
        {
            list.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                _droppedIndexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in _droppedIndexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"", cancellationToken);
        }

        _transaction = _connection.BeginTransaction();
        foreach (var table in tables)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < table.Columns.Count; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
            }

            command.Prepare();
            _inserts[table] = command;
        }
    }

    /// <summary>Fails clearly when the schema has moved on: a column gone, or a new required column the generator does not fill.</summary>
    private async Task CheckSchemaAsync(TableSpec table, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, (bool NotNull, bool HasDefault, bool Key)>(StringComparer.OrdinalIgnoreCase);
        await using (var info = _connection!.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info('{table.Name}')";
            await using var reader = await info.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns[reader.GetString(1)] = (reader.GetInt32(3) == 1, !reader.IsDBNull(4), reader.GetInt32(5) > 0);
            }
        }

        SchemaCheck.Verify(table, columns);
    }

    public void Write(TableSpec table)
    {
        var command = _inserts[table];
        var values = table.Values;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
        _pending++;
    }

    public Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (_pending >= RowsPerTransaction)
        {
            Renew();
        }

        return Task.CompletedTask;
    }

    private void Renew()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = _connection!.BeginTransaction();
        foreach (var command in _inserts.Values)
        {
            command.Transaction = _transaction;
        }

        _pending = 0;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
        foreach (var (_, sql) in _droppedIndexes)
        {
            await ExecuteAsync(sql, cancellationToken);
        }

        _droppedIndexes.Clear();
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection!.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _inserts.Values)
        {
            await command.DisposeAsync();
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}

/// <summary>
/// SQL Server: rows are buffered per table and sent with SqlBulkCopy (explicit identity values, constraints
/// checked so foreign keys stay trusted), every table in foreign-key order at each flush.
/// </summary>
public sealed class SqlServerSink(string connectionString) : IRowSink
{
    private const int RowsPerFlush = 100_000;
    private readonly Dictionary<TableSpec, DataTable> _buffers = [];
    private IReadOnlyList<TableSpec> _tables = [];
    private SqlConnection? _connection;
    private long _pending;

    public async Task OpenAsync(IReadOnlyList<TableSpec> tables, CancellationToken cancellationToken)
    {
        _tables = tables;
        _connection = new SqlConnection(connectionString);
        await _connection.OpenAsync(cancellationToken);
        foreach (var table in tables)
        {
            var columns = new Dictionary<string, (bool NotNull, bool HasDefault, bool Key)>(StringComparer.OrdinalIgnoreCase);
            await using (var info = _connection.CreateCommand())
            {
                info.CommandText = """
                    SELECT c.COLUMN_NAME, CASE WHEN c.IS_NULLABLE = 'NO' THEN 1 ELSE 0 END, CASE WHEN c.COLUMN_DEFAULT IS NULL THEN 0 ELSE 1 END,
                           COLUMNPROPERTY(OBJECT_ID(QUOTENAME(c.TABLE_SCHEMA) + '.' + QUOTENAME(c.TABLE_NAME)), c.COLUMN_NAME, 'IsIdentity')
                    FROM INFORMATION_SCHEMA.COLUMNS c WHERE c.TABLE_NAME = @t
                    """;
                info.Parameters.AddWithValue("@t", table.Name);
                await using var reader = await info.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    columns[reader.GetString(0)] = (reader.GetInt32(1) == 1, reader.GetInt32(2) == 1, !reader.IsDBNull(3) && reader.GetInt32(3) == 1);
                }
            }

            SchemaCheck.Verify(table, columns);
            var buffer = new DataTable(table.Name);
            foreach (var column in table.Columns)
            {
                buffer.Columns.Add(column.Name, column.Type switch
                {
                    ColumnType.Int => typeof(int),
                    ColumnType.Bool => typeof(bool),
                    ColumnType.Date or ColumnType.DateTime => typeof(DateTime),
                    _ => typeof(string),
                });
            }

            _buffers[table] = buffer;
        }
    }

    public void Write(TableSpec table)
    {
        var values = table.Values;
        var row = new object[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            row[i] = values[i] switch
            {
                null => DBNull.Value,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                var v => v,
            };
        }

        _buffers[table].Rows.Add(row);
        _pending++;
    }

    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (_pending >= RowsPerFlush)
        {
            await FlushAsync(cancellationToken);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await using var transaction = (SqlTransaction)await _connection!.BeginTransactionAsync(cancellationToken);
        foreach (var table in _tables)
        {
            var buffer = _buffers[table];
            if (buffer.Rows.Count == 0)
            {
                continue;
            }

            using var copy = new SqlBulkCopy(_connection, SqlBulkCopyOptions.KeepIdentity | SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.TableLock, transaction)
            {
                DestinationTableName = $"[{table.Name}]",
                BatchSize = 0,
                BulkCopyTimeout = 0,
            };
            foreach (var column in table.Columns)
            {
                copy.ColumnMappings.Add(column.Name, column.Name);
            }

            await copy.WriteToServerAsync(buffer, cancellationToken);
            buffer.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        _pending = 0;
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}

internal static class SchemaCheck
{
    public static void Verify(TableSpec table, IReadOnlyDictionary<string, (bool NotNull, bool HasDefault, bool Key)> actual)
    {
        if (actual.Count == 0)
        {
            throw new GeneratorException($"Table {table.Name} is not in the database: the schema has changed. Update DhrTracker.DataGenerator/Tables.cs.");
        }

        var missing = table.Columns.Where(c => !actual.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        var unfilled = actual.Where(a => a.Value.NotNull && !a.Value.HasDefault && table.Columns.All(c => !string.Equals(c.Name, a.Key, StringComparison.OrdinalIgnoreCase)))
            .Select(a => a.Key).ToList();
        if (missing.Count > 0 || unfilled.Count > 0)
        {
            throw new GeneratorException(
                $"The schema of {table.Name} has changed: " +
                (missing.Count > 0 ? $"no column {string.Join(", ", missing)}; " : string.Empty) +
                (unfilled.Count > 0 ? $"required column(s) {string.Join(", ", unfilled)} not generated; " : string.Empty) +
                "update DhrTracker.DataGenerator/Tables.cs and NationalDataGenerator.cs.");
        }
    }
}
