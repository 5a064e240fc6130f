using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DhrTracker.Infrastructure.Import;

/// <summary>
/// Reads an action plan from a Word document in the Home Office layout (or a variant of it). Tables are found
/// by their header row wherever they are in the document; a table without a header that follows a plan table
/// with the same columns is its continuation (a page break without a repeated header). Header rows repeated or
/// reworded inside a table are recognised and re-read; merged cells, theme rows and empty rows are handled
/// (see <see cref="PlanAssembler"/> for how rows become recommendations and actions).
/// </summary>
public sealed class WordPlanReader(AgencyMatcher? matcher = null)
{
    private const string What = "Word document";

    public ImportedPlan Read(byte[] content, string fileName)
    {
        PlanFile.Check(content, fileName, ImportSource.Word);
        var plan = new ImportedPlan(Path.GetFileName(fileName), ImportSource.Word);
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new ImportException("This Word document has no body text, so there is no action plan in it.");
            Read(body, plan);
        }
        catch (ImportException)
        {
            throw;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw PlanFile.Corrupt(What, ex);
        }

        if (plan.Recommendations.Count == 0)
        {
            throw new ImportException("The action plan table in this document has no recommendations in it. Check that it is the plan you meant to upload.");
        }

        if (matcher is not null)
        {
            plan.MatchAgencies(matcher);
        }

        return plan;
    }

    private void Read(Body body, ImportedPlan plan)
    {
        var assembler = new PlanAssembler(plan, matcher);
        var tables = body.Descendants<Table>().Where(t => !t.Ancestors<Table>().Any()).ToList();
        IReadOnlyDictionary<int, PlanColumn>? previous = null;
        var headings = new Dictionary<int, string>();
        var previousWidth = 0;
        var found = false;
        for (var t = 0; t < tables.Count; t++)
        {
            var rows = Rows(tables[t]);
            if (rows.Count == 0)
            {
                continue;
            }

            var width = rows.Max(r => r.Width);
            IReadOnlyDictionary<int, PlanColumn>? columns = null;
            var start = 0;
            for (var r = 0; r < Math.Min(rows.Count, 5) && columns is null; r++)
            {
                columns = PlanColumns.HeaderOf(rows[r].Headings());
                start = r + 1;
            }

            if (columns is null)
            {
                if (previous is null || width != previousWidth)
                {
                    continue;
                }

                // A plan table continued after a page break, without its header row repeated.
                columns = previous;
                start = 0;
            }

            if (found)
            {
                assembler.NewTable();
            }

            found = true;
            if (start > 0)
            {
                headings = rows[start - 1].Headings().ToDictionary(h => h.Position, h => h.Text);
            }

            for (var r = start; r < rows.Count; r++)
            {
                var row = rows[r];
                if (PlanColumns.HeaderOf(row.Headings()) is { } reworded)
                {
                    columns = reworded;
                    headings = row.Headings().ToDictionary(h => h.Position, h => h.Text);
                    continue;
                }

                if (row.SpansTable(width) is { } spanning)
                {
                    if (spanning.Length > 0)
                    {
                        assembler.Theme(spanning);
                    }

                    continue;
                }

                var cells = new Dictionary<PlanColumn, PlanCell>();
                foreach (var (position, column) in columns)
                {
                    if (column != PlanColumn.Ignored)
                    {
                        cells[column] = row.CellAt(position);
                    }
                }

                var where = $"Table {t + 1}, row {r + 1}";
                var rowsBefore = plan.NotImported.Count;
                assembler.Add(new PlanRow(cells, where));
                var guidance = plan.NotImported.Skip(rowsBefore).Select(n => n.Why).FirstOrDefault();
                foreach (var cell in row.Cells.Where(c => c.Text.Length > 0 && (!columns.TryGetValue(c.Position, out var col) || col == PlanColumn.Ignored)))
                {
                    // A column the importer does not read: nothing the file holds is dropped without saying so.
                    var heading = headings.TryGetValue(cell.Position, out var h) && h.Length > 0 ? $"\"{h}\"" : $"column {cell.Position + 1}";
                    plan.NotImported.Add(new NotImportedCell(where, heading, cell.Text, guidance ?? "the importer does not read this column"));
                }
            }

            previous = columns;
            previousWidth = width;
        }

        if (!found)
        {
            throw new ImportException(
                "No action plan table was found in this document. The importer looks for a table whose first rows name its columns, "
                + "such as Recommendation, Action to take, Lead agency, Key milestones and Target date (the Home Office layout). "
                + "Check that the plan is a Word table rather than text or a picture, and that its header row is there.");
        }
    }

    private static List<GridRow> Rows(Table table)
    {
        var rows = new List<GridRow>();
        foreach (var tr in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
        {
            var position = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            var cells = new List<GridCell>();
            foreach (var tc in tr.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().First() == tr))
            {
                var props = tc.TableCellProperties;
                var span = props?.GridSpan?.Val?.Value ?? 1;
                if (props?.HorizontalMerge is { } h && (h.Val is null || h.Val.Value == MergedCellValues.Continue) && cells.Count > 0)
                {
                    cells[^1] = cells[^1] with { Span = cells[^1].Span + span };
                    position += span;
                    continue;
                }

                var vMerge = props?.VerticalMerge;
                var continues = vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue);
                cells.Add(new GridCell(position, span, continues, Lines(tc)));
                position += span;
            }

            rows.Add(new GridRow(cells));
        }

        return rows;
    }

    /// <summary>The cell's text, a line per paragraph and per line break, without footnote references or deleted text.</summary>
    private static List<CellLine> Lines(TableCell cell)
    {
        var lines = new List<CellLine>();
        foreach (var paragraph in cell.Descendants<Paragraph>())
        {
            var isList = paragraph.ParagraphProperties?.NumberingProperties is not null
                || (paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? string.Empty).Contains("List", StringComparison.OrdinalIgnoreCase);
            var text = new StringBuilder();
            var first = true;
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text t when !IsFootnoteMarker(t):
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append(' ');
                        break;
                    case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                    case CarriageReturn:
                        lines.Add(new CellLine(text.ToString(), isList && first));
                        text.Clear();
                        first = false;
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                }
            }

            lines.Add(new CellLine(text.ToString(), isList && first));
        }

        return lines;
    }

    /// <summary>A footnote or endnote reference mark, or a superscript number or asterisk typed as one.</summary>
    private static bool IsFootnoteMarker(Text text)
    {
        if (text.Parent is not Run run)
        {
            return false;
        }

        if (run.Descendants<FootnoteReference>().Any() || run.Descendants<EndnoteReference>().Any())
        {
            return true;
        }

        var props = run.RunProperties;
        var style = props?.RunStyle?.Val?.Value ?? string.Empty;
        var superscript = props?.VerticalTextAlignment?.Val?.Value == VerticalPositionValues.Superscript
            || style.Contains("Footnote", StringComparison.OrdinalIgnoreCase) || style.Contains("Endnote", StringComparison.OrdinalIgnoreCase);
        var marker = text.Text.Trim();
        return superscript && marker.Length is > 0 and <= 4 && marker.All(c => char.IsDigit(c) || c is '*' or '[' or ']' or ',' or 'i' or 'v' or 'x' or '†');
    }

    private sealed record GridCell(int Position, int Span, bool MergedFromAbove, List<CellLine> Lines)
    {
        public string Text => string.Join(" ", Lines.Select(l => l.Text)).Trim();
    }

    private sealed record GridRow(List<GridCell> Cells)
    {
        public int Width => Cells.Count == 0 ? 0 : Cells.Max(c => c.Position + c.Span);

        public IReadOnlyList<(int Position, string Text)> Headings() => Cells.Select(c => (c.Position, c.Text)).ToList();

        public PlanCell CellAt(int position)
        {
            var cell = Cells.FirstOrDefault(c => position >= c.Position && position < c.Position + c.Span);
            return cell is null ? PlanCell.Empty : new PlanCell(cell.Lines, cell.MergedFromAbove);
        }

        /// <summary>The text of a row that is one cell across the whole table (a theme or group row), or null.</summary>
        public string? SpansTable(int width)
        {
            var filled = Cells.Where(c => c.Text.Length > 0).ToList();
            if (Cells.Count == 1 && Cells[0].Span >= width && width > 1)
            {
                return Cells[0].Text;
            }

            return filled.Count == 1 && filled[0].Span >= Math.Max(2, width - 1) ? filled[0].Text : null;
        }
    }
}
