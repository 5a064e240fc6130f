using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Documents.Models;

namespace DhrTracker.Infrastructure.Documents;

/// <summary>
/// The quarterly progress paper for the CSP board (or, as the scrutiny edition, for the scrutiny panel) for one
/// closed quarter: a cover, a summary (reviews by stage, actions by status now and last quarter, movement), a
/// section per review (milestones reached, milestones missed with the reason and remedial action, prospects
/// and risks, overall assessment) and a landscape appendix of overdue actions by lead agency.
/// </summary>
/// <remarks>
/// The scrutiny edition withholds, for every review not yet published, the text of recommendations, actions,
/// action milestones, progress updates and status reasons (which quote milestone descriptions): only counts and
/// statuses in words remain. The writer decides this from the per-review flags, so no caller can forget it.
/// </remarks>
public sealed class QuarterlyPaperWriter
{
    public const string WithheldNote = "Recommendation text is withheld until the review is published.";
    public const string ScrutinyEdition = "Scrutiny edition";
    public const string AppendixHeading = "Appendix: overdue actions by lead agency";
    public const string NothingToCompare = "There is no earlier closed quarter to compare with: this is the first quarter the partnership closed.";

    private static readonly Rag[] Brag = [Rag.Blue, Rag.Green, Rag.Amber, Rag.Red];

    public byte[] Write(QuarterlyPaperModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var paper = new Paper(model);
        var b = new WordBuilder(new DocumentFrame(
            model.PartnershipName,
            model.ProducedOn,
            Marked: paper.Marked,
            ShortTitle: Title(model) + (paper.Scrutiny ? $" – {ScrutinyEdition.ToLowerInvariant()}" : string.Empty) + (model.IsDraft ? " – " + Draft(model) : string.Empty)));

        Cover(b, model, paper);
        Summary(b, model);

        b.Heading(1, "Progress by review");
        if (model.Reviews.Count == 0)
        {
            b.Paragraph("No review was open in the quarter.");
        }

        foreach (var review in model.Reviews)
        {
            ReviewSection(b, model, review, paper.Withhold(review));
        }

        OverdueAppendix(b, model, paper);
        return b.ToBytes();
    }

    public void Write(QuarterlyPaperModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Write(model));
    }

    public static string FileName(QuarterlyPaperModel model) =>
        DocText.FileName($"{model.PartnershipName} {Title(model)}{(model.Edition == PaperEdition.Scrutiny ? " (scrutiny edition)" : string.Empty)}".Replace('/', '-'));

    /// <summary>"Quarterly progress report Q2 2026/27".</summary>
    public static string Title(QuarterlyPaperModel model) => $"Quarterly progress report {model.Quarter.Label}";

    /// <summary>"Draft — as at 2 December 2026": the open quarter's paper, from the data as it stands.</summary>
    public static string Draft(QuarterlyPaperModel model) => $"Draft — as at {DocText.Date(model.AsAt)}";

    /// <summary>"July–September 2026".</summary>
    public static string Period(QuarterlyPaperModel model) => $"{model.Quarter.Months} {model.Quarter.End.Year}";

    /// <summary>What the writer decides from the model: the marking, and which reviews' text to withhold.</summary>
    private sealed class Paper(QuarterlyPaperModel model)
    {
        private readonly Dictionary<string, bool> _published = model.Reviews
            .GroupBy(r => r.Reference, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.All(r => r.IsPublished), StringComparer.Ordinal);

        public bool Scrutiny => model.Edition == PaperEdition.Scrutiny;

        public bool Marked =>
            model.CoversUnpublishedReviews
            || model.Reviews.Any(r => !r.IsPublished)
            || model.OverdueActions.Any(a => !a.ReviewIsPublished);

        public bool Withhold(QuarterlyReview review) => Scrutiny && !review.IsPublished;

        public bool Withhold(OverdueAction action) =>
            Scrutiny && (!action.ReviewIsPublished || (_published.TryGetValue(action.ReviewReference, out var published) && !published));
    }

    // ---- Cover and summary ------------------------------------------------------------------------------

    private static void Cover(WordBuilder b, QuarterlyPaperModel m, Paper paper)
    {
        b.Space(90);
        b.Title(m.PartnershipName);
        b.Subtitle(Title(m));
        b.Paragraph(Chunk.B(Period(m)));
        if (m.IsDraft)
        {
            b.Paragraph(Chunk.B(Draft(m)));
        }

        if (paper.Scrutiny)
        {
            b.Paragraph(Chunk.B(ScrutinyEdition));
        }

        b.Space(24);
        b.Labelled("Report to", paper.Scrutiny ? "The scrutiny panel" : "The Community Safety Partnership board");
        b.Labelled("Produced", DocText.Date(m.ProducedOn));
        if (!m.IsDraft && m.AsAt != m.ProducedOn && m.AsAt != default)
        {
            b.Labelled("Figures as at", DocText.Date(m.AsAt));
        }

        b.Labelled("Author", m.Author);
        b.Labelled("Covers", $"Domestic homicide and related death reviews and their action plans, {m.Quarter.Label} ({DocText.Date(m.Quarter.Start)} to {DocText.Date(m.Quarter.End)})");
        if (paper.Scrutiny)
        {
            b.Space(12);
            b.Note("This edition gives, for reviews not yet published, counts and statuses only: " + WithheldNote);
        }

        b.PageBreak();
    }

    private static void Summary(WordBuilder b, QuarterlyPaperModel m)
    {
        var current = m.Quarter.Label;

        b.Heading(1, "Summary");
        b.Heading(2, "Reviews by stage");
        if (m.ReviewsByStage.Count == 0)
        {
            b.Paragraph("No review was open in the quarter.");
        }
        else
        {
            var rows = m.ReviewsByStage.OrderBy(s => s.Stage)
                .Select(s => RowSpec.Of(CellSpec.Text(s.Stage.Describe()), CellSpec.Text(DocText.Number(s.Reviews)), CellSpec.Text(DocText.Number(s.Overdue))))
                .Append(RowSpec.Of(CellSpec.Text("Total", bold: true), CellSpec.Text(DocText.Number(m.ReviewsByStage.Sum(s => s.Reviews)), bold: true), CellSpec.Text(DocText.Number(m.ReviewsByStage.Sum(s => s.Overdue)), bold: true)));
            b.Table("Reviews by stage", [new ColumnSpec("Stage", 50), new ColumnSpec("Reviews", 25), new ColumnSpec("Of which overdue", 25)], rows);
        }

        b.Heading(2, "Actions by status");
        if (m.ComparedWith is not { } compared || m.ActionsPrevious is not { } before || m.Movement is not { } moved)
        {
            b.ParagraphKeptWithNext(m.IsDraft
                ? $"Every action's status as it stands on {DocText.Date(m.AsAt)}."
                : $"Every action's status as frozen when {current} was closed.");
            b.Table("Actions by status",
                [new ColumnSpec("Status", 60), new ColumnSpec(current, 40)],
                Brag.Select(r => RowSpec.Of(CellSpec.Text(r.Describe(), bold: true) with { Fill = r.Hex() }, CellSpec.Text(DocText.Number(m.ActionsNow[r]))))
                    .Append(RowSpec.Of(CellSpec.Text("Total", bold: true), CellSpec.Text(DocText.Number(m.ActionsNow.Total), bold: true))));
            b.Heading(2, "Movement since the previous quarter");
            b.Paragraph(NothingToCompare);
            return;
        }

        var previous = compared.Label;
        b.ParagraphKeptWithNext(m.IsDraft
            ? $"Every action's status as it stands on {DocText.Date(m.AsAt)}, beside its status at the close of {previous}."
            : $"Every action's status as frozen when {current} was closed, beside its status at the close of {previous}.");
        var statusRows = Brag
            .Select(r => RowSpec.Of(
                CellSpec.Text(r.Describe(), bold: true) with { Fill = r.Hex() },
                CellSpec.Text(DocText.Number(before[r])),
                CellSpec.Text(DocText.Number(m.ActionsNow[r])),
                CellSpec.Text(Change(m.ActionsNow[r] - before[r]))))
            .Append(RowSpec.Of(
                CellSpec.Text("Total", bold: true),
                CellSpec.Text(DocText.Number(before.Total), bold: true),
                CellSpec.Text(DocText.Number(m.ActionsNow.Total), bold: true),
                CellSpec.Text(Change(m.ActionsNow.Total - before.Total), bold: true)));
        b.Table("Actions by status",
            [new ColumnSpec("Status", 46), new ColumnSpec(previous, 18), new ColumnSpec(current, 18), new ColumnSpec("Change", 18)],
            statusRows);

        b.Heading(2, $"Movement since {previous}");
        b.Table("Movement of actions since the previous quarter",
            [new ColumnSpec("Movement", 22), new ColumnSpec("Actions", 14), new ColumnSpec("Meaning", 64)],
            [
                Movement("Improved", moved.Improved, "Status better than last quarter, not yet complete (for example Red to Amber)."),
                Movement("Worsened", moved.Worsened, "Status worse than last quarter (for example Green to Amber)."),
                Movement("Unchanged", moved.Unchanged, "Same status as last quarter."),
                Movement("Completed", moved.Completed, "Completed in the quarter: evidence accepted (Blue)."),
                Movement("New", moved.New, "Actions set since last quarter."),
            ]);
    }

    private static RowSpec Movement(string name, int count, string meaning) =>
        RowSpec.Of(CellSpec.Text(name, bold: true), CellSpec.Text(DocText.Number(count)), CellSpec.Text(meaning));

    private static string Change(int delta) => delta switch
    {
        > 0 => "+" + DocText.Number(delta),
        < 0 => "−" + DocText.Number(-delta),
        _ => "No change",
    };

    // ---- Per review -------------------------------------------------------------------------------------

    private static void ReviewSection(WordBuilder b, QuarterlyPaperModel m, QuarterlyReview r, bool withhold)
    {
        b.Heading(2, $"{DocText.OneLine(r.Reference)} – {r.Kind.LongName()}");
        var counts = r.Actions.Total > 0 ? $"; {DocText.Plural(r.Actions.Total, "action", "actions")} ({Counts(r.Actions)})" : string.Empty;
        b.ParagraphKeptWithNext(
            Chunk.B("Stage: "), new Chunk(r.Stage.Describe() + (r.IsPublished ? " (published)" : " (not yet published)")),
            new Chunk("\n"),
            Chunk.B("Recommendations: "), new Chunk(r.Recommendations == 0 ? "none yet" : DocText.Number(r.Recommendations) + counts));

        b.FactTable("Overall assessment", [("Overall assessment", OverallCell(r, withhold))], labelWeight: 28, valueWeight: 72);
        if (withhold)
        {
            b.Note(WithheldNote);
        }

        b.Heading(3, "Milestones reached in the quarter");
        Reached(b, r, withhold);

        b.Heading(3, "Milestones missed");
        Missed(b, r, withhold);

        b.Heading(3, "Prospects and risks to delivery");
        Risks(b, r, withhold);
    }

    private static CellSpec OverallCell(QuarterlyReview r, bool withhold)
    {
        if (r.Overall is not { } overall)
        {
            var longest = r.Missed.Where(m => !m.IsActionMilestone && m.DaysLate > 0).Select(m => m.DaysLate!.Value).DefaultIfEmpty().Max();
            return r.StagesOverdue > 0
                ? CellSpec.Of(Para.Of(Chunk.B("No actions yet")), Para.Of($"{DocText.Plural(r.StagesOverdue, "review stage is", "review stages are")} overdue, the longest by {DocText.Plural(longest, "day", "days")}."))
                : CellSpec.Of(Para.Of(Chunk.B("Not yet rated")), Para.Of("The review has no actions yet."));
        }

        var reason = withhold
            ? $"The worst open status across {DocText.Plural(r.Actions.Total, "action", "actions")}: {Counts(r.Actions)}."
            : overall.Reason;
        return CellSpec.Status(overall.Status, reason);
    }

    private static void Reached(WordBuilder b, QuarterlyReview r, bool withhold)
    {
        var shown = withhold ? r.Reached.Where(x => !x.IsActionMilestone).ToList() : r.Reached.ToList();
        foreach (var milestone in shown.OrderBy(x => x.AchievedOn))
        {
            var chunks = new List<Chunk>
            {
                new(milestone.Description),
                new($" – achieved {DocText.Date(milestone.AchievedOn, "—")}"),
            };
            if (milestone.DueOn is { } due)
            {
                chunks.Add(new($" (due {DocText.Date(due)})"));
            }

            if (milestone.IsActionMilestone)
            {
                chunks.Add(Chunk.I("; " + ActionLabel(milestone.ActionNumber, milestone.RecommendationNumber).ToLowerInvariant() + (string.IsNullOrWhiteSpace(milestone.LeadAgency) ? string.Empty : $", {DocText.OneLine(milestone.LeadAgency)}")));
            }

            b.Bullet([.. chunks]);
        }

        var hidden = r.Reached.Count - shown.Count;
        if (hidden > 0)
        {
            b.Bullet($"{DocText.Plural(hidden, "action milestone", "action milestones")} reached (details withheld until publication).");
        }

        if (r.Reached.Count == 0)
        {
            b.Paragraph("No milestone was reached in the quarter.");
        }
    }

    private static void Missed(WordBuilder b, QuarterlyReview r, bool withhold)
    {
        StagesDue(b, r);
        if (r.Missed.Count == 0)
        {
            b.Paragraph("No milestone was missed: no review stage is overdue and no action milestone fell due unmet.");
            return;
        }

        var shown = withhold ? r.Missed.Where(x => !x.IsActionMilestone).ToList() : r.Missed.ToList();
        if (shown.Count > 0)
        {
            b.Table($"Milestones missed: {DocText.OneLine(r.Reference)}",
                [new ColumnSpec("Milestone", 38), new ColumnSpec("Due", 16), new ColumnSpec("Reason and remedial action (latest update)", 46)],
                shown.OrderBy(x => x.DueOn).Select(x => RowSpec.Of(
                    CellSpec.Of(MilestoneParas(x)),
                    CellSpec.Text(DocText.Date(x.DueOn, "—")),
                    MissedReason(x))));
        }

        var hidden = r.Missed.Count - shown.Count;
        if (hidden > 0)
        {
            b.Paragraph($"{DocText.Plural(hidden, "action milestone was", "action milestones were")} missed; the reasons and remedial actions are withheld until publication.");
        }
    }

    private static void StagesDue(WordBuilder b, QuarterlyReview r)
    {
        if (r.LatestQaOutcome is { } qa)
        {
            b.Paragraph(Chunk.B("Latest Home Office QA outcome: "), new Chunk(qa));
        }

        foreach (var stage in r.StagesDue.OrderBy(s => s.DueOn))
        {
            b.Bullet(new Chunk($"{stage.Description}: due {DocText.Date(stage.DueOn, "—")}. "), Chunk.I(stage.WhereItStands ?? string.Empty));
        }
    }

    private static CellSpec MissedReason(QuarterlyMilestone x)
    {
        if (!x.IsActionMilestone)
        {
            var late = x.DaysLate is > 0 and var d ? $"{DocText.Plural(d, "day", "days")} late" : "Not yet late";
            return CellSpec.Of(Para.Of(Chunk.B(late + ".")), Para.Of(x.WhereItStands ?? string.Empty));
        }

        return string.IsNullOrWhiteSpace(x.LatestUpdate)
            ? CellSpec.Of(Para.Of(Chunk.I("No progress update has been given.")))
            : CellSpec.Of(Para.Of(Chunk.I($"Update of {DocText.Date(x.LatestUpdateOn, "unknown date")}:")), Para.Of(x.LatestUpdate));
    }

    /// <summary>"Action 2.2" when the action's number is known, else "Recommendation 2".</summary>
    public static string ActionLabel(string? actionNumber, string? recommendationNumber) =>
        actionNumber is { Length: > 0 } n ? $"Action {DocText.OneLine(n)}" : $"Recommendation {DocText.OneLine(recommendationNumber)}";

    private static IEnumerable<Para> MilestoneParas(QuarterlyMilestone x)
    {
        yield return Para.Of(x.Description);
        if (x.IsActionMilestone)
        {
            yield return Para.Of(Chunk.I(ActionLabel(x.ActionNumber, x.RecommendationNumber) + (string.IsNullOrWhiteSpace(x.LeadAgency) ? string.Empty : $", {DocText.OneLine(x.LeadAgency)}")));
        }
    }

    private static void Risks(WordBuilder b, QuarterlyReview r, bool withhold)
    {
        var open = r.Actions.Total - r.Actions.Blue;
        if (r.Actions.Total == 0)
        {
            b.Paragraph("The review has no actions yet: delivery will be assessed once the action plan is agreed.");
            return;
        }

        b.ParagraphKeptWithNext(
            $"Of {DocText.Plural(r.Actions.Total, "action", "actions")}, {DocText.Number(r.Actions.Blue)} {(r.Actions.Blue == 1 ? "is" : "are")} complete and {DocText.Number(r.Actions.Green)} on target; "
            + $"{DocText.Number(r.Actions.Amber)} {(r.Actions.Amber == 1 ? "is" : "are")} Amber and {DocText.Number(r.Actions.Red)} Red"
            + (open == 0 ? ". The action plan is delivered." : "."));

        if (r.Risks.Count == 0)
        {
            b.Paragraph("No action is Amber or Red: no risk to delivery is reported.");
            return;
        }

        if (withhold)
        {
            b.Paragraph($"{DocText.Plural(r.Risks.Count, "action is", "actions are")} Amber or Red; the actions and their updates are withheld until publication.");
            return;
        }

        b.Table($"Risks to delivery: {DocText.OneLine(r.Reference)}",
            [new ColumnSpec("Recommendation and action", 30), new ColumnSpec("Lead agency", 16), new ColumnSpec("Status", 24), new ColumnSpec("Latest update", 30)],
            r.Risks.OrderByDescending(x => x.Status.Status).Select(x => RowSpec.Of(
                CellSpec.Of(Para.Of(Chunk.B(ActionLabel(x.ActionNumber, x.RecommendationNumber))), Para.Of(x.ActionText)),
                CellSpec.Text(x.LeadAgency),
                CellSpec.Status(x.Status),
                string.IsNullOrWhiteSpace(x.LatestUpdate)
                    ? CellSpec.Of(Para.Of(Chunk.I("No progress update has been given.")))
                    : CellSpec.Of(Para.Of(Chunk.I($"{DocText.Date(x.LatestUpdateOn, "Undated")}:")), Para.Of(x.LatestUpdate)))));
    }

    private static string Counts(BragCounts c) =>
        string.Join(", ", Brag.Where(r => c[r] > 0).Select(r => $"{DocText.Number(c[r])} {r.Short()}")) is { Length: > 0 } s ? s : "none";

    // ---- Appendix ---------------------------------------------------------------------------------------

    private static void OverdueAppendix(WordBuilder b, QuarterlyPaperModel m, Paper paper)
    {
        if (m.OverdueActions.Count == 0)
        {
            b.Heading(1, AppendixHeading);
            b.Paragraph($"No action was overdue at the end of {m.Quarter.Label}.");
            return;
        }

        b.NewSection(PageOrientation.Landscape);
        b.Heading(1, AppendixHeading);
        b.Paragraph($"{DocText.Plural(m.OverdueActions.Count, "action was", "actions were")} past the target date and not complete at the end of {m.Quarter.Label} ({DocText.Date(m.Quarter.End)}).");

        const int columns = 5;
        var rows = new List<RowSpec>();
        foreach (var agency in m.OverdueActions.GroupBy(a => DocText.OneLine(a.LeadAgency), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            rows.Add(RowSpec.Group($"{agency.Key} – {DocText.Plural(agency.Count(), "overdue action", "overdue actions")}", columns));
            foreach (var a in agency.OrderByDescending(a => a.DaysOverdue))
            {
                var withhold = paper.Withhold(a);
                rows.Add(RowSpec.Of(
                    CellSpec.Text(a.ReviewReference),
                    withhold
                        ? CellSpec.Of(Para.Of(Chunk.B(ActionLabel(a.ActionNumber, a.RecommendationNumber))), Para.Of(Chunk.I("Action text withheld until the review is published.")))
                        : CellSpec.Of(Para.Of(Chunk.B(ActionLabel(a.ActionNumber, a.RecommendationNumber))), Para.Of(a.ActionText)),
                    ActionPlanWriter.TargetDateCell(a.TargetDate, a.OriginalTargetDate),
                    CellSpec.Text(DocText.Number(a.DaysOverdue)),
                    CellSpec.Status(a.Status.Status, withhold ? null : a.Status.Reason)));
            }
        }

        b.Table("Overdue actions by lead agency",
            [new ColumnSpec("Review", 14), new ColumnSpec("Recommendation and action", 36), new ColumnSpec("Target date", 14), new ColumnSpec("Days overdue", 10), new ColumnSpec("Status", 26)],
            rows);
    }
}
