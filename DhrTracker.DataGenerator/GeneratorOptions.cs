using System.Globalization;
using DhrTracker.Infrastructure.Data;

namespace DhrTracker.DataGenerator;

/// <summary>What to generate, and where.</summary>
public sealed record GeneratorOptions
{
    public const string Usage = """
        Generates national-size DhrTracker data (pseudonymous, deterministic for a seed).

          --provider Sqlite|SqlServer   the database provider (default Sqlite)
          --connection "..."            the connection string (required)
          --seed N                      the seed (default 42)
          --scale X                     1.0 = 300 partnerships, 5,000 reviews, 100,000 recommendations,
                                        200,000 actions, 600,000 milestones, 1,000,000 progress updates (default 1.0)
          --today yyyy-MM-dd            the anchor date every date is relative to (default 2026-11-23)
          --replace                     SQLite only: delete the database file first
          --manifest PATH               where to write the manifest (default: <database>.manifest.json for SQLite)
        """;

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public required string Connection { get; init; }
    public int Seed { get; init; } = 42;
    public double Scale { get; init; } = 1.0;
    public DateOnly Today { get; init; } = new(2026, 11, 23);
    public bool Replace { get; init; }
    public string? ManifestPath { get; init; }

    public static GeneratorOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
        {
            return null;
        }

        string? connection = null;
        var options = new GeneratorOptions { Connection = string.Empty };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--provider" => options with { Provider = Enum.TryParse<DatabaseProvider>(Value(), true, out var p) ? p : throw new ArgumentException("--provider is Sqlite or SqlServer.") },
                "--connection" => options with { Connection = connection = Value() },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--scale" => options with { Scale = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--today" => options with { Today = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--replace" => options with { Replace = true },
                "--manifest" => options with { ManifestPath = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("--connection is required.");
        }

        if (options.Scale is <= 0 or > 10)
        {
            throw new ArgumentException("--scale must be above 0 and at most 10.");
        }

        return options;
    }
}

/// <summary>A problem the person running the generator can fix (a non-empty database, a changed schema).</summary>
public sealed class GeneratorException(string message) : Exception(message);
