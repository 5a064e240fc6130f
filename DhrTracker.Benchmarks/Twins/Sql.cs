using Microsoft.Data.Sqlite;

namespace DhrTracker.Benchmarks.Twins;

/// <summary>The bare minimum over a plain <see cref="SqliteDataReader"/>: run a statement, read every row.</summary>
internal static class Sql
{
    public static async Task<SqliteConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }

    public static DateOnly Date(this SqliteDataReader r, int i) => r.GetFieldValue<DateOnly>(i);

    public static DateOnly? DateOrNull(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    public static DateTime? DateTimeOrNull(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDateTime(i);

    public static string? StringOrNull(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static int? IntOrNull(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    public static TEnum Enum<TEnum>(this SqliteDataReader r, int i)
        where TEnum : struct, System.Enum => System.Enum.Parse<TEnum>(r.GetString(i));

    public static TEnum? EnumOrNull<TEnum>(this SqliteDataReader r, int i)
        where TEnum : struct, System.Enum => r.IsDBNull(i) ? null : System.Enum.Parse<TEnum>(r.GetString(i));
}
