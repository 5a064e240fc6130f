using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DhrTracker.Infrastructure.Import;

/// <summary>
/// Which column of a spreadsheet holds what, by column letter ("A", "B", …). Only <see cref="Action"/> and one of
/// <see cref="RecommendationNumber"/> and <see cref="Recommendation"/> are required.
/// </summary>
public sealed record ColumnMapping
{
    /// <summary>The worksheet's name; the first sheet when null.</summary>
    public string? Sheet { get; init; }

    /// <summary>The row holding the column headings (1-based); the plan starts on the row after it.</summary>
    public int HeaderRow { get; init; } = 1;

    public string? RecommendationNumber { get; init; }
    public string? Recommendation { get; init; }
    public string? Scope { get; init; }
    public string? Theme { get; init; }
    public string? Action { get; init; }
    public string? LeadAgency { get; init; }
    public string? SupportingAgencies { get; init; }
    public string? LeadOfficer { get; init; }
    public string? OutcomeSought { get; init; }
    public string? Milestones { get; init; }
    public string? TargetDate { get; init; }

    /// <summary>One column with the completion date and the outcome ("Date of completion and outcome").</summary>
    public string? Completion { get; init; }
    public string? CompletionDate { get; init; }
    public string? CompletionOutcome { get; init; }
    public string? Progress { get; init; }
    public string? Rating { get; init; }

    /// <summary>The fields the mapping step offers, in the order it shows them.</summary>
    public static IReadOnlyList<PlanColumn> Fields { get; } =
    [
        PlanColumn.RecommendationNumber, PlanColumn.Recommendation, PlanColumn.Scope, PlanColumn.Theme, PlanColumn.Action,
        PlanColumn.LeadAgency, PlanColumn.SupportingAgencies, PlanColumn.LeadOfficer, PlanColumn.OutcomeSought, PlanColumn.Milestones,
        PlanColumn.TargetDate, PlanColumn.Completion, PlanColumn.CompletionDate, PlanColumn.CompletionOutcome, PlanColumn.Progress,
        PlanColumn.Rating,
    ];

    public string? this[PlanColumn field] => field switch
    {
        PlanColumn.RecommendationNumber => RecommendationNumber,
        PlanColumn.Recommendation => Recommendation,
        PlanColumn.Scope => Scope,
        PlanColumn.Theme => Theme,
        PlanColumn.Action => Action,
        PlanColumn.LeadAgency => LeadAgency,
        PlanColumn.SupportingAgencies => SupportingAgencies,
        PlanColumn.LeadOfficer => LeadOfficer,
        PlanColumn.OutcomeSought => OutcomeSought,
        PlanColumn.Milestones => Milestones,
        PlanColumn.TargetDate => TargetDate,
        PlanColumn.Completion => Completion,
        PlanColumn.CompletionDate => CompletionDate,
        PlanColumn.CompletionOutcome => CompletionOutcome,
        PlanColumn.Progress => Progress,
        PlanColumn.Rating => Rating,
        _ => null,
    };

    /// <summary>This mapping with one field set to a column (or cleared with null).</summary>
    public ColumnMapping With(PlanColumn field, string? column)
    {
        var c = string.IsNullOrWhiteSpace(column) ? null : column.Trim().ToUpperInvariant();
        return field switch
        {
            PlanColumn.RecommendationNumber => this with { RecommendationNumber = c },
            PlanColumn.Recommendation => this with { Recommendation = c },
            PlanColumn.Scope => this with { Scope = c },
            PlanColumn.Theme => this with { Theme = c },
            PlanColumn.Action => this with { Action = c },
            PlanColumn.LeadAgency => this with { LeadAgency = c },
            PlanColumn.SupportingAgencies => this with { SupportingAgencies = c },
            PlanColumn.LeadOfficer => this with { LeadOfficer = c },
            PlanColumn.OutcomeSought => this with { OutcomeSought = c },
            PlanColumn.Milestones => this with { Milestones = c },
            PlanColumn.TargetDate => this with { TargetDate = c },
            PlanColumn.Completion => this with { Completion = c },
            PlanColumn.CompletionDate => this with { CompletionDate = c },
            PlanColumn.CompletionOutcome => this with { CompletionOutcome = c },
            PlanColumn.Progress => this with { Progress = c },
            PlanColumn.Rating => this with { Rating = c },
            _ => this,
        };
    }

    public IEnumerable<(PlanColumn Field, string Column)> Mapped() =>
        Fields.Select(f => (Field: f, Column: this[f])).Where(x => x.Column is not null).Select(x => (x.Field, x.Column!));

    /// <summary>What is wrong with the mapping for reading a plan, each by the field it concerns; empty when it can be used.</summary>
    public IReadOnlyList<(PlanColumn Field, string Message)> Problems()
    {
        var problems = new List<(PlanColumn, string)>();
        if (Action is null)
        {
            problems.Add((PlanColumn.Action, "Choose the column that holds the actions."));
        }

        if (RecommendationNumber is null && Recommendation is null)
        {
            problems.Add((PlanColumn.Recommendation, "Choose the column that holds the recommendations (or their numbers)."));
        }

        foreach (var twice in Mapped().GroupBy(m => m.Column).Where(g => g.Count() > 1))
        {
            var fields = twice.Select(t => t.Field).ToList();
            problems.Add((fields[1], $"Column {twice.Key} is chosen for both {PlanColumns.Describe(fields[0]).ToLowerInvariant()} and {PlanColumns.Describe(fields[1]).ToLowerInvariant()}."));
        }

        return problems;
    }
}

/// <summary>A worksheet as the mapping step shows it: its columns with their headings and a few example values.</summary>
/// <param name="LooksLikePlan">Whether the header row names the columns of an action plan.</param>
public sealed record ExcelSheetInfo(string Name, int HeaderRow, int DataRows, IReadOnlyList<ExcelColumnInfo> Columns, ColumnMapping Suggested, bool LooksLikePlan);

public sealed record ExcelColumnInfo(string Letter, string Heading, IReadOnlyList<string> Examples)
{
    public string Label => Heading.Length > 0 ? $"{Letter} – {Heading}" : $"Column {Letter}";
}

/// <summary>
/// Reads an action plan from an Excel workbook with one row per action: the recommendation's number and text
/// repeated on each of its rows (or left blank, or merged, below the first), and the columns chosen in a
/// <see cref="ColumnMapping"/>. Dates may be real dates or text ("April 2014").
/// </summary>
public sealed partial class ExcelPlanReader(AgencyMatcher? matcher = null)
{
    private const string What = "Excel workbook";
    private const int ExampleRows = 3;

    /// <summary>The workbook's sheets with their columns and a suggested mapping, for the mapping step.</summary>
    public IReadOnlyList<ExcelSheetInfo> Inspect(byte[] content, string fileName)
    {
        var sheets = Open(content, fileName);
        var infos = new List<ExcelSheetInfo>();
        foreach (var sheet in sheets.Where(s => s.Rows.Count > 0))
        {
            var headerRow = FindHeaderRow(sheet);
            var headings = sheet.RowAt(headerRow);
            var letters = sheet.Rows.SelectMany(r => r.Value.Keys).Distinct().OrderBy(c => c).ToList();
            var dataRows = sheet.Rows.Keys.Where(k => k > headerRow).OrderBy(k => k).ToList();
            var columns = letters.Select(c => new ExcelColumnInfo(
                    Letter(c),
                    headings.TryGetValue(c, out var h) ? OneLine(h.Text) : string.Empty,
                    dataRows.Select(r => sheet.RowAt(r).TryGetValue(c, out var v) ? OneLine(v.Text) : string.Empty).Where(v => v.Length > 0).Take(ExampleRows).ToList()))
                .ToList();

            // Headings are only trusted when the row reads as a header (a title row that mentions "action" is not one).
            var looksLikePlan = PlanColumns.HeaderOf(headings.Select(h => (h.Key, h.Value.Text)).ToList()) is not null;
            var suggested = new ColumnMapping { Sheet = sheet.Name, HeaderRow = headerRow };
            foreach (var (column, cell) in headings.OrderBy(h => h.Key))
            {
                if (PlanColumns.Classify(cell.Text) is { } field && field != PlanColumn.Ignored && suggested[field] is null && headings.Count(h => PlanColumns.Classify(h.Value.Text) is not null) >= 2)
                {
                    suggested = suggested.With(field, Letter(column));
                }
            }

            infos.Add(new ExcelSheetInfo(sheet.Name, headerRow, dataRows.Count, columns, suggested, looksLikePlan));
        }

        if (infos.Count == 0)
        {
            throw new ImportException("This workbook is empty: none of its sheets has anything in it.");
        }

        return infos;
    }

    /// <summary>Reads the plan from the sheet and columns the mapping names.</summary>
    public ImportedPlan Read(byte[] content, string fileName, ColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (mapping.Problems() is { Count: > 0 } problems)
        {
            throw new ImportException(string.Join(" ", problems.Select(p => p.Message)));
        }

        var sheets = Open(content, fileName);
        var sheet = (mapping.Sheet is null ? sheets.FirstOrDefault(s => s.Rows.Count > 0) : sheets.FirstOrDefault(s => string.Equals(s.Name, mapping.Sheet, StringComparison.OrdinalIgnoreCase)))
            ?? throw new ImportException(mapping.Sheet is null ? "This workbook is empty: none of its sheets has anything in it." : $"This workbook has no sheet called \"{mapping.Sheet}\". Choose one of its sheets.");

        var plan = new ImportedPlan(Path.GetFileName(fileName), ImportSource.Excel);
        var assembler = new PlanAssembler(plan, matcher);
        var columns = mapping.Mapped().Select(m => (m.Field, Index: ColumnIndex(m.Column))).ToList();
        var mapped = columns.Select(c => c.Index).ToHashSet();
        var headings = sheet.RowAt(mapping.HeaderRow);
        string Column(int index) => headings.TryGetValue(index, out var h) && h.Text.Trim().Length > 0 ? $"{Letter(index)} – {OneLine(h.Text)}" : $"Column {Letter(index)}";
        var afterData = false;
        foreach (var rowNumber in sheet.Rows.Keys.Where(k => k > mapping.HeaderRow).OrderBy(k => k))
        {
            var values = sheet.RowAt(rowNumber);
            var where = $"Sheet \"{sheet.Name}\", row {rowNumber}";
            if (!afterData && plan.Actions.Any() && IsFooter(values))
            {
                afterData = true;
            }

            if (afterData)
            {
                // A key, legend, total or notes row under the plan: shown as such, never read as a recommendation.
                plan.Problems.Add(new ImportProblem(where, "Skipped: a key, legend, total or notes row after the plan's data."));
                foreach (var (index, value) in values.OrderBy(v => v.Key))
                {
                    plan.NotImported.Add(new NotImportedCell(where, Column(index), PlanText.OneLine(value.Text.Split('\n')), "a key, legend, total or notes row after the data"));
                }

                continue;
            }

            var cells = new Dictionary<PlanColumn, PlanCell>();
            foreach (var (field, index) in columns)
            {
                cells[field] = values.TryGetValue(index, out var value)
                    ? field is PlanColumn.TargetDate or PlanColumn.CompletionDate && value.Date is { } date
                        ? PlanCell.Of(PlanDate.Long(date))
                        : PlanCell.Of(value.Text)
                    : sheet.IsMergedBelowTop(rowNumber, index) ? new PlanCell([], mergedFromAbove: true) : PlanCell.Empty;
            }

            var before = plan.NotImported.Count;
            assembler.Add(new PlanRow(cells, where));
            var why = plan.NotImported.Skip(before).Select(n => n.Why).FirstOrDefault();
            foreach (var (index, value) in values.Where(v => !mapped.Contains(v.Key)).OrderBy(v => v.Key))
            {
                plan.NotImported.Add(new NotImportedCell(where, Column(index), PlanText.OneLine(value.Text.Split('\n')), why ?? "the column is not mapped to anything"));
            }
        }

        if (plan.Recommendations.Count == 0 || !plan.Actions.Any())
        {
            throw new ImportException($"No actions were found in sheet \"{sheet.Name}\" below row {mapping.HeaderRow} in the columns chosen. Check the header row and that the action column is {mapping.Action}.");
        }

        if (matcher is not null)
        {
            plan.MatchAgencies(matcher);
        }

        return plan;
    }

    /// <summary>The column letter of a 0-based index: 0 → "A", 26 → "AA".</summary>
    public static string Letter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>The 0-based index of a column letter: "A" → 0, "AA" → 26.</summary>
    public static int ColumnIndex(string letters)
    {
        var n = 0;
        foreach (var c in letters.Trim().ToUpperInvariant())
        {
            if (c is < 'A' or > 'Z')
            {
                throw new ImportException($"\"{letters}\" is not a column letter.");
            }

            n = (n * 26) + (c - 'A' + 1);
        }

        return n - 1;
    }

    private static int FindHeaderRow(Sheet sheet)
    {
        foreach (var rowNumber in sheet.Rows.Keys.OrderBy(k => k).Take(10))
        {
            var headings = sheet.RowAt(rowNumber).Select(c => (c.Key, c.Value.Text)).ToList();
            if (PlanColumns.HeaderOf(headings) is not null)
            {
                return rowNumber;
            }
        }

        return sheet.Rows.Keys.Min();
    }

    /// <summary>A row under the data that is a key, legend, total or note ("RAG key: Blue = complete; Green = on track").</summary>
    private static bool IsFooter(IReadOnlyDictionary<int, CellValueRead> values)
    {
        var texts = values.OrderBy(v => v.Key).Select(v => v.Value.Text.Trim()).Where(t => t.Length > 0).ToList();
        if (texts.Count == 0)
        {
            return false;
        }

        var all = string.Join(" ", texts);
        return FooterStart().IsMatch(texts[0]) || ColourDefinition().Matches(all).Count >= 2;
    }

    private static string OneLine(string text)
    {
        var lines = text.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0);
        var one = string.Join(" / ", lines);
        return one.Length > 80 ? one[..77] + "…" : one;
    }

    // ---- Reading the package --------------------------------------------------------------------------

    private static List<Sheet> Open(byte[] content, string fileName)
    {
        PlanFile.Check(content, fileName, ImportSource.Excel);
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
            var workbookPart = document.WorkbookPart ?? throw new ImportException("This Excel workbook has no sheets.");
            var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
            var dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
            var sheets = new List<Sheet>();
            foreach (var entry in workbookPart.Workbook?.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>() ?? [])
            {
                if (entry.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part || part.Worksheet is null)
                {
                    continue;
                }

                sheets.Add(ReadSheet(entry.Name?.Value ?? "Sheet", part.Worksheet, shared, dateStyles));
            }

            return sheets;
        }
        catch (ImportException)
        {
            throw;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            throw PlanFile.Corrupt(What, ex);
        }
    }

    private static Sheet ReadSheet(string name, Worksheet worksheet, List<string> shared, HashSet<uint> dateStyles)
    {
        var sheet = new Sheet(name);
        foreach (var row in worksheet.Descendants<Row>())
        {
            var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(sheet.Rows.Count == 0 ? 1 : sheet.Rows.Keys.Max() + 1));
            var values = new Dictionary<int, CellValueRead>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(CellLetters().Match(reference).Value) : next;
                next = column + 1;
                var read = ReadCell(cell, shared, dateStyles);
                if (read is not null && (read.Text.Trim().Length > 0 || read.Date is not null))
                {
                    values[column] = read;
                }
            }

            if (values.Count > 0)
            {
                sheet.Rows[rowNumber] = values;
            }
        }

        foreach (var merge in worksheet.Descendants<MergeCell>())
        {
            var range = merge.Reference?.Value?.Split(':');
            if (range is { Length: 2 } && CellAddress().Match(range[0]) is { Success: true } from && CellAddress().Match(range[1]) is { Success: true } to)
            {
                sheet.Merges.Add((
                    int.Parse(from.Groups["row"].Value, CultureInfo.InvariantCulture),
                    int.Parse(to.Groups["row"].Value, CultureInfo.InvariantCulture),
                    ColumnIndex(from.Groups["col"].Value),
                    ColumnIndex(to.Groups["col"].Value)));
            }
        }

        return sheet;
    }

    private static CellValueRead? ReadCell(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count
                ? new CellValueRead(shared[i], null)
                : null;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? new CellValueRead(ItemText(inline), null) : null;
        }

        if (type == CellValues.Boolean)
        {
            return new CellValueRead(raw == "1" ? "Yes" : "No", null);
        }

        if (type == CellValues.Date && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            var date = DateOnly.FromDateTime(iso);
            return new CellValueRead(PlanDate.Long(date), date);
        }

        if (raw is null)
        {
            return null;
        }

        if ((type is null || type == CellValues.Number)
            && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is > 0 and < 2958466)
        {
            var date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return new CellValueRead(PlanDate.Long(date), date);
        }

        return new CellValueRead(raw, null);
    }

    private static string ItemText(OpenXmlElement item)
    {
        var text = new StringBuilder();
        foreach (var t in item.Descendants<Text>())
        {
            // Phonetic guides (rPh) repeat the text for East Asian readings; they are not part of the value.
            if (!t.Ancestors<PhoneticRun>().Any())
            {
                text.Append(t.Text);
            }
        }

        return text.ToString();
    }

    /// <summary>The style indexes whose number format shows a date (built-in 14–22, 27–36, 45–47, 50–58, or a custom d/m/y format).</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        var styles = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58 || custom.Contains(id))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var bare = QuotedOrBracketed().Replace(code, string.Empty).ToLowerInvariant();
        return bare.Contains('d') || bare.Contains('y') || (bare.Contains('m') && !bare.Contains('h') && !bare.Contains('s'));
    }

    [GeneratedRegex(@"^\s*(?:(?:rag|brag|colour|color|status)\s+)?(?:key|legend)\b|^\s*(?:grand\s+)?totals?\b|^\s*(?:notes?|n\.\s?b\.?|source|prepared by|last updated|updated on|version)\b\s*[:\-–]?|^\s*\*", RegexOptions.IgnoreCase)]
    private static partial Regex FooterStart();

    [GeneratedRegex(@"\b(?:blue|green|amber|red|grey|gray)\s*(?:=|:|–|-)\s*\p{L}", RegexOptions.IgnoreCase)]
    private static partial Regex ColourDefinition();

    [GeneratedRegex("^[A-Za-z]+")]
    private static partial Regex CellLetters();

    [GeneratedRegex(@"^\$?(?<col>[A-Za-z]+)\$?(?<row>\d+)$")]
    private static partial Regex CellAddress();

    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.")]
    private static partial Regex QuotedOrBracketed();

    private sealed record CellValueRead(string Text, DateOnly? Date);

    private sealed class Sheet(string name)
    {
        public string Name { get; } = name;

        public SortedDictionary<int, Dictionary<int, CellValueRead>> Rows { get; } = [];

        public List<(int FirstRow, int LastRow, int FirstColumn, int LastColumn)> Merges { get; } = [];

        public IReadOnlyDictionary<int, CellValueRead> RowAt(int row) => Rows.TryGetValue(row, out var values) ? values : new Dictionary<int, CellValueRead>();

        public bool IsMergedBelowTop(int row, int column) =>
            Merges.Any(m => row > m.FirstRow && row <= m.LastRow && column >= m.FirstColumn && column <= m.LastColumn);
    }
}
