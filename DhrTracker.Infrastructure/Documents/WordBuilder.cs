using System.Globalization;
using DhrTracker.Domain.Actions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DhrTracker.Infrastructure.Documents;

/// <summary>What every document carries in its header and footer.</summary>
/// <param name="PartnershipName">Shown in the header of every page.</param>
/// <param name="ProducedOn">Shown in the footer of every page ("Produced 22 November 2026").</param>
/// <param name="Marked">Whether OFFICIAL-SENSITIVE goes at the top and bottom of every page.</param>
/// <param name="ShortTitle">Shown at the right of the header, e.g. "DHR-2023-02 action plan".</param>
/// <param name="FirstOrientation">The orientation of the first section.</param>
internal sealed record DocumentFrame(
    string PartnershipName,
    DateOnly ProducedOn,
    bool Marked,
    string ShortTitle,
    PageOrientation FirstOrientation = PageOrientation.Portrait);

/// <summary>
/// The one place that knows WordprocessingML: styles (real Heading1–3 for the navigation pane, Arial set in
/// the document defaults), A4 page set-up per section, the header and footer (marking, partnership, date
/// produced, "Page X of Y"), tables whose rows never split and whose header rows repeat. Every string goes
/// in through <see cref="DocText.Clean"/> as a plain text run.
/// </summary>
internal sealed class WordBuilder
{
    public const string Font = "Arial";
    public const string FallbackFont = "Liberation Sans";

    private const int A4Short = 11906;
    private const int A4Long = 16838;
    private const int MarginSide = 1134;
    private const int MarginTopBottom = 1418;
    private const int HeaderFooterDistance = 567;
    private const string HeaderFill = "D9E2F3";
    private const string LabelFill = "F2F2F2";
    private const string BorderColour = "808080";
    private const int BodyBulletNumId = 1;
    private const int CellBulletNumId = 2;

    private readonly DocumentFrame _frame;
    private readonly List<OpenXmlElement> _body = [];
    private readonly HashSet<PageOrientation> _orientationsUsed = [];
    private PageOrientation _current;
    private bool _written;

    public WordBuilder(DocumentFrame frame)
    {
        _frame = frame;
        _current = frame.FirstOrientation;
        _orientationsUsed.Add(_current);
    }

    /// <summary>The width between the margins of the current section, in twentieths of a point.</summary>
    public int TextWidth => WidthOf(_current);

    private static int WidthOf(PageOrientation o) => (o == PageOrientation.Landscape ? A4Long : A4Short) - (2 * MarginSide);

    // ---- Paragraphs -------------------------------------------------------------------------------------

    public void Title(string text) => _body.Add(Paragraph(StyleIds.Title, [Chunk.B(DocText.OneLine(text))]));

    public void Subtitle(string text) => _body.Add(Paragraph(StyleIds.Subtitle, [new Chunk(text)]));

    public void Heading(int level, string text)
    {
        if (level is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(level), "Headings run from level 1 to 3.");
        }

        _body.Add(Paragraph($"Heading{level}", [new Chunk(DocText.OneLine(text))]));
    }

    public void Paragraph(params Chunk[] chunks) => _body.Add(Paragraph(null, chunks));

    /// <summary>A paragraph kept on the same page as what follows it (a lead-in to a table, say).</summary>
    public void ParagraphKeptWithNext(params Chunk[] chunks) => _body.Add(Paragraph(null, chunks, keepNext: true));

    /// <summary>"Label: value" with the label in bold.</summary>
    public void Labelled(string label, string? value) => _body.Add(Paragraph(null, [Chunk.B(label + ": "), new Chunk(value)]));

    /// <summary>An italic note in grey: guidance for whoever completes the document.</summary>
    public void Note(string text) => _body.Add(Paragraph(StyleIds.Note, [Chunk.I(text)]));

    public void Bullet(params Chunk[] chunks) => _body.Add(Paragraph(StyleIds.ListBullet, chunks, BodyBulletNumId));

    /// <summary>Vertical space, in points.</summary>
    public void Space(int points) =>
        _body.Add(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = Twips(points * 20), Line = "240", LineRule = LineSpacingRuleValues.Auto })));

    public void PageBreak() => _body.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    /// <summary>Ends the current section; what follows starts a new page in the given orientation.</summary>
    public void NewSection(PageOrientation orientation)
    {
        _body.Add(new Paragraph(new ParagraphProperties(SectionProperties(_current))));
        _current = orientation;
        _orientationsUsed.Add(orientation);
    }

    // ---- Tables -----------------------------------------------------------------------------------------

    /// <summary>
    /// A table across the full text width with a header row of <paramref name="columns"/> that repeats on
    /// every page; no row breaks across a page.
    /// </summary>
    public void Table(string caption, IReadOnlyList<ColumnSpec> columns, IEnumerable<RowSpec> rows, bool small = false)
    {
        var widths = Distribute(columns.Select(c => c.Weight).ToList(), TextWidth);
        var style = small ? StyleIds.TableTextSmall : StyleIds.TableText;
        var table = NewTable(caption, widths);

        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < columns.Count; i++)
        {
            header.Append(Cell(CellSpec.Text(columns[i].Title, bold: true) with { Fill = HeaderFill }, widths[i], small ? StyleIds.TableHeadingSmall : style, keepNext: false));
        }

        table.Append(header);
        foreach (var row in rows)
        {
            table.Append(Row(row, widths, style));
        }

        _body.Add(table);
        _body.Add(AfterTable());
    }

    /// <summary>A two-column table of facts (label, value) without a header row.</summary>
    public void FactTable(string caption, IEnumerable<(string Label, CellSpec Value)> facts, int labelWeight = 35, int valueWeight = 65)
    {
        var widths = Distribute([labelWeight, valueWeight], TextWidth);
        var table = NewTable(caption, widths);
        foreach (var (label, value) in facts)
        {
            table.Append(Row(RowSpec.Of(CellSpec.Text(label, bold: true) with { Fill = LabelFill }, value), widths, StyleIds.TableText));
        }

        _body.Add(table);
        _body.Add(AfterTable());
    }

    /// <summary>The BRAG key: each status in words, shaded in its colour.</summary>
    public void StatusKey()
    {
        var statuses = new[] { Rag.Blue, Rag.Green, Rag.Amber, Rag.Red };
        var widths = Distribute([1, 1, 1, 1], TextWidth);
        var table = NewTable("Status key", widths);
        table.Append(Row(new RowSpec(statuses.Select(s => CellSpec.Text(s.Describe(), bold: true) with { Fill = s.Hex() }).ToList()), widths, StyleIds.TableTextSmall));
        _body.Add(table);
        _body.Add(AfterTable());
    }

    private static Table NewTable(string caption, IReadOnlyList<int> widths)
    {
        var total = widths.Sum();
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Twips(total), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = BorderColour },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = BorderColour },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = BorderColour },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = BorderColour },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = BorderColour },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = BorderColour }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }),
                new TableCaption { Val = DocText.OneLine(caption) }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        return table;
    }

    private static Paragraph AfterTable() =>
        new(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "120" }));

    private static TableRow Row(RowSpec row, IReadOnlyList<int> widths, string style)
    {
        if (row.Cells.Sum(c => c.ColSpan) != widths.Count)
        {
            throw new InvalidOperationException($"A row's cells span {row.Cells.Sum(c => c.ColSpan)} columns; the table has {widths.Count}.");
        }

        var tr = new TableRow(new TableRowProperties(new CantSplit()));
        var column = 0;
        foreach (var cell in row.Cells)
        {
            var width = widths.Skip(column).Take(cell.ColSpan).Sum();
            tr.Append(Cell(cell, width, style, keepNext: row.Kind == RowKind.Group || row.KeepWithNext));
            column += cell.ColSpan;
        }

        return tr;
    }

    private static TableCell Cell(CellSpec spec, int width, string style, bool keepNext)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (spec.ColSpan > 1)
        {
            props.Append(new GridSpan { Val = spec.ColSpan });
        }

        if (spec.Merge != Merge.None)
        {
            props.Append(new VerticalMerge { Val = spec.Merge == Merge.Start ? MergedCellValues.Restart : MergedCellValues.Continue });
        }

        if (spec.OpenTop || spec.OpenBottom)
        {
            var borders = new TableCellBorders();
            if (spec.OpenTop)
            {
                borders.Append(new TopBorder { Val = BorderValues.Nil });
            }

            if (spec.OpenBottom)
            {
                borders.Append(new BottomBorder { Val = BorderValues.Nil });
            }

            props.Append(borders);
        }

        if (spec.Fill is { } fill)
        {
            props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }

        var cell = new TableCell(props);
        var paras = spec.Merge == Merge.Continue || spec.Paras.Count == 0 ? [Para.Of()] : spec.Paras;
        foreach (var p in paras)
        {
            cell.Append(Paragraph(style, p.Chunks, p.Bullet ? CellBulletNumId : null, keepNext));
        }

        return cell;
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights, the parts summing exactly to it.</summary>
    private static int[] Distribute(IReadOnlyList<int> weights, int total)
    {
        var sum = weights.Sum();
        var widths = weights.Select(w => total * w / sum).ToArray();
        widths[^1] += total - widths.Sum();
        return widths;
    }

    // ---- Runs -------------------------------------------------------------------------------------------

    private static Paragraph Paragraph(string? styleId, IEnumerable<Chunk> chunks, int? numId = null, bool keepNext = false)
    {
        var props = new ParagraphProperties();
        if (styleId is not null)
        {
            props.Append(new ParagraphStyleId { Val = styleId });
        }

        if (keepNext)
        {
            props.Append(new KeepNext());
        }

        if (numId is { } id)
        {
            props.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = id }));
        }

        var paragraph = new Paragraph();
        if (props.HasChildren)
        {
            paragraph.Append(props);
        }

        foreach (var chunk in chunks)
        {
            paragraph.Append(Runs(chunk));
        }

        return paragraph;
    }

    /// <summary>Plain text runs: newlines become line breaks, tabs become tabs; nothing is parsed.</summary>
    private static IEnumerable<Run> Runs(Chunk chunk)
    {
        var text = DocText.Clean(chunk.Text);
        if (text.Length == 0)
        {
            yield break;
        }

        var lines = text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var run = new Run();
            if (RunProps(chunk.Bold, chunk.Italic) is { } rp)
            {
                run.Append(rp);
            }

            if (l > 0)
            {
                run.Append(new Break());
            }

            var parts = lines[l].Split('\t');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0)
                {
                    run.Append(new TabChar());
                }

                if (parts[p].Length > 0)
                {
                    run.Append(new Text(parts[p]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }

            if (run.ChildElements.Any(c => c is not RunProperties))
            {
                yield return run;
            }
        }
    }

    /// <summary>Run properties in schema order (b, i, color, sz).</summary>
    private static RunProperties? RunProps(bool bold, bool italic, string? colour = null, int? halfPoints = null)
    {
        if (!bold && !italic && colour is null && halfPoints is null)
        {
            return null;
        }

        var rp = new RunProperties();
        if (bold)
        {
            rp.Append(new Bold(), new BoldComplexScript());
        }

        if (italic)
        {
            rp.Append(new Italic(), new ItalicComplexScript());
        }

        if (colour is not null)
        {
            rp.Append(new Color { Val = colour });
        }

        if (halfPoints is { } hp)
        {
            rp.Append(new FontSize { Val = Twips(hp) }, new FontSizeComplexScript { Val = Twips(hp) });
        }

        return rp;
    }

    private static string Twips(int n) => n.ToString(CultureInfo.InvariantCulture);

    // ---- Package ----------------------------------------------------------------------------------------

    public byte[] ToBytes()
    {
        if (_written)
        {
            throw new InvalidOperationException("The document has already been written.");
        }

        _written = true;
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = DocText.OneLine(_frame.ShortTitle);
            doc.PackageProperties.Creator = DocText.OneLine(_frame.PartnershipName);
            doc.PackageProperties.Created = _frame.ProducedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (_frame.Marked)
            {
                doc.PackageProperties.Keywords = DocText.ProtectiveMarking;
            }

            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings();

            foreach (var o in _orientationsUsed)
            {
                main.AddNewPart<HeaderPart>(HeaderId(o)).Header = new Header(HeaderParagraphs(o));
                main.AddNewPart<FooterPart>(FooterId(o)).Footer = new Footer(FooterParagraphs(o));
            }

            var body = new Body();
            foreach (var element in _body)
            {
                body.Append(element);
            }

            body.Append(SectionProperties(_current));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static string HeaderId(PageOrientation o) => o == PageOrientation.Landscape ? "rIdHeaderLandscape" : "rIdHeaderPortrait";

    private static string FooterId(PageOrientation o) => o == PageOrientation.Landscape ? "rIdFooterLandscape" : "rIdFooterPortrait";

    private static SectionProperties SectionProperties(PageOrientation o)
    {
        var landscape = o == PageOrientation.Landscape;
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = HeaderId(o) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = FooterId(o) },
            new SectionType { Val = SectionMarkValues.NextPage },
            new PageSize
            {
                Width = (UInt32Value)(uint)(landscape ? A4Long : A4Short),
                Height = (UInt32Value)(uint)(landscape ? A4Short : A4Long),
                Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
            },
            new PageMargin
            {
                Top = MarginTopBottom,
                Right = (UInt32Value)(uint)MarginSide,
                Bottom = MarginTopBottom,
                Left = (UInt32Value)(uint)MarginSide,
                Header = (UInt32Value)(uint)HeaderFooterDistance,
                Footer = (UInt32Value)(uint)HeaderFooterDistance,
                Gutter = 0U,
            },
            new Columns { Space = "708" },
            new DocGrid { LinePitch = 360 });
    }

    private IEnumerable<Paragraph> HeaderParagraphs(PageOrientation o)
    {
        if (_frame.Marked)
        {
            yield return Marking();
        }

        var line = new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = StyleIds.Header },
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 1, Color = BorderColour }),
                new Tabs(new TabStop { Val = TabStopValues.Right, Position = WidthOf(o) })));
        line.Append(Runs(new Chunk(DocText.OneLine(_frame.PartnershipName))));
        line.Append(new Run(new TabChar()));
        line.Append(Runs(new Chunk(DocText.OneLine(_frame.ShortTitle))));
        yield return line;
    }

    private IEnumerable<Paragraph> FooterParagraphs(PageOrientation o)
    {
        var line = new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = StyleIds.Footer },
                new Tabs(new TabStop { Val = TabStopValues.Right, Position = WidthOf(o) })));
        line.Append(Runs(new Chunk($"Produced {DocText.Date(_frame.ProducedOn)}")));
        line.Append(new Run(new TabChar()));
        line.Append(new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }));
        line.Append(Field("PAGE", "1"));
        line.Append(new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }));
        line.Append(Field("NUMPAGES", "1"));
        yield return line;

        if (_frame.Marked)
        {
            yield return Marking();
        }
    }

    private static Paragraph Marking() =>
        new(
            new ParagraphProperties(
                new ParagraphStyleId { Val = StyleIds.Marking },
                new Justification { Val = JustificationValues.Center }),
            new Run(new Text(DocText.ProtectiveMarking)));

    private static IEnumerable<Run> Field(string code, string cached) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode($" {code} ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text(cached)),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    private static Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(
            ParagraphStyle("Normal", "Normal", basedOn: null, isDefault: true),
            ParagraphStyle(StyleIds.Title, "Title", spacingBefore: 0, spacingAfter: 240, bold: true, colour: "1F3864", halfPoints: 44),
            ParagraphStyle(StyleIds.Subtitle, "Subtitle", spacingAfter: 160, colour: "404040", halfPoints: 30),
            ParagraphStyle("Heading1", "heading 1", spacingBefore: 360, spacingAfter: 120, outline: 0, bold: true, colour: "1F3864", halfPoints: 32, keepNext: true, uiPriority: 9),
            ParagraphStyle("Heading2", "heading 2", spacingBefore: 280, spacingAfter: 100, outline: 1, bold: true, colour: "2F5496", halfPoints: 27, keepNext: true, uiPriority: 9),
            ParagraphStyle("Heading3", "heading 3", spacingBefore: 200, spacingAfter: 80, outline: 2, bold: true, colour: "404040", halfPoints: 23, keepNext: true, uiPriority: 9),
            ParagraphStyle(StyleIds.Note, "Note for the author", italic: true, colour: "595959"),
            ParagraphStyle(StyleIds.ListBullet, "List Bullet", spacingAfter: 60),
            ParagraphStyle(StyleIds.TableText, "Table text", spacingBefore: 20, spacingAfter: 40, halfPoints: 20, line: 240),
            ParagraphStyle(StyleIds.TableTextSmall, "Table text small", spacingBefore: 20, spacingAfter: 40, halfPoints: 18, line: 240),
            ParagraphStyle(StyleIds.TableHeadingSmall, "Table heading small", spacingBefore: 20, spacingAfter: 40, halfPoints: 16, line: 240),
            ParagraphStyle(StyleIds.Header, "header", spacingAfter: 0, halfPoints: 17, colour: "404040", line: 240),
            ParagraphStyle(StyleIds.Footer, "footer", spacingAfter: 0, halfPoints: 17, colour: "404040", line: 240),
            ParagraphStyle(StyleIds.Marking, "Protective marking", spacingAfter: 40, bold: true, halfPoints: 22, line: 240));
        return styles;
    }

    private static Style ParagraphStyle(
        string id,
        string name,
        string? basedOn = "Normal",
        bool isDefault = false,
        int? spacingBefore = null,
        int? spacingAfter = null,
        int? line = null,
        int? outline = null,
        bool bold = false,
        bool italic = false,
        string? colour = null,
        int? halfPoints = null,
        bool keepNext = false,
        int? uiPriority = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new NextParagraphStyle { Val = "Normal" });
        if (uiPriority is { } ui)
        {
            style.Append(new UIPriority { Val = ui });
        }

        style.Append(new PrimaryStyle());

        var pp = new StyleParagraphProperties();
        if (keepNext)
        {
            pp.Append(new KeepNext(), new KeepLines());
        }

        if (spacingBefore is not null || spacingAfter is not null || line is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (spacingBefore is { } b)
            {
                spacing.Before = Twips(b);
            }

            if (spacingAfter is { } a)
            {
                spacing.After = Twips(a);
            }

            if (line is { } l)
            {
                spacing.Line = Twips(l);
                spacing.LineRule = LineSpacingRuleValues.Auto;
            }

            pp.Append(spacing);
        }

        if (outline is { } level)
        {
            pp.Append(new OutlineLevel { Val = level });
        }

        if (pp.HasChildren)
        {
            style.Append(pp);
        }

        var rp = new StyleRunProperties();
        if (bold)
        {
            rp.Append(new Bold(), new BoldComplexScript());
        }

        if (italic)
        {
            rp.Append(new Italic(), new ItalicComplexScript());
        }

        if (colour is not null)
        {
            rp.Append(new Color { Val = colour });
        }

        if (halfPoints is { } hp)
        {
            rp.Append(new FontSize { Val = Twips(hp) }, new FontSizeComplexScript { Val = Twips(hp) });
        }

        if (rp.HasChildren)
        {
            style.Append(rp);
        }

        return style;
    }

    private static Numbering Numbering() =>
        new(
            BulletDefinition(1, indent: 360, hanging: 360),
            BulletDefinition(2, indent: 227, hanging: 170),
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BodyBulletNumId },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = CellBulletNumId });

    private static AbstractNum BulletDefinition(int id, int indent, int hanging) =>
        new(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = Twips(indent), Hanging = Twips(hanging) }),
                new NumberingSymbolRunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, Hint = FontTypeHintValues.Default }))
            { LevelIndex = 0 })
        { AbstractNumberId = id };

    private static Fonts FontTable() =>
        new(new DocumentFormat.OpenXml.Wordprocessing.Font(
            new AltName { Val = FallbackFont },
            new Panose1Number { Val = "020B0604020202020204" },
            new FontCharSet { Val = "00" },
            new FontFamily { Val = FontFamilyValues.Swiss },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = Font });

    private static Settings Settings() =>
        new(
            new Zoom { Percent = "100" },
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));

    private static class StyleIds
    {
        public const string Title = "Title";
        public const string Subtitle = "Subtitle";
        public const string Note = "AuthorNote";
        public const string ListBullet = "ListBullet";
        public const string TableText = "TableText";
        public const string TableTextSmall = "TableTextSmall";
        public const string TableHeadingSmall = "TableHeadingSmall";
        public const string Header = "Header";
        public const string Footer = "Footer";
        public const string Marking = "ProtectiveMarking";
    }
}
