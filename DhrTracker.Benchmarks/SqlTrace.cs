using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DhrTracker.Benchmarks;

/// <summary>For --check --sql: prints every command EF runs with its duration, to see where a handler's time goes.</summary>
internal sealed class SqlTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public static bool Enabled { get; set; }

    public static IDisposable Start() => DiagnosticListener.AllListeners.Subscribe(new SqlTrace());

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // A reader's time runs from execution to disposal: SQLite evaluates correlated subqueries row by row while it is read.
        if (Enabled && value.Value is DataReaderDisposingEventData e)
        {
            Console.WriteLine($"  [{e.Duration.TotalMilliseconds,8:N1} ms, {e.ReadCount,6} rows] {e.Command.CommandText.ReplaceLineEndings(" ")[..Math.Min(400, e.Command.CommandText.Length)]}");
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
