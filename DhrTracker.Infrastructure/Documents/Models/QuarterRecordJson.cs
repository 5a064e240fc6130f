using System.Text.Json;
using System.Text.Json.Serialization;
using DhrTracker.Domain.Reporting;

namespace DhrTracker.Infrastructure.Documents.Models;

/// <summary>
/// A closed quarter's paper as stored with its closure: the whole <see cref="QuarterlyPaperModel"/> in JSON, written
/// once when the quarter is closed and read back for every later download and for the Quarters page. Enums are
/// stored by name and quarters as their label ("Q1 2026/27"), so a renumbered enum cannot change what an old paper says.
/// </summary>
public static class QuarterRecordJson
{
    /// <summary>Raise when a change to the model cannot read what was stored before, and read the old format beside the new.</summary>
    public const int Format = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter(), new QuarterConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(QuarterlyPaperModel paper) =>
        JsonSerializer.Serialize(new Stored(Format, paper), Options);

    public static QuarterlyPaperModel Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Options) ?? throw new InvalidDataException("The closed quarter's record is empty.");
        return stored.Format == Format
            ? stored.Paper
            : throw new InvalidDataException($"The closed quarter's record is in format {stored.Format}; this version reads format {Format}.");
    }

    private sealed record Stored(int Format, QuarterlyPaperModel Paper);

    private sealed class QuarterConverter : JsonConverter<FinancialQuarter>
    {
        public override FinancialQuarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            FinancialQuarter.TryParse(reader.GetString(), out var q) ? q : throw new JsonException($"Not a quarter: {reader.GetString()}");

        public override void Write(Utf8JsonWriter writer, FinancialQuarter value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Label);
    }
}
