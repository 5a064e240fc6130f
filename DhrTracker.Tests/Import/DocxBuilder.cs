using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DhrTracker.Tests.Import;

/// <summary>
/// Builds Word documents in the shapes real action plans come in: tables with header rows (marked to repeat or
/// not), vertically merged cells, theme rows across the table, list paragraphs, line breaks, real footnotes,
/// superscript markers, empty rows and text between tables.
/// </summary>
internal sealed class DocxBuilder
{
    private readonly List<OpenXmlElement> _body = [];
    private readonly List<(int Id, string Text)> _footnotes = [];

    public DocxBuilder Paragraph(string text)
    {
        _body.Add(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
        return this;
    }

    public DocxBuilder Table(Action<TableBuilder> build)
    {
        var table = new TableBuilder(this);
        build(table);
        _body.Add(table.Build());
        return this;
    }

    internal int AddFootnote(string text)
    {
        var id = _footnotes.Count + 1;
        _footnotes.Add((id, text));
        return id;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(
                    new Level(
                        new NumberingFormat { Val = NumberFormatValues.Bullet },
                        new LevelText { Val = "•" })
                    { LevelIndex = 0 })
                { AbstractNumberId = 1 },
                new AbstractNum(
                    new Level(
                        new StartNumberingValue { Val = 1 },
                        new NumberingFormat { Val = NumberFormatValues.Decimal },
                        new LevelText { Val = "%1." })
                    { LevelIndex = 0 })
                { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });

            var footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            foreach (var (id, text) in _footnotes)
            {
                footnotes.Append(new Footnote(new Paragraph(new Run(new Text(text)))) { Id = id });
            }

            main.AddNewPart<FootnotesPart>().Footnotes = footnotes;
            var body = new Body(_body.Select(e => e.CloneNode(true)));
            body.Append(new SectionProperties(new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }
}

internal sealed class TableBuilder(DocxBuilder document)
{
    private readonly List<TableRow> _rows = [];
    private int _columns;

    /// <summary>A header row; <paramref name="repeat"/> marks it to repeat on each page (w:tblHeader).</summary>
    public TableBuilder Header(params string[] headings) => Header(true, headings);

    public TableBuilder Header(bool repeat, params string[] headings)
    {
        _columns = Math.Max(_columns, headings.Length);
        var row = new TableRow();
        if (repeat)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var h in headings)
        {
            row.Append(new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(h)))));
        }

        _rows.Add(row);
        return this;
    }

    public TableBuilder Row(params C[] cells)
    {
        _columns = Math.Max(_columns, cells.Sum(c => c.Span));
        var row = new TableRow();
        foreach (var cell in cells)
        {
            row.Append(cell.Build(document));
        }

        _rows.Add(row);
        return this;
    }

    /// <summary>A row of one cell across the whole table (a theme row).</summary>
    public TableBuilder Across(string text, int columns) => Row(C.Text(text) with { Span = columns });

    public TableBuilder EmptyRow(int columns) => Row(Enumerable.Range(0, columns).Select(_ => C.Empty).ToArray());

    public Table Build()
    {
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        table.Append(new TableGrid(Enumerable.Range(0, _columns).Select(_ => new GridColumn { Width = "2000" })));
        foreach (var row in _rows)
        {
            table.Append(row);
        }

        return table;
    }
}

internal enum VMerge
{
    None,
    Restart,
    Continue,
}

/// <summary>A cell: its paragraphs (each a list of runs), a vertical merge, a span.</summary>
internal sealed record C(IReadOnlyList<CP> Paragraphs)
{
    public VMerge Merge { get; init; }
    public int Span { get; init; } = 1;

    public static C Empty { get; } = new([new CP([])]);

    /// <summary>The cell below the start of a vertical merge: empty, "same as above".</summary>
    public static C Merged { get; } = Empty with { Merge = VMerge.Continue };

    /// <summary>One paragraph per line ("\n").</summary>
    public static C Text(string text) => new(text.Split('\n').Select(l => new CP([new CR(l)])).ToList());

    /// <summary>One paragraph with the lines separated by line breaks (Shift+Enter).</summary>
    public static C Breaks(params string[] lines) => new([new CP(lines.Select((l, i) => new CR(l, Break: i > 0)).ToList())]);

    /// <summary>Bulleted list paragraphs (the document's numbering, not typed bullets).</summary>
    public static C Bullets(params string[] items) => new(items.Select(i => new CP([new CR(i)], NumberingId: 1)).ToList());

    /// <summary>Numbered list paragraphs ("1.", "2." come from the numbering, not the text).</summary>
    public static C Numbered(params string[] items) => new(items.Select(i => new CP([new CR(i)], NumberingId: 2)).ToList());

    public static C Runs(params CR[] runs) => new([new CP(runs)]);

    public C Start() => this with { Merge = VMerge.Restart };

    public TableCell Build(DocxBuilder document)
    {
        var props = new TableCellProperties();
        if (Span > 1)
        {
            props.Append(new GridSpan { Val = Span });
        }

        if (Merge == VMerge.Restart)
        {
            props.Append(new VerticalMerge { Val = MergedCellValues.Restart });
        }
        else if (Merge == VMerge.Continue)
        {
            props.Append(new VerticalMerge());
        }

        var cell = new TableCell(props);
        foreach (var p in Paragraphs)
        {
            var paragraph = new Paragraph();
            if (p.NumberingId is { } numId)
            {
                paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId })));
            }

            foreach (var r in p.Runs)
            {
                if (r.Break)
                {
                    paragraph.Append(new Run(new Break()));
                }

                if (r.Footnote is { } note)
                {
                    var id = document.AddFootnote(note);
                    paragraph.Append(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = id }));
                    continue;
                }

                var run = new Run();
                if (r.Superscript)
                {
                    run.Append(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }));
                }

                run.Append(new Text(r.Text) { Space = SpaceProcessingModeValues.Preserve });
                paragraph.Append(run);
            }

            cell.Append(paragraph);
        }

        return cell;
    }
}

internal sealed record CP(IReadOnlyList<CR> Runs, int? NumberingId = null);

/// <summary>A run of text; or a superscript marker typed by hand; or a real footnote reference; after a line break when <see cref="Break"/>.</summary>
internal sealed record CR(string Text, bool Superscript = false, bool Break = false, string? Footnote = null)
{
    public static CR Note(string footnoteText) => new(string.Empty, Footnote: footnoteText);

    public static CR Sup(string marker) => new(marker, Superscript: true);
}
