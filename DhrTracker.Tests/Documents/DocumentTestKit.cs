using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DhrTracker.Tests.Documents;

/// <summary>
/// Opens, validates and inspects generated .docx files, and renders them through LibreOffice to PDF text. Set
/// DHR_DOC_PREVIEWS to a folder to also get a PNG of every page of every rendered document there.
/// </summary>
public static partial class DocumentTestKit
{
    public const string Marking = "OFFICIAL-SENSITIVE";

    private static readonly SemaphoreSlim LibreOffice = new(1, 1);
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "dhr-doc-tests", Guid.NewGuid().ToString("N"));

    static DocumentTestKit()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (Directory.Exists(Scratch))
                {
                    Directory.Delete(Scratch, recursive: true);
                }
            }
            catch (IOException)
            {
                // a LibreOffice process still holding a file: the OS cleans the temp folder in the end
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
    }

    // ---- Open XML ---------------------------------------------------------------------------------------

    public static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var doc = Open(docx);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        return validator.Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }

    public static void AssertValid(byte[] docx)
    {
        var errors = ValidationErrors(docx);
        Assert.True(errors.Count == 0, "Open XML validation errors:\n" + string.Join("\n", errors.Take(20)));
    }

    public static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    public static Body Body(WordprocessingDocument doc) =>
        doc.MainDocumentPart?.Document?.Body ?? throw new InvalidOperationException("The document has no body.");

    /// <summary>The body's text, one line a paragraph (table cells included).</summary>
    public static string BodyText(WordprocessingDocument doc) =>
        string.Join("\n", Body(doc).Descendants<Paragraph>().Select(ParagraphText));

    /// <summary>The text under each Heading1 up to the next one (tables included), keyed by the heading.</summary>
    public static IReadOnlyDictionary<string, string> TextUnderHeading1(WordprocessingDocument doc)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var sb = new StringBuilder();
        foreach (var p in Body(doc).Descendants<Paragraph>())
        {
            if (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            {
                if (current is not null)
                {
                    result[current] = sb.ToString();
                }

                current = ParagraphText(p);
                sb.Clear();
            }
            else if (current is not null)
            {
                sb.Append(ParagraphText(p)).Append('\n');
            }
        }

        if (current is not null)
        {
            result[current] = sb.ToString();
        }

        return result;
    }

    public static string ParagraphText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var e in p.Descendants())
        {
            switch (e)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append('\t'); break;
                case Break: sb.Append('\n'); break;
            }
        }

        return sb.ToString();
    }

    public static string HeaderText(WordprocessingDocument doc) =>
        string.Join("\n", doc.MainDocumentPart!.HeaderParts.SelectMany(h => h.Header!.Descendants<Paragraph>()).Select(ParagraphText));

    public static string FooterText(WordprocessingDocument doc) =>
        string.Join("\n", doc.MainDocumentPart!.FooterParts.SelectMany(f => f.Footer!.Descendants<Paragraph>()).Select(ParagraphText));

    public static IReadOnlyList<string> FooterFieldCodes(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.FooterParts.SelectMany(f => f.Footer!.Descendants<FieldCode>()).Select(c => c.Text.Trim()).ToList();

    /// <summary>The text of every paragraph in the given heading style ("Heading1"…).</summary>
    public static IReadOnlyList<string> Headings(WordprocessingDocument doc, int level) =>
        Body(doc).Descendants<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == $"Heading{level}")
            .Select(ParagraphText)
            .ToList();

    /// <summary>Heading1–3 exist in the styles part as Word's built-in headings with outline levels.</summary>
    public static void AssertHeadingStyles(WordprocessingDocument doc)
    {
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        for (var level = 1; level <= 3; level++)
        {
            var style = styles.Elements<Style>().SingleOrDefault(s => s.StyleId?.Value == $"Heading{level}");
            Assert.NotNull(style);
            Assert.Equal($"heading {level}", style.StyleName?.Val?.Value);
            Assert.Equal(level - 1, style.StyleParagraphProperties?.OutlineLevel?.Val?.Value);
        }

        var fonts = styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.RunFonts;
        Assert.Equal("Arial", fonts?.Ascii?.Value);
        Assert.Equal("Arial", fonts?.HighAnsi?.Value);
        var arial = doc.MainDocumentPart.FontTablePart?.Fonts?.Elements<Font>().SingleOrDefault(f => f.Name?.Value == "Arial");
        Assert.Equal("Liberation Sans", arial?.AltName?.Val?.Value);
    }

    /// <summary>The marking is in the header when <paramref name="marked"/>, and nowhere in the document otherwise.</summary>
    public static void AssertMarking(WordprocessingDocument doc, bool marked)
    {
        if (marked)
        {
            Assert.Contains(Marking, HeaderText(doc));
            Assert.Contains(Marking, FooterText(doc));
        }
        else
        {
            Assert.DoesNotContain(Marking, HeaderText(doc));
            Assert.DoesNotContain(Marking, FooterText(doc));
            Assert.DoesNotContain(Marking, BodyText(doc));
        }
    }

    /// <summary>Partnership name and date produced in the header or footer; "Page X of Y" from PAGE and NUMPAGES.</summary>
    public static void AssertHeaderAndFooter(WordprocessingDocument doc, string partnership, string producedOn)
    {
        var both = HeaderText(doc) + "\n" + FooterText(doc);
        Assert.Contains(partnership, both);
        Assert.Contains(producedOn, both);
        Assert.Contains("Page ", FooterText(doc));
        Assert.Contains(" of ", FooterText(doc));
        var codes = FooterFieldCodes(doc);
        Assert.Contains("PAGE", codes);
        Assert.Contains("NUMPAGES", codes);

        foreach (var sect in Sections(doc))
        {
            Assert.NotEmpty(sect.Element.Elements<HeaderReference>());
            Assert.NotEmpty(sect.Element.Elements<FooterReference>());
        }
    }

    public sealed record SectionInfo(SectionProperties Element, uint Width, uint Height, bool OrientLandscape)
    {
        public bool IsLandscape => OrientLandscape && Width > Height;
        public bool IsPortrait => !OrientLandscape && Height > Width;
        public bool IsA4 => Math.Min(Width, Height) == 11906 && Math.Max(Width, Height) == 16838;
    }

    /// <summary>The sections in order (section breaks, then the body's last sectPr).</summary>
    public static IReadOnlyList<SectionInfo> Sections(WordprocessingDocument doc) =>
        Body(doc).Descendants<SectionProperties>()
            .Select(s =>
            {
                var size = s.GetFirstChild<PageSize>() ?? throw new InvalidOperationException("A section has no page size.");
                return new SectionInfo(s, size.Width?.Value ?? 0, size.Height?.Value ?? 0, size.Orient?.Value == PageOrientationValues.Landscape);
            })
            .ToList();

    /// <summary>Every row of every table is CantSplit; every table with a header row marks it TableHeader.</summary>
    public static void AssertTables(WordprocessingDocument doc, int minimumTablesWithHeaders = 1)
    {
        var tables = Body(doc).Descendants<Table>().ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            foreach (var row in table.Elements<TableRow>())
            {
                Assert.NotNull(row.TableRowProperties?.GetFirstChild<CantSplit>());
            }
        }

        var withHeaders = tables.Count(t => t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>() is not null);
        Assert.True(withHeaders >= minimumTablesWithHeaders, $"Only {withHeaders} table(s) repeat a header row.");
        foreach (var table in tables)
        {
            // A header row is only ever the first row(s): never a body row in the middle.
            var rows = table.Elements<TableRow>().ToList();
            var headerRows = rows.TakeWhile(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null).Count();
            Assert.Equal(headerRows, rows.Count(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null));
        }
    }

    /// <summary>The first table whose header row starts with the given title.</summary>
    public static Table TableStartingWith(WordprocessingDocument doc, string firstColumnTitle) =>
        Body(doc).Descendants<Table>().First(t => ParagraphText(t.Elements<TableRow>().First().Descendants<Paragraph>().First()) == firstColumnTitle);

    public static IReadOnlyList<string> HeaderTitles(Table table) =>
        table.Elements<TableRow>().First().Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(ParagraphText))).ToList();

    public static string CellText(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(ParagraphText));

    public static string? CellFill(TableCell cell) => cell.TableCellProperties?.Shading?.Fill?.Value;

    public static int Occurrences(string haystack, string needle)
    {
        var count = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // ---- LibreOffice round trip -------------------------------------------------------------------------

    public sealed record Pdf(string Path, string LayoutText, string RawText, int Pages, IReadOnlyList<(double Width, double Height)> PageSizes)
    {
        /// <summary>
        /// Whether the PDF holds the text, ignoring white space and hyphens (table cells wrap lines wherever the
        /// column ends, and the extractor joins a word hyphenated at the end of a line).
        /// </summary>
        public bool Contains(string text) => Squash(RawText).Contains(Squash(text), StringComparison.Ordinal)
            || Squash(LayoutText).Contains(Squash(text), StringComparison.Ordinal);

        public int CountOf(string text) => Occurrences(Squash(RawText), Squash(text));

        public bool IsLandscape(int page) => PageSizes[page - 1].Width > PageSizes[page - 1].Height;

        public bool IsA4(int page)
        {
            var (w, h) = PageSizes[page - 1];
            return Math.Abs(Math.Min(w, h) - 595.3) < 2 && Math.Abs(Math.Max(w, h) - 841.9) < 2;
        }
    }

    /// <summary>
    /// The left edge and width, in points, of each column of a table, from its grid (for cropping the PDF text
    /// to one column: pdftotext's reading order interleaves cells whose lines happen to align).
    /// </summary>
    public static IReadOnlyList<(double Left, double Width)> ColumnBounds(Table table, int leftMarginTwips = 1134)
    {
        var result = new List<(double, double)>();
        var x = leftMarginTwips;
        foreach (var column in table.GetFirstChild<TableGrid>()!.Elements<GridColumn>())
        {
            var w = int.Parse(column.Width!.Value!, CultureInfo.InvariantCulture);
            result.Add((x / 20.0, w / 20.0));
            x += w;
        }

        return result;
    }

    /// <summary>The text of every page within one column (a vertical strip of the page), pages in order.</summary>
    public static async Task<string> ColumnTextAsync(Pdf pdf, (double Left, double Width) column)
    {
        var output = Path.Combine(Path.GetDirectoryName(pdf.Path)!, $"column-{column.Left:0}.txt");
        await RunAsync("pdftotext", TimeSpan.FromSeconds(30),
            "-enc", "UTF-8",
            "-x", ((int)Math.Floor(column.Left - 2)).ToString(CultureInfo.InvariantCulture),
            "-y", "0",
            "-W", ((int)Math.Ceiling(column.Width + 4)).ToString(CultureInfo.InvariantCulture),
            "-H", "2000",
            pdf.Path, output);
        return await File.ReadAllTextAsync(output);
    }

    /// <summary>The text without white space or hyphens (pdftotext joins a word hyphenated at a line end).</summary>
    public static string Squash(string text) => WhiteSpaceOrHyphen().Replace(text, string.Empty);

    [GeneratedRegex(@"[\s\-]+")]
    private static partial Regex WhiteSpaceOrHyphen();

    [GeneratedRegex(@"Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)")]
    private static partial Regex PageSizeLine();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    /// <summary>
    /// Converts the document to PDF with headless LibreOffice (one conversion at a time, in a profile of this
    /// test run's own), then extracts its text with pdftotext and its page sizes with pdfinfo.
    /// </summary>
    public static async Task<Pdf> RenderAsync(byte[] docx, string name)
    {
        var dir = Path.Combine(Scratch, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var docxPath = Path.Combine(dir, name + ".docx");
        await File.WriteAllBytesAsync(docxPath, docx);

        await LibreOffice.WaitAsync();
        try
        {
            var profile = new Uri(Path.Combine(Scratch, "lo-profile")).AbsoluteUri;
            var (code, output) = await RunAsync("soffice", TimeSpan.FromSeconds(120),
                "--headless", "--norestore", $"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", dir, docxPath);
            Assert.True(code == 0, $"soffice exited with {code}: {output}");
        }
        finally
        {
            LibreOffice.Release();
        }

        var pdfPath = Path.ChangeExtension(docxPath, ".pdf");
        Assert.True(File.Exists(pdfPath), "LibreOffice did not write " + pdfPath);

        var (_, info) = await RunAsync("pdfinfo", TimeSpan.FromSeconds(30), pdfPath);
        var pages = int.Parse(PagesLine().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
        var (_, sizes) = await RunAsync("pdfinfo", TimeSpan.FromSeconds(30), "-f", "1", "-l", pages.ToString(CultureInfo.InvariantCulture), pdfPath);
        var pageSizes = PageSizeLine().Matches(sizes)
            .Select(m => (double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();

        var layoutPath = Path.Combine(dir, "layout.txt");
        var rawPath = Path.Combine(dir, "raw.txt");
        await RunAsync("pdftotext", TimeSpan.FromSeconds(30), "-layout", "-enc", "UTF-8", pdfPath, layoutPath);
        await RunAsync("pdftotext", TimeSpan.FromSeconds(30), "-enc", "UTF-8", pdfPath, rawPath);

        if (Environment.GetEnvironmentVariable("DHR_DOC_PREVIEWS") is { Length: > 0 } previews)
        {
            Directory.CreateDirectory(previews);
            await RunAsync("pdftoppm", TimeSpan.FromSeconds(60), "-r", "50", "-png", pdfPath, Path.Combine(previews, name));
        }

        return new Pdf(pdfPath, await File.ReadAllTextAsync(layoutPath), await File.ReadAllTextAsync(rawPath), pages, pageSizes);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
