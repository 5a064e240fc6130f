using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DhrTracker.Benchmarks.Twins;

/// <summary>
/// The bare Open XML SDK: paragraphs of plain runs and tables of plain cells, a header and a footer, and no
/// styling at all (no styles part, numbering, borders, widths, shading or fields).
/// </summary>
internal sealed class BareDocument(string header, string footer)
{
    private readonly Body _body = new();

    public void P(string text) => _body.Append(Para(text));

    public void Table(IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table();
        foreach (var row in rows)
        {
            var tr = new TableRow();
            foreach (var cell in row)
            {
                var tc = new TableCell();
                foreach (var line in cell.Split('\n'))
                {
                    tc.Append(Para(line));
                }

                tr.Append(tc);
            }

            table.Append(tr);
        }

        _body.Append(table);
        _body.Append(new Paragraph());
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var headerPart = main.AddNewPart<HeaderPart>("rIdHeader");
            headerPart.Header = new Header(Para(header));
            var footerPart = main.AddNewPart<FooterPart>("rIdFooter");
            footerPart.Footer = new Footer(Para(footer));
            _body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" },
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" }));
            main.Document = new Document(_body);
        }

        return stream.ToArray();
    }

    /// <summary>Every paragraph's text in the main part, one per line: to compare a twin's content with the app's.</summary>
    public static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0));
    }
}
