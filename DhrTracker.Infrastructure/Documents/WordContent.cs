using DhrTracker.Domain.Actions;

namespace DhrTracker.Infrastructure.Documents;

/// <summary>The orientation of a section of a document: A4 portrait, or A4 landscape for wide tables.</summary>
internal enum PageOrientation
{
    Portrait,
    Landscape,
}

/// <summary>A piece of text with its emphasis. Always written as plain text, never parsed as markup.</summary>
internal readonly record struct Chunk(string? Text, bool Bold = false, bool Italic = false)
{
    public static implicit operator Chunk(string? text) => new(text);

    public static Chunk B(string? text) => new(text, Bold: true);

    public static Chunk I(string? text) => new(text, Italic: true);
}

/// <summary>A paragraph inside a table cell (or a list item).</summary>
internal sealed record Para(IReadOnlyList<Chunk> Chunks, bool Bullet = false)
{
    public static Para Of(params Chunk[] chunks) => new(chunks);

    public static Para BulletOf(params Chunk[] chunks) => new(chunks, Bullet: true);
}

internal enum Merge
{
    None,
    Start,
    Continue,
}

internal sealed record CellSpec(IReadOnlyList<Para> Paras)
{
    public string? Fill { get; init; }
    public int ColSpan { get; init; } = 1;
    public Merge Merge { get; init; }

    /// <summary>No rule above the cell: it reads as part of the cell over it, yet the row can start a new page with nothing cut.</summary>
    public bool OpenTop { get; init; }

    /// <summary>No rule below the cell: the cell under it carries on the same group.</summary>
    public bool OpenBottom { get; init; }

    public static CellSpec Text(string? text, bool bold = false) => new([Para.Of(new Chunk(text, bold))]);

    public static CellSpec Of(params Para[] paras) => new(paras);

    public static CellSpec Of(IEnumerable<Para> paras) => new(paras.ToList());

    public static CellSpec Empty() => new([Para.Of()]);

    /// <summary>A status in words (always) with the reason beneath, the cell shaded with the status colour.</summary>
    public static CellSpec Status(StatusAssessment status, bool withReason = true) =>
        Status(status.Status, withReason ? status.Reason : null);

    public static CellSpec Status(Rag status, string? reason)
    {
        var paras = new List<Para> { Para.Of(Chunk.B(status.Describe())) };
        if (!string.IsNullOrWhiteSpace(reason))
        {
            paras.Add(Para.Of(reason));
        }

        return new CellSpec(paras) { Fill = status.Hex() };
    }
}

internal enum RowKind
{
    Body,

    /// <summary>A grouping row (a theme, an agency) spanning the table, kept with the row after it.</summary>
    Group,
}

internal sealed record RowSpec(IReadOnlyList<CellSpec> Cells, RowKind Kind = RowKind.Body)
{
    /// <summary>Keep this row on the same page as the next (the rows of one recommendation, say).</summary>
    public bool KeepWithNext { get; init; }

    public static RowSpec Of(params CellSpec[] cells) => new(cells);

    public static RowSpec Group(string text, int columns, string fill = "EDEDED") =>
        new([CellSpec.Text(text, bold: true) with { ColSpan = columns, Fill = fill }], RowKind.Group);
}

/// <summary>A column: its title in the repeated header row, and its share of the width.</summary>
internal sealed record ColumnSpec(string Title, int Weight);
