using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Documents.Models;

namespace DhrTracker.Infrastructure.Documents;

/// <summary>
/// The Home Office action plan of one review: A4 landscape, one table in the Home Office column layout, each
/// action's status in words with its reason and shading, optionally grouped under theme rows.
/// </summary>
public sealed class ActionPlanWriter
{
    /// <summary>The Home Office template's column titles, in order.</summary>
    public static readonly IReadOnlyList<string> ColumnTitles =
    [
        "Recommendation",
        "Scope of recommendation (local/regional/national)",
        "Action to take",
        "Lead agency",
        "Key milestones achieved in enacting recommendation",
        "Target date",
        "Date of completion and outcome",
    ];

    private static readonly int[] ColumnWeights = [2600, 2050, 2550, 1450, 2900, 1450, 1570];

    public byte[] Write(ActionPlanModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reference = DocText.OneLine(model.ReviewReference);
        var b = new WordBuilder(new DocumentFrame(
            model.PartnershipName,
            model.ProducedOn,
            Marked: !model.IsPublished,
            ShortTitle: $"{reference} action plan",
            FirstOrientation: PageOrientation.Landscape));

        b.Heading(1, Title(model.ReviewReference, model.Kind));
        b.Paragraph(Chunk.B(model.PartnershipName));
        b.Paragraph(Summary(model.Groups, model.ProducedOn));
        b.StatusKey();
        AppendTable(b, model.Groups, $"Action plan for {reference}");
        return b.ToBytes();
    }

    public void Write(ActionPlanModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Write(model));
    }

    public static string FileName(ActionPlanModel model) => DocText.FileName($"{model.ReviewReference} action plan");

    /// <summary>"DHR-2023-02 – Domestic Homicide Review: action plan".</summary>
    public static string Title(string reference, ReviewKind kind) => $"{DocText.OneLine(reference)} – {kind.LongName()}: action plan";

    internal static string Summary(IReadOnlyList<ActionPlanGroup> groups, DateOnly asAt)
    {
        var recommendations = groups.SelectMany(g => g.Recommendations).ToList();
        var actions = recommendations.SelectMany(r => r.Actions).ToList();
        var counts = BragCounts.Of(actions.Select(a => a.Status.Status));
        var byStatus = string.Join(", ", new[] { Rag.Blue, Rag.Green, Rag.Amber, Rag.Red }
            .Where(r => counts[r] > 0)
            .Select(r => $"{DocText.Number(counts[r])} {r.Short()}"));
        return $"{DocText.Plural(recommendations.Count, "recommendation", "recommendations")} and {DocText.Plural(actions.Count, "action", "actions")}"
            + (actions.Count > 0 ? $" ({byStatus})" : string.Empty)
            + $", as at {DocText.Date(asAt)}.";
    }

    /// <summary>The action plan table, also used by the overview report's appendix.</summary>
    internal static void AppendTable(WordBuilder b, IReadOnlyList<ActionPlanGroup> groups, string caption)
    {
        var columns = ColumnTitles.Select((t, i) => new ColumnSpec(t, ColumnWeights[i])).ToList();
        b.Table(caption, columns, Rows(groups, columns.Count), small: true);
    }

    private static IEnumerable<RowSpec> Rows(IReadOnlyList<ActionPlanGroup> groups, int columnCount)
    {
        if (groups.All(g => g.Recommendations.Count == 0 && string.IsNullOrWhiteSpace(g.Theme)))
        {
            yield return new RowSpec([CellSpec.Of(Para.Of(Chunk.I("No recommendations have been recorded for this review yet."))) with { ColSpan = columnCount }]);
            yield break;
        }

        foreach (var group in groups)
        {
            if (!string.IsNullOrWhiteSpace(group.Theme))
            {
                yield return RowSpec.Group(group.Theme, columnCount, fill: "E7E6E6");
            }

            foreach (var recommendation in group.Recommendations)
            {
                foreach (var row in RecommendationRows(recommendation))
                {
                    yield return row;
                }
            }
        }
    }

    private static IEnumerable<RowSpec> RecommendationRows(ActionPlanRecommendation recommendation)
    {
        var recommendationCell = CellSpec.Of(Para.Of(Chunk.B(NumberLabel(recommendation.Number) + " "), new Chunk(recommendation.Text)));
        var scopeCell = ScopeCell(recommendation.Scope, recommendation.AddressedTo);

        if (recommendation.Actions.Count == 0)
        {
            yield return RowSpec.Of(
                recommendationCell,
                scopeCell,
                CellSpec.Of(Para.Of(Chunk.I("No action agreed yet."))),
                CellSpec.Empty(),
                CellSpec.Empty(),
                CellSpec.Empty(),
                CellSpec.Empty());
            yield break;
        }

        // One row per action. The recommendation and its scope are written once, in the first row, and the rows
        // below leave those cells empty with no rule between them, so the group reads as one. Not a vertical merge:
        // LibreOffice splits a merged cell's text across a page break, and keeping a whole recommendation on one
        // page left pages nearly empty; a row itself never splits.
        var last = recommendation.Actions.Count - 1;
        for (var i = 0; i <= last; i++)
        {
            var action = recommendation.Actions[i];
            var open = (CellSpec cell) => cell with { OpenTop = i > 0, OpenBottom = i < last };
            yield return RowSpec.Of(
                open(i == 0 ? recommendationCell : CellSpec.Empty()),
                open(i == 0 ? scopeCell : CellSpec.Empty()),
                CellSpec.Text(action.Description),
                LeadAgencyCell(action),
                MilestonesCell(action),
                TargetDateCell(action.TargetDate, action.OriginalTargetDate),
                CompletionCell(action));
        }
    }

    /// <summary>"3." for a plain number, "3(a)" and "10.1.1" as they are.</summary>
    internal static string NumberLabel(string number)
    {
        var n = DocText.OneLine(number);
        return n.Length > 0 && char.IsDigit(n[^1]) && !n.Contains('.') ? n + "." : n;
    }

    internal static CellSpec ScopeCell(RecommendationScope scope, IReadOnlyList<string> addressedTo)
    {
        var paras = new List<Para> { Para.Of(Chunk.B(scope.Describe())) };
        if (addressedTo.Count > 0)
        {
            paras.Add(Para.Of("Addressed to: " + string.Join(", ", addressedTo.Select(DocText.OneLine))));
        }

        return CellSpec.Of(paras);
    }

    private static CellSpec LeadAgencyCell(ActionPlanAction action)
    {
        var paras = new List<Para> { Para.Of(action.LeadAgency) };
        if (action.SupportingAgencies.Count > 0)
        {
            paras.Add(Para.Of(Chunk.I("Supported by: " + string.Join(", ", action.SupportingAgencies.Select(DocText.OneLine)))));
        }

        return CellSpec.Of(paras);
    }

    private static CellSpec MilestonesCell(ActionPlanAction action)
    {
        var paras = new List<Para>();
        foreach (var m in action.Milestones.OrderBy(m => m.DueOn))
        {
            paras.Add(Para.BulletOf(
                new Chunk(m.Description),
                new Chunk($" – due {DocText.Date(m.DueOn)}; "),
                m.AchievedOn is { } achieved ? Chunk.B($"achieved {DocText.Date(achieved)}") : new Chunk("not yet achieved")));
        }

        if (paras.Count == 0)
        {
            paras.Add(Para.Of(Chunk.I("No milestones set.")));
        }

        var status = CellSpec.Status(action.Status);
        paras.Add(Para.Of(Chunk.B("Status: "), Chunk.B(action.Status.Status.Describe())));
        paras.AddRange(status.Paras.Skip(1));
        return CellSpec.Of(paras) with { Fill = status.Fill };
    }

    internal static CellSpec TargetDateCell(DateOnly? target, DateOnly? original)
    {
        var paras = new List<Para> { Para.Of(DocText.Date(target, "Not set")) };
        if (original is { } o && o != target)
        {
            paras.Add(Para.Of(Chunk.I($"(originally {DocText.Date(o)})")));
        }

        return CellSpec.Of(paras);
    }

    private static CellSpec CompletionCell(ActionPlanAction action)
    {
        var paras = new List<Para>();
        if (action.CompletedOn is { } done)
        {
            paras.Add(Para.Of(Chunk.B($"Completed {DocText.Date(done)}")));
        }

        if (!string.IsNullOrWhiteSpace(action.CompletionEvidence))
        {
            paras.Add(Para.Of(action.CompletionEvidence));
        }

        if (action.CompletedOn is null && !string.IsNullOrWhiteSpace(action.OutcomeSought))
        {
            // The template's "Date of completion and Outcome" holds, for an open action, the outcome it is meant to achieve.
            paras.Add(Para.Of(action.OutcomeSought));
        }

        return paras.Count == 0 ? CellSpec.Empty() : CellSpec.Of(paras);
    }
}
