using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DhrTracker.Tests.Import;

/// <summary>
/// Builds Excel workbooks the way trackers come: text in shared strings (and inline), real dates with a date
/// format, numbers, text with line breaks, merged ranges, several sheets, title rows above the header.
/// </summary>
internal sealed class XlsxBuilder
{
    private readonly List<(string Name, List<(int Row, int Column, object? Value)> Cells, List<string> Merges)> _sheets = [];

    public XlsxBuilder Sheet(string name)
    {
        _sheets.Add((name, [], []));
        return this;
    }

    /// <summary>Writes a row of values (string, DateOnly, number, or null) starting at column A.</summary>
    public XlsxBuilder Row(int row, params object?[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] is not null)
            {
                _sheets[^1].Cells.Add((row, c, values[c]));
            }
        }

        return this;
    }

    /// <summary>Merges a range such as "A2:A4" (only the top-left cell keeps a value, as Excel does).</summary>
    public XlsxBuilder Merge(string range)
    {
        _sheets[^1].Merges.Add(range);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());

            // Style 0: general; style 1: a built-in date format (14); style 2: a custom "dd mmm yyyy".
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd mmm yyyy" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
                { Count = 3 });

            var shared = new List<string>();
            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            uint sheetId = 1;
            var useInline = false;
            foreach (var (name, cells, merges) in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var rowGroup in cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
                {
                    var row = new Row { RowIndex = (uint)rowGroup.Key };
                    foreach (var (r, col, value) in rowGroup.OrderBy(c => c.Column))
                    {
                        var reference = Letter(col) + r.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        Cell cell;
                        switch (value)
                        {
                            case DateOnly date:
                                cell = new Cell
                                {
                                    CellReference = reference,
                                    StyleIndex = (uint)(date.Day % 2 == 0 ? 1 : 2),
                                    CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                                };
                                break;
                            case int or double:
                                cell = new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!), DataType = CellValues.Number };
                                break;
                            default:
                                var text = (string)value!;
                                useInline = !useInline;
                                if (useInline)
                                {
                                    cell = new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };
                                }
                                else
                                {
                                    var index = shared.IndexOf(text);
                                    if (index < 0)
                                    {
                                        shared.Add(text);
                                        index = shared.Count - 1;
                                    }

                                    cell = new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
                                }

                                break;
                        }

                        row.Append(cell);
                    }

                    data.Append(row);
                }

                var worksheet = new Worksheet(data);
                if (merges.Count > 0)
                {
                    worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
                }

                part.Worksheet = worksheet;
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }

            sharedPart.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        }

        return stream.ToArray();
    }

    private static string Letter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
