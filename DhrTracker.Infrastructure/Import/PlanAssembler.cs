using System.Globalization;
using System.Text.RegularExpressions;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Recommendations;

namespace DhrTracker.Infrastructure.Import;

/// <summary>
/// Turns plan rows (from a Word table or a spreadsheet) into recommendations, actions and milestones. Shared by
/// both readers so that a plan reads the same whichever file it came in. The rules for a row:
/// <list type="bullet">
/// <item>A recommendation cell that starts with a number starts (or returns to) that recommendation.</item>
/// <item>A merged-from-above or empty recommendation cell keeps the recommendation of the row above.</item>
/// <item>Unnumbered recommendation text continues the one above when it starts in lower case, or when the
/// text above has not finished its sentence and the row has no action of its own (a page break split it);
/// otherwise it is a new recommendation, numbered after the highest so far and flagged.</item>
/// <item>Several numbered or bulleted actions in one cell are several actions. When the lead agency, target
/// date or milestones cells have one line per action they are paired with them in order; otherwise each action
/// gets the row's lead agency and target date, and the milestones go with the first.</item>
/// <item>Several agencies in the lead agency cell: the first (or the one marked "(lead)") leads, the rest support.</item>
/// </list>
/// </summary>
public sealed partial class PlanAssembler(ImportedPlan plan, AgencyMatcher? matcher)
{
    private readonly Dictionary<PlanColumn, PlanCell> _above = [];
    private ImportedRecommendation? _current;
    private string? _theme;
    private bool _atTableStart;

    public ImportedPlan Plan { get; } = plan;

    /// <summary>A row spanning the table that groups what follows under a theme.</summary>
    public void Theme(string text)
    {
        _theme = PlanText.StripFootnotes(text).Trim();
    }

    /// <summary>A new table of the plan starts: its first row may continue the recommendation or action above.</summary>
    public void NewTable()
    {
        _atTableStart = true;
    }

    public void Add(PlanRow row)
    {
        if (row.IsEmpty)
        {
            return;
        }

        if (IsGuidance(row))
        {
            Skip(row, "the template's guidance row (it explains what each column is for)");
            Plan.Problems.Add(new ImportProblem(row.Where, "Skipped: this is the template's guidance row, which explains what each column is for, not part of the plan."));
            return;
        }

        var startsTable = _atTableStart && Plan.Recommendations.Count > 0;
        _atTableStart = false;
        var cells = Resolve(row);
        var before = _current;
        var recommendation = RecommendationFor(row, cells, startsTable);
        if (recommendation is null)
        {
            Skip(row, "it comes before any recommendation");
            return;
        }

        // A row that carries on the recommendation above (its cell merged, blank or repeating the number).
        var continued = ReferenceEquals(recommendation, before);

        ReadScope(recommendation, cells[PlanColumn.Scope], row[PlanColumn.Scope].MergedFromAbove);
        if (!cells[PlanColumn.Theme].IsEmpty)
        {
            recommendation.Theme = cells[PlanColumn.Theme].Text;
        }

        var actionCell = row[PlanColumn.Action];
        if (actionCell.MergedFromAbove && recommendation.Actions.Count > 0)
        {
            // The same action carries on into this row: what the row adds belongs to it.
            var last = recommendation.Actions[^1];
            last.Milestones.AddRange(ReadMilestones(row[PlanColumn.Milestones].Lines));
            return;
        }

        if (continued && recommendation.Actions.Count > 0 && ContinuesAction(row, recommendation.Actions[^1], startsTable))
        {
            JoinToAction(recommendation.Actions[^1], row);
            return;
        }

        var items = PlanText.Items(actionCell.Lines).Where(i => !PlanText.SaysNoAction(i)).ToList();
        if (items.Count == 0)
        {
            var milestones = ReadMilestones(row[PlanColumn.Milestones].Lines);
            if (milestones.Count > 0 && recommendation.Actions.Count > 0)
            {
                recommendation.Actions[^1].Milestones.AddRange(milestones);
            }
            else if (RowHasMoreThan(row, PlanColumn.Recommendation, PlanColumn.RecommendationNumber, PlanColumn.Scope, PlanColumn.Theme))
            {
                Plan.Problems.Add(new ImportProblem(row.Where, $"This row gives no action for recommendation {recommendation.Number}, so its other cells were not imported."));
                Skip(row, $"the row gives no action for recommendation {recommendation.Number}", PlanColumn.Recommendation, PlanColumn.RecommendationNumber, PlanColumn.Scope, PlanColumn.Theme);
            }

            return;
        }

        // "a) … b) … c) …" in one cell: one action, offered to be split, unless the lead cell gives a lead for each part.
        var lettered = PlanText.LetteredParts(actionCell.Lines.Select(l => l.Text));
        if (lettered.Count > 1 && cells[PlanColumn.LeadAgency].Lines.Count != lettered.Count)
        {
            items = [PlanText.OneLine(actionCell.Lines.Select(l => l.Text))];
        }
        else
        {
            lettered = [];
        }

        AddActions(recommendation, items, cells, row, continued ? recommendation.Actions.LastOrDefault()?.LeadAgency : null, lettered);
    }

    // ---- Rows that are not plan rows, and rows that continue the one above ------------------------------

    /// <summary>
    /// The guidance row of a template ("What is the over-arching recommendation?", "How exactly is the relevant
    /// agency going to make this recommendation happen?"): no recommendation number, and most of its cells are
    /// questions or instructions about what to write in the column.
    /// </summary>
    private static bool IsGuidance(PlanRow row)
    {
        var number = row[PlanColumn.RecommendationNumber];
        if (!number.IsEmpty && Regex.IsMatch(number.Text, @"\d"))
        {
            return false;
        }

        var recommendation = row[PlanColumn.Recommendation];
        if (!recommendation.IsEmpty && PlanText.RecommendationNumber(recommendation.Text).Number is not null)
        {
            return false;
        }

        var texts = row.Columns.Select(c => row[c]).Where(c => !c.IsEmpty).Select(c => PlanText.OneLine(c.Lines.Select(l => l.Text))).ToList();
        var guiding = texts.Count(IsGuidanceText);
        return guiding >= 2 && guiding * 2 >= texts.Count;
    }

    private static bool IsGuidanceText(string text) =>
        Regex.IsMatch(text, @"\?(\s|$)") || GuidanceWords().IsMatch(text) || Regex.Matches(text, @"\s*/\s*").Count >= 2 && text.Length < 160;

    /// <summary>
    /// Whether a row of the same recommendation carries on the action above rather than adding one: it gives
    /// action text but no lead, supporting agency, target date or milestones of its own, and either it is the
    /// first row of a new table (the action ran over a page), or it starts in lower case, or with the next
    /// lettered part, or the action above has not finished its sentence.
    /// </summary>
    private static bool ContinuesAction(PlanRow row, ImportedAction last, bool startsTable)
    {
        var action = row[PlanColumn.Action];
        if (action.IsEmpty || action.MergedFromAbove)
        {
            return false;
        }

        foreach (var column in new[] { PlanColumn.LeadAgency, PlanColumn.SupportingAgencies, PlanColumn.TargetDate, PlanColumn.Milestones, PlanColumn.LeadOfficer })
        {
            if (!row[column].IsEmpty || row[column].MergedFromAbove)
            {
                return false;
            }
        }

        var text = PlanText.OneLine(action.Lines.Select(l => l.Text));
        return startsTable
            || char.IsLower(text[0])
            || PlanText.StartsWithLetteredPart(text) && last.SplitParts.Count > 0
            || !Finished(last.Description);
    }

    private void JoinToAction(ImportedAction last, PlanRow row)
    {
        last.Description = Join(last.Description, PlanText.OneLine(row[PlanColumn.Action].Lines.Select(l => l.Text)));
        var parts = PlanText.LetteredParts([last.Description]);
        last.SplitParts.Clear();
        if (parts.Count > 1)
        {
            last.SplitParts.AddRange(parts);
        }

        foreach (var (column, apply) in new (PlanColumn, Action<string>)[]
        {
            (PlanColumn.OutcomeSought, t => last.OutcomeSought = Join(last.OutcomeSought ?? string.Empty, t)),
            (PlanColumn.Completion, t => last.OutcomeSought = Join(last.OutcomeSought ?? string.Empty, t)),
            (PlanColumn.Progress, t => last.ProgressNote = Join(last.ProgressNote ?? string.Empty, t)),
        })
        {
            if (!row[column].IsEmpty)
            {
                apply(PlanText.OneLine(row[column].Lines.Select(l => l.Text)));
            }
        }

        last.Notes.Add($"{row.Where} carries on this action (it gives no lead, date or milestones of its own), so its text has been joined to it: check it, or split it in the preview.");
        Skip(row, "the row carries on the action above", PlanColumn.Action, PlanColumn.OutcomeSought, PlanColumn.Completion, PlanColumn.Progress, PlanColumn.Recommendation, PlanColumn.RecommendationNumber);
    }

    private static bool Finished(string text) => Regex.IsMatch(text.TrimEnd(), @"[.!?;:)""”]$");

    private static bool RowHasMoreThan(PlanRow row, params PlanColumn[] columns) =>
        row.Columns.Except(columns).Any(c => !row[c].IsEmpty);

    /// <summary>Lists the row's cells (but those in <paramref name="used"/>) as not imported, with why.</summary>
    private void Skip(PlanRow row, string why, params PlanColumn[] used)
    {
        foreach (var column in row.Columns.Except(used))
        {
            var cell = row[column];
            if (!cell.IsEmpty)
            {
                Plan.NotImported.Add(new NotImportedCell(row.Where, PlanColumns.Describe(column), PlanText.OneLine(cell.Lines.Select(l => l.Text)), why));
            }
        }
    }

    /// <summary>The row's cells with every merged-from-above cell replaced by the cell it continues.</summary>
    private Dictionary<PlanColumn, PlanCell> Resolve(PlanRow row)
    {
        var resolved = new Dictionary<PlanColumn, PlanCell>();
        foreach (var column in Enum.GetValues<PlanColumn>())
        {
            var cell = row[column];
            resolved[column] = cell.MergedFromAbove && _above.TryGetValue(column, out var above) ? above : cell;
        }

        foreach (var (column, cell) in resolved)
        {
            _above[column] = cell;
        }

        return resolved;
    }

    private ImportedRecommendation? RecommendationFor(PlanRow row, Dictionary<PlanColumn, PlanCell> cells, bool startsTable)
    {
        var recCell = row[PlanColumn.Recommendation];
        var numberCell = row[PlanColumn.RecommendationNumber];
        if ((recCell.MergedFromAbove || recCell.IsEmpty) && (numberCell.MergedFromAbove || numberCell.IsEmpty))
        {
            if (_current is null)
            {
                Plan.Problems.Add(new ImportProblem(row.Where, "This row comes before any recommendation, so it was not imported."));
            }

            return _current;
        }

        string? number;
        string text;
        if (!numberCell.IsEmpty && !numberCell.MergedFromAbove)
        {
            number = PlanText.NumberOnly(numberCell.Text);
            text = recCell.MergedFromAbove ? string.Empty : recCell.Text;
        }
        else
        {
            (number, text) = PlanText.RecommendationNumber(recCell.MergedFromAbove ? string.Empty : recCell.Text);
        }

        if (number is { Length: > 0 })
        {
            var existing = Plan.Recommendations.FirstOrDefault(r => string.Equals(r.Number, number, StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                // A plan that repeats the recommendation on each action's row (a spreadsheet), or comes back to it.
                if (text.Length > 0 && !Same(existing.Text, text))
                {
                    existing.Text = Join(existing.Text, text);
                }

                _current = existing;
                return existing;
            }

            return Start(number, null, text, row.Where);
        }

        if (_current is not null && (Same(_current.Text, text) || Continues(_current.Text, text, row, cells, startsTable)))
        {
            if (!Same(_current.Text, text))
            {
                _current.Text = Join(_current.Text, PlanText.OneLine(text.Split('\n')));
                if (startsTable || PlanText.StartsWithLetteredPart(text))
                {
                    Plan.Problems.Add(new ImportProblem(row.Where, $"This row has no number of its own and carries on recommendation {_current.Number}, so it has been joined to it: check the recommendation's text."));
                }
            }

            return _current;
        }

        var next = NextNumber();
        return Start(next, $"The plan gives this recommendation no number: it has been numbered {next}.", text, row.Where);
    }

    private ImportedRecommendation Start(string number, string? note, string text, string where)
    {
        var recommendation = new ImportedRecommendation
        {
            Number = number,
            NumberNote = note,
            Text = text,
            Theme = _theme,
            Where = where,
        };
        if (text.Length == 0)
        {
            Plan.Problems.Add(new ImportProblem(where, $"Recommendation {number} has a number but no text."));
        }

        Plan.Recommendations.Add(recommendation);
        _current = recommendation;
        return recommendation;
    }

    /// <summary>
    /// Whether unnumbered recommendation text carries on the recommendation above: it starts in lower case or
    /// with a lettered sub-point ("(b) …"), or the row has no action of its own and either the text above has not
    /// finished its sentence, or the row is the first of a new table, or it has nothing else in it.
    /// </summary>
    private static bool Continues(string previous, string text, PlanRow row, Dictionary<PlanColumn, PlanCell> cells, bool startsTable)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (char.IsLower(text[0]) || PlanText.StartsWithLetteredPart(text))
        {
            return true;
        }

        var hasAction = !cells[PlanColumn.Action].IsEmpty && !row[PlanColumn.Action].MergedFromAbove;
        if (hasAction)
        {
            return false;
        }

        return !Finished(previous) || startsTable || !RowHasMoreThan(row, PlanColumn.Recommendation, PlanColumn.RecommendationNumber);
    }

    private string NextNumber()
    {
        var highest = Plan.Recommendations
            .Select(r => Regex.Match(r.Number, @"^\d+"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
        var n = highest + 1;
        while (Plan.Recommendations.Any(r => r.Number == n.ToString(CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return n.ToString(CultureInfo.InvariantCulture);
    }

    private static bool Same(string a, string b) =>
        string.Equals(Squash(a), Squash(b), StringComparison.OrdinalIgnoreCase) || Squash(a).Contains(Squash(b), StringComparison.OrdinalIgnoreCase);

    private static string Squash(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    private static string Join(string first, string more) =>
        first.Length == 0 ? more : more.Length == 0 ? first : first.TrimEnd() + " " + more.TrimStart();

    // ---- Scope ----------------------------------------------------------------------------------------

    private void ReadScope(ImportedRecommendation recommendation, PlanCell cell, bool merged)
    {
        if (merged || cell.IsEmpty)
        {
            if (recommendation.ScopeOriginal.Length == 0 && recommendation.ScopeNote is null && cell.IsEmpty)
            {
                recommendation.ScopeNote = "The plan gives no scope: read as local.";
            }

            return;
        }

        if (recommendation.ScopeOriginal.Length > 0)
        {
            return;
        }

        var scopeLines = new List<string>();
        foreach (var line in cell.Lines)
        {
            var addressed = AddressedTo().Match(line.Text);
            if (addressed.Success)
            {
                foreach (var name in SplitNames(addressed.Groups["names"].Value))
                {
                    if (!recommendation.AddressedTo.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        recommendation.AddressedTo.Add(name);
                    }
                }
            }
            else
            {
                scopeLines.Add(line.Text);
            }
        }

        var written = string.Join(" ", scopeLines).Trim();
        recommendation.ScopeOriginal = written;
        var lower = written.ToLowerInvariant();
        var national = Regex.IsMatch(lower, @"\bnational(ly)?\b");
        var regional = Regex.IsMatch(lower, @"\bregional(ly)?\b");
        var local = Regex.IsMatch(lower, @"\b(local(ly)?|county[- ]?wide|countywide|county|district|borough|partnership|csp|single[- ]agency|multi[- ]agency|area[- ]wide)\b");
        recommendation.Scope = national ? RecommendationScope.National : regional ? RecommendationScope.Regional : RecommendationScope.Local;
        recommendation.ScopeNote = (national ? 1 : 0) + (regional ? 1 : 0) + (local ? 1 : 0) > 1
            ? $"The plan gives more than one scope (\"{written}\"): the widest, {recommendation.Scope.Describe().ToLowerInvariant()}, is used."
            : !national && !regional && !local
                ? written.Length == 0 ? "The plan gives no scope: read as local." : $"Could not tell the scope from \"{written}\": read as local."
                : null;
    }

    // ---- Actions --------------------------------------------------------------------------------------

    private void AddActions(ImportedRecommendation recommendation, List<string> items, Dictionary<PlanColumn, PlanCell> cells, PlanRow row, string? leadAbove, IReadOnlyList<string> lettered)
    {
        var n = items.Count;
        var leadLines = PerAction(cells[PlanColumn.LeadAgency], n);
        var supportLines = PerAction(cells[PlanColumn.SupportingAgencies], n);
        var officerLines = PerAction(cells[PlanColumn.LeadOfficer], n);
        var targetLines = PerAction(cells[PlanColumn.TargetDate], n);
        var milestoneItems = PlanText.Items(cells[PlanColumn.Milestones].Lines, eachLineIsAnItem: true);
        var pairMilestones = n > 1 && milestoneItems.Count == n;
        var outcomeSought = cells[PlanColumn.OutcomeSought].IsEmpty ? null : PlanText.OneLine(cells[PlanColumn.OutcomeSought].Lines.Select(l => l.Text));
        var completion = ReadCompletion(cells, outcomeSought is not null);
        outcomeSought ??= completion.OutcomeSought;
        var progress = cells[PlanColumn.Progress].IsEmpty ? null : cells[PlanColumn.Progress].Text;
        var ratingCell = cells[PlanColumn.Rating];
        var rating = ratingCell.IsEmpty ? null : ReadRating(ratingCell.Text);

        for (var i = 0; i < n; i++)
        {
            var action = new ImportedAction
            {
                Description = items[i],
                OutcomeSought = outcomeSought,
                Where = n > 1 ? $"{row.Where} (action {i + 1} of {n} in the cell)" : row.Where,
            };

            var (lead, supporting, officer, dates) = ReadAgencies(leadLines[i]);
            if (lead is null && cells[PlanColumn.LeadAgency].IsEmpty && leadAbove is not null)
            {
                lead = leadAbove;
                action.Notes.Add($"The lead agency cell is blank, so the lead of the action above ({leadAbove}) is used: check it.");
            }

            action.LeadAgency = lead;
            action.SplitParts.AddRange(lettered);
            action.SupportingAgencies.AddRange(supporting);
            foreach (var name in supportLines[i].SelectMany(l => SplitAgencyNames(l.Text)).Select(p => p.Name))
            {
                if (!string.Equals(name, lead, StringComparison.OrdinalIgnoreCase) && !action.SupportingAgencies.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    action.SupportingAgencies.Add(name);
                }
            }

            action.LeadOfficer = officerLines[i].Count > 0 ? string.Join(", ", officerLines[i].Select(l => PlanText.WithoutMarker(l.Text))) : officer;
            action.TargetDate = ReadTarget(targetLines[i], action.Notes);
            if (dates.Count > 0)
            {
                if (!action.TargetDate.HasDate && !action.TargetDate.IsUnreadable)
                {
                    action.TargetDate = ReadTarget(dates.Select(d => new CellLine(d)).ToList(), action.Notes);
                    action.Notes.Add($"The lead agency cell gives a date (\"{string.Join("; ", dates)}\"): it is read as the target date.");
                }
                else
                {
                    action.Notes.Add($"The lead agency cell also gives a date (\"{string.Join("; ", dates)}\"); the target date column's date is used.");
                }
            }

            if (pairMilestones)
            {
                action.Milestones.AddRange(ReadMilestones([new CellLine(milestoneItems[i])]));
            }
            else if (i == 0)
            {
                action.Milestones.AddRange(ReadMilestones(cells[PlanColumn.Milestones].Lines));
                if (n > 1 && action.Milestones.Count > 0)
                {
                    action.Notes.Add($"The milestones in this row were written for {n} actions together; they have been put with the first.");
                }
            }

            if (completion.Date.HasDate || completion.Date.Kind == PlanDateKind.NotYetSet || completion.Outcome is not null)
            {
                action.CompletedOn = completion.Date;
                action.CompletionOutcome = completion.Outcome;
                action.CompletionOriginal = completion.Original;
            }

            if (completion.Date.HasDate)
            {
                action.Notes.Add($"The plan says this action is complete (\"{PlanText.OneLine(completion.Original?.Split('\n') ?? [])}\"): it will be imported as completed on {completion.Date.Display} with that as its evidence. Check it, or clear the completion date to import it as open.");
            }

            action.ProgressNote = Join(progress ?? string.Empty, completion.Progress ?? string.Empty) is { Length: > 0 } note ? note : null;
            if (!ratingCell.IsEmpty)
            {
                ApplyRating(action, rating, ratingCell.Text);
            }

            recommendation.Actions.Add(action);
        }
    }

    /// <summary>The cell's lines for each of <paramref name="n"/> actions: one line each when it has exactly that many, else all of them for every action.</summary>
    private static List<IReadOnlyList<CellLine>> PerAction(PlanCell cell, int n)
    {
        var lines = cell.Lines.Where(l => !SupportedBy().IsMatch(l.Text)).ToList();
        if (n > 1 && lines.Count == n && cell.Lines.Count == n)
        {
            return lines.Select(l => (IReadOnlyList<CellLine>)[l]).ToList();
        }

        return Enumerable.Repeat(cell.Lines, n).ToList();
    }

    // ---- Agencies -------------------------------------------------------------------------------------

    private (string? Lead, List<string> Supporting, string? Officer, List<string> Dates) ReadAgencies(IReadOnlyList<CellLine> lines)
    {
        var leads = new List<string>();
        var supporting = new List<string>();
        var dates = new List<string>();
        string? marked = null;
        string? officer = null;
        foreach (var line in lines)
        {
            var text = PlanText.WithoutMarker(line.Text);
            if (PlanDateParser.Parse(text).HasDate)
            {
                // "By April 2014" written in the lead cell is a date, not an agency.
                dates.Add(text);
                continue;
            }

            var support = SupportedBy().Match(text);
            var into = support.Success ? supporting : leads;
            if (support.Success)
            {
                text = support.Groups["names"].Value;
            }

            foreach (var (name, isLead, person) in SplitAgencyNames(text))
            {
                into.Add(name);
                if (isLead)
                {
                    marked ??= name;
                }

                officer ??= person;
            }
        }

        var lead = marked ?? leads.FirstOrDefault() ?? supporting.FirstOrDefault();
        var others = leads.Concat(supporting)
            .Where(n => !string.Equals(n, lead, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return (lead, others, officer, dates);
    }

    /// <summary>
    /// Agency names in one line: split at commas, semicolons, slashes and "and"/"&amp;" — but "and" only where the
    /// parts are agencies the partnership knows, since many names contain it ("Eastshire and Waveney ICB").
    /// </summary>
    private List<(string Name, bool IsLead, string? Officer)> SplitAgencyNames(string line)
    {
        var found = new List<(string, bool, string?)>();
        foreach (var raw in SplitNames(line))
        {
            var piece = raw;
            var isLead = false;
            var leadMark = LeadMark().Match(piece);
            if (leadMark.Success)
            {
                isLead = true;
                piece = LeadMark().Replace(piece, string.Empty).Trim();
            }

            if (piece.Length == 0)
            {
                continue;
            }

            string? officer = null;
            var named = NamedPerson().Match(piece);
            if (named.Success && (IsKnown(named.Groups["agency"].Value) || Title().IsMatch(named.Groups["person"].Value)) && !IsKnown(piece))
            {
                officer = named.Groups["person"].Value.Trim();
                piece = named.Groups["agency"].Value.Trim();
            }

            if (!IsKnown(piece) && SplitKnown(piece) is { Count: > 1 } parts)
            {
                found.AddRange(parts.Select((p, i) => (p, isLead && i == 0, i == 0 ? officer : null)));
                continue;
            }

            found.Add((piece, isLead, officer));
        }

        return found;
    }

    private bool IsKnown(string name) => matcher?.Match(name).IsMatched == true;

    /// <summary>"A and B and C" as agencies the partnership knows, splitting only at an "and" whose both sides are agencies; null when it cannot.</summary>
    private List<string>? SplitKnown(string piece)
    {
        if (IsKnown(piece))
        {
            return [piece];
        }

        foreach (Match separator in AndSplit().Matches(piece))
        {
            var left = piece[..separator.Index].Trim();
            if (left.Length > 0 && IsKnown(left) && SplitKnown(piece[(separator.Index + separator.Length)..].Trim()) is { } rest)
            {
                return [left, .. rest];
            }
        }

        return null;
    }

    private static IEnumerable<string> SplitNames(string text) =>
        NameSeparators().Split(text)
            .Select(p => PlanText.WithoutMarker(p).Trim().TrimEnd('.'))
            .Where(p => p.Length > 0);

    // ---- Dates, milestones, completion ----------------------------------------------------------------

    private static PlanDate ReadTarget(IReadOnlyList<CellLine> lines, List<string> notes)
    {
        var texts = lines.Select(l => PlanText.WithoutMarker(l.Text)).Where(t => t.Length > 0).ToList();
        if (texts.Count == 0)
        {
            return PlanDate.None;
        }

        // The Home Office export writes "(originally 1 March 2026)" under a revised target.
        var originally = texts.Where(t => Originally().IsMatch(t)).ToList();
        foreach (var o in originally)
        {
            notes.Add($"The plan says the target was revised: {o.Trim('(', ')')}.");
        }

        texts = texts.Except(originally).ToList();
        if (texts.Count <= 1)
        {
            return PlanDateParser.Parse(texts.FirstOrDefault());
        }

        if (PlanDateParser.Parse(PlanText.OneLine(texts)) is { HasDate: true } whole && texts.Count(t => PlanDateParser.Parse(t).HasDate) <= 1)
        {
            // One date written over several lines ("By end of" / "April 2014").
            return whole;
        }

        var read = texts.Select(PlanDateParser.Parse).ToList();
        var dated = read.Where(d => d.HasDate).ToList();
        if (dated.Count == 0)
        {
            return PlanDateParser.Parse(string.Join(" ", texts));
        }

        var latest = dated.MaxBy(d => d.Date)!;
        notes.Add($"The plan gives several target dates ({string.Join("; ", texts)}): the latest, {latest.Display}, is used.");
        return latest with { Original = string.Join("; ", texts) };
    }

    /// <summary>
    /// Milestones, one per line or bullet, each with the date written in it ("Training delivered – by April 2014",
    /// "(Dec 2013) Audit", "Policy agreed: Sept 2013"); a line that is only a date goes with the line before it.
    /// </summary>
    internal static List<ImportedMilestone> ReadMilestones(IReadOnlyList<CellLine> lines)
    {
        var milestones = new List<ImportedMilestone>();
        foreach (var item in PlanText.Items(lines, eachLineIsAnItem: true))
        {
            if (PlanText.IsStatusLine(item))
            {
                break;
            }

            var line = Regex.Replace(item, @"\s+", " ").Trim();
            if (NoMilestones().IsMatch(line))
            {
                continue;
            }

            var exported = ExportedMilestone().Match(line);
            if (exported.Success)
            {
                milestones.Add(new ImportedMilestone
                {
                    Description = exported.Groups["d"].Value.Trim(),
                    DueOn = PlanDateParser.Parse(exported.Groups["due"].Value),
                    AchievedOn = exported.Groups["a"].Success ? PlanDateParser.Parse(exported.Groups["a"].Value) : PlanDate.None,
                    Original = line,
                });
                continue;
            }

            var dates = PlanDateParser.FindAll(line);
            if (dates.Count == 0)
            {
                milestones.Add(new ImportedMilestone { Description = line, Original = line });
                continue;
            }

            var date = dates[0].Start == 0 ? dates[0] : dates[^1];
            var description = Connectors().Replace(line.Remove(date.Start, date.Length).Replace("()", string.Empty).Replace("[]", string.Empty), " ").Trim();
            description = EdgePunctuation().Replace(description, string.Empty).Trim();
            if (description.Length == 0 && milestones.Count > 0 && !milestones[^1].DueOn.HasDate)
            {
                milestones[^1].DueOn = date.Date;
                milestones[^1].Original += "\n" + line;
                continue;
            }

            milestones.Add(new ImportedMilestone
            {
                Description = description.Length == 0 ? line : description,
                DueOn = date.Date,
                Original = line,
            });
        }

        return milestones;
    }

    private sealed record Completion(PlanDate Date, string? Outcome, string? Progress, string? Original, string? OutcomeSought = null);

    /// <summary>
    /// The "date of completion and outcome": complete when it says so ("Completed March 2014 – all staff trained")
    /// or starts with a date; anything else ("Ongoing – 60% trained") is progress on an open action.
    /// </summary>
    private static Completion ReadCompletion(Dictionary<PlanColumn, PlanCell> cells, bool hasOutcomeSought)
    {
        var dateCell = cells[PlanColumn.CompletionDate];
        var outcomeCell = cells[PlanColumn.CompletionOutcome];
        if (!dateCell.IsEmpty || !outcomeCell.IsEmpty)
        {
            var date = PlanDateParser.ParseCompletion(dateCell.Text.Replace('\n', ' '));
            var outcome = outcomeCell.IsEmpty ? null : outcomeCell.Text;
            if (!date.HasDate && date.Kind != PlanDateKind.Unreadable)
            {
                return new Completion(PlanDate.None, null, outcome, null);
            }

            return new Completion(date, outcome, null, dateCell.Text);
        }

        var cell = cells[PlanColumn.Completion];
        if (cell.IsEmpty)
        {
            return new Completion(PlanDate.None, null, null, null);
        }

        var text = PlanText.OneLine(cell.Lines.Select(l => l.Text));
        var lines = cell.Lines.Select(l => l.Text).ToList();
        var exported = ExportedCompletion().Match(lines[0]);
        if (exported.Success)
        {
            var rest = string.Join("\n", lines.Skip(1)).Trim();
            return new Completion(PlanDateParser.Parse(exported.Groups["date"].Value), rest.Length > 0 ? rest : null, null, text);
        }

        var saysOpen = StillOpen().IsMatch(text);
        var saysDone = SaysDone().IsMatch(text);
        var startsWithDate = PlanDateParser.Parse(lines[0]).HasDate;
        if (saysOpen)
        {
            // "Ongoing – half reviewed": progress on an open action, and (without an outcome column) what the plan's
            // last column says of it, so it is not lost from the Home Office layout the tracker exports.
            return new Completion(PlanDate.None, null, text, null, hasOutcomeSought ? null : text);
        }

        if (!saysDone && !startsWithDate)
        {
            // For an open action the Home Office template's last column holds the outcome it is meant to achieve.
            return hasOutcomeSought ? new Completion(PlanDate.None, null, text, null) : new Completion(PlanDate.None, null, null, null, text);
        }

        var dates = PlanDateParser.FindAll(text);
        if (dates.Count == 0)
        {
            var outcomeOnly = CompletedWord().Replace(text, string.Empty).Trim();
            outcomeOnly = EdgePunctuation().Replace(outcomeOnly, string.Empty).Trim();
            return new Completion(
                new PlanDate(string.Empty, PlanDateKind.NotYetSet, null, Note: "The plan says this action is complete but gives no date: enter the completion date to import it as complete."),
                outcomeOnly.Length > 0 ? outcomeOnly : null,
                null,
                text);
        }

        var first = dates[0];
        var completedOn = PlanDateParser.ParseCompletion(text.Substring(first.Start, first.Length));
        var remainder = text.Remove(first.Start, first.Length);
        remainder = CompletedWord().Replace(remainder.TrimStart(), string.Empty);
        remainder = EdgePunctuation().Replace(Connectors().Replace(remainder, " ").Trim(), string.Empty).Trim();
        if (remainder.Length > 0)
        {
            remainder = char.ToUpperInvariant(remainder[0]) + remainder[1..];
        }

        // The whole cell is the evidence: "Completed March 2014" alone is still what the plan says of it.
        return new Completion(completedOn, remainder.Length > 0 ? remainder : text, null, text);
    }

    // ---- Rating -------------------------------------------------------------------------------------

    /// <summary>A RAG/BRAG cell: the colour, or the words the Home Office template uses for it; null when it says neither.</summary>
    internal static Rag? ReadRating(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (Regex.IsMatch(t, @"^\s*(blue|complete[d]?|closed|achieved)\b"))
        {
            return Rag.Blue;
        }

        if (Regex.IsMatch(t, @"^\s*(red|worse than target|off target|not on target|not started)\b"))
        {
            return Rag.Red;
        }

        if (Regex.IsMatch(t, @"^\s*(amber|below target|at risk|partially)\b"))
        {
            return Rag.Amber;
        }

        if (Regex.IsMatch(t, @"^\s*(green|on target|on track)\b"))
        {
            return Rag.Green;
        }

        return null;
    }

    private static void ApplyRating(ImportedAction action, Rag? rating, string written)
    {
        action.RatingOriginal = PlanText.OneLine(written.Split('\n'));
        action.Rating = rating;
        if (rating is null)
        {
            action.Notes.Add($"Could not tell the rating from \"{action.RatingOriginal}\": it is kept with the first progress update.");
            action.ProgressNote = Join(action.ProgressNote ?? string.Empty, $"Rating in the plan: {action.RatingOriginal}");
            return;
        }

        if (rating != Rag.Blue)
        {
            return;
        }

        // Blue means complete, which needs the date it was completed and its evidence.
        action.CompletionOutcome ??= action.ProgressNote ?? action.OutcomeSought ?? $"Rated {action.RatingOriginal} in the imported plan.";
        if (!action.CompletedOn.HasDate)
        {
            action.CompletedOn = new PlanDate(string.Empty, PlanDateKind.NotYetSet, null, Note: "The plan rates this action Blue (complete) but gives no completion date: enter the date to import it as complete.");
            action.Notes.Add("The plan rates this action Blue (complete) but gives no completion date: enter the completion date, or clear the rating to import it as open.");
        }
    }

    /// <summary>How a template tells the author what to write in a column.</summary>
    [GeneratedRegex(@"^(?:what|how|who|which|when|where|why|should|is|are|does|do|will|can|please)\b|\be\.g\.|\bfor example\b|\bto report progress\b", RegexOptions.IgnoreCase)]
    private static partial Regex GuidanceWords();

    [GeneratedRegex(@"^addressed to\s*:?\s*(?<names>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AddressedTo();

    [GeneratedRegex(@"^(?:supported by|supporting(?: agencies)?|support from|with support from|in partnership with|partners?|other agencies|working with|with)\s*:?\s*(?<names>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SupportedBy();

    [GeneratedRegex(@"\s*\((?:lead|lead agency)\)|\s*[-–]\s*lead\s*$|^lead(?: agency)?\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadMark();

    [GeneratedRegex(@"^(?<agency>.+?)\s*(?:[-–—:]\s+|\()(?<person>[^()]+?)\)?$")]
    private static partial Regex NamedPerson();

    [GeneratedRegex(@"^(?:DI|DS|DCI|DSI|DCS|Det|Supt|Ch Supt|Insp|Inspector|Sgt|PC|Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Cllr)\.?\s", RegexOptions.IgnoreCase)]
    private static partial Regex Title();

    [GeneratedRegex(@"\s+(?:and|&)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplit();

    [GeneratedRegex(@"\s*[;,/\n+]\s*")]
    private static partial Regex NameSeparators();

    [GeneratedRegex(@"^\(?originally\b", RegexOptions.IgnoreCase)]
    private static partial Regex Originally();

    [GeneratedRegex(@"^no milestones?(?: set| agreed)?(?: yet)?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex NoMilestones();

    /// <summary>The Home Office export's milestone line: "Pathway drafted – due 1 March 2027; not yet achieved".</summary>
    [GeneratedRegex(@"^(?<d>.+?) – due (?<due>.+?); (?:achieved (?<a>.+?)|not yet achieved)\.?$")]
    private static partial Regex ExportedMilestone();

    [GeneratedRegex(@"^Completed (?<date>\d{1,2} \p{L}+ \d{4})$")]
    private static partial Regex ExportedCompletion();

    [GeneratedRegex(@"\s+[-–—:]\s+|\s+[-–—:]$|^[-–—:]\s+|\s{2,}")]
    private static partial Regex Connectors();

    [GeneratedRegex(@"^[\s,;:.\-–—]+|[\s,;:\-–—(]+$")]
    private static partial Regex EdgePunctuation();

    [GeneratedRegex(@"\b(?:on-?going|in progress|not yet|partial(?:ly)?|partly|outstanding|not started|not complete|incomplete|delayed|overdue|underway|under way|awaiting)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StillOpen();

    [GeneratedRegex(@"^\s*(?:completed?|done|achieved|implemented|delivered|closed|finished|in place|signed off)\b|\b(?:completed|achieved|implemented|delivered|signed off|in place)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaysDone();

    [GeneratedRegex(@"^(?:completed?|done|achieved|implemented|delivered|closed|finished)\b[\s:,\-–]*(?:on|in|by)?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CompletedWord();
}
