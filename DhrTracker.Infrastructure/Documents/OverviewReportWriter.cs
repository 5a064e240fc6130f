using System.Globalization;
using System.Text;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Documents.Models;

namespace DhrTracker.Infrastructure.Documents;

/// <summary>
/// The overview report and executive summary scaffold in the partnership's heading structure: a title page,
/// every section the tracker knows filled from the record, every narrative section left with a note of what
/// belongs there for the independent chair, an executive summary on the same pattern, and the action plan as
/// a landscape Appendix A.
/// </summary>
public sealed class OverviewReportWriter
{
    public const string ExecutiveSummaryHeading = "Executive summary";
    public const string AppendixHeading = "Appendix A: Action plan";
    public const string NotePrefix = "For the independent chair: ";

    /// <summary>The sections the tracker fills from its record.</summary>
    public enum KnownSection
    {
        Timescales,
        TermsOfReference,
        InvolvementOfFamily,
        Contributors,
        PanelMembers,
        Author,
        ParallelReviews,
        Recommendations,
    }

    private static readonly Dictionary<string, KnownSection> Known = new(StringComparer.Ordinal)
    {
        ["timescales"] = KnownSection.Timescales,
        ["timescale"] = KnownSection.Timescales,
        ["terms of reference"] = KnownSection.TermsOfReference,
        ["involvement of family"] = KnownSection.InvolvementOfFamily,
        ["involvement of family and friends"] = KnownSection.InvolvementOfFamily,
        ["involvement of family friends and colleagues"] = KnownSection.InvolvementOfFamily,
        ["family involvement"] = KnownSection.InvolvementOfFamily,
        ["contributors to the review"] = KnownSection.Contributors,
        ["contributors"] = KnownSection.Contributors,
        ["contributing agencies"] = KnownSection.Contributors,
        ["the review panel members"] = KnownSection.PanelMembers,
        ["review panel members"] = KnownSection.PanelMembers,
        ["the review panel"] = KnownSection.PanelMembers,
        ["review panel"] = KnownSection.PanelMembers,
        ["panel members"] = KnownSection.PanelMembers,
        ["author of the overview report"] = KnownSection.Author,
        ["the author of the overview report"] = KnownSection.Author,
        ["independent chair and author"] = KnownSection.Author,
        ["author"] = KnownSection.Author,
        ["parallel reviews"] = KnownSection.ParallelReviews,
        ["parallel proceedings"] = KnownSection.ParallelReviews,
        ["parallel reviews and proceedings"] = KnownSection.ParallelReviews,
        ["recommendations"] = KnownSection.Recommendations,
        ["recommendations from the review"] = KnownSection.Recommendations,
    };

    private static readonly Dictionary<string, string> NarrativeNotes = new(StringComparer.Ordinal)
    {
        ["introduction"] = "who the review is about (pseudonyms only), when they died, why the review was commissioned, and the purpose of the review: to learn lessons, not to apportion blame.",
        ["confidentiality"] = "how the findings have been kept confidential until publication, the pseudonyms used and who chose them, and who has seen the report.",
        ["methodology"] = "how the review was carried out: agency reports and chronologies, interviews, panel meetings and the involvement of family and friends.",
        ["equality and diversity"] = "consideration of the protected characteristics of the Equality Act 2010 and any other vulnerability, and how they affected the person's access to services.",
        ["dissemination"] = "who will receive the report and the action plan once it is published.",
        ["background information the facts"] = "the facts of the death and the background of the people involved, using pseudonyms.",
        ["background information"] = "the facts of the death and the background of the people involved, using pseudonyms.",
        ["chronology"] = "a chronology of agency contact within the period under review.",
        ["overview"] = "a summary of what agencies, family and friends knew, drawn from the agency reports and the chronology.",
        ["analysis"] = "analysis of each agency's involvement against the terms of reference: good practice, missed opportunities and the reasons for them, without attributing blame.",
        ["conclusions"] = "the key issues the review has found, and whether the death could have been predicted or prevented.",
        ["lessons to be learnt"] = "the lessons for each agency and for the partnership as a whole.",
        ["lessons to be learned"] = "the lessons for each agency and for the partnership as a whole.",
        ["lessons learnt"] = "the lessons for each agency and for the partnership as a whole.",
        ["lessons learned"] = "the lessons for each agency and for the partnership as a whole.",
    };

    public byte[] Write(OverviewReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reference = DocText.OneLine(model.ReviewReference);
        var b = new WordBuilder(new DocumentFrame(
            model.PartnershipName,
            model.ProducedOn,
            Marked: !model.IsPublished,
            ShortTitle: $"{reference} overview report (draft)"));

        TitlePage(b, model);

        foreach (var heading in HeadingsOf(model))
        {
            b.Heading(1, heading);
            if (Recognise(heading) is { } section)
            {
                WriteKnown(b, model, section);
            }
            else
            {
                b.Note(NoteFor(heading));
            }
        }

        b.PageBreak();
        ExecutiveSummary(b, model);

        b.NewSection(PageOrientation.Landscape);
        b.Heading(1, AppendixHeading);
        b.Paragraph(ActionPlanWriter.Summary(model.ActionPlan, model.ProducedOn));
        b.StatusKey();
        ActionPlanWriter.AppendTable(b, model.ActionPlan, $"Action plan for {reference}");
        return b.ToBytes();
    }

    public void Write(OverviewReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Write(model));
    }

    public static string FileName(OverviewReportModel model) => DocText.FileName($"{model.ReviewReference} overview report and executive summary (draft)");

    /// <summary>The headings the document will carry, in order: the model's, or the Home Office default.</summary>
    public static IReadOnlyList<string> HeadingsOf(OverviewReportModel model)
    {
        var given = (model.Headings ?? []).Select(DocText.OneLine).Where(h => h.Length > 0).ToList();
        return given.Count > 0 ? given : PartnershipSettings.DefaultOverviewHeadings;
    }

    /// <summary>Which known section a heading is, matched case-insensitively (numbering and punctuation ignored).</summary>
    public static KnownSection? Recognise(string heading) =>
        Known.TryGetValue(Normalise(heading), out var section) ? section : null;

    /// <summary>The italic note left under a narrative heading.</summary>
    public static string NoteFor(string heading) =>
        NotePrefix + (NarrativeNotes.TryGetValue(Normalise(heading), out var note)
            ? note
            : $"write the section “{DocText.OneLine(heading)}”.");

    internal static string Normalise(string heading)
    {
        var sb = new StringBuilder();
        foreach (var c in DocText.OneLine(heading).Replace("&", " and ", StringComparison.Ordinal).ToLowerInvariant())
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w.All(char.IsDigit));
        return string.Join(' ', words);
    }

    // ---- Title page -------------------------------------------------------------------------------------

    private static void TitlePage(WordBuilder b, OverviewReportModel m)
    {
        b.Space(90);
        b.Title(m.Kind.LongName());
        b.Subtitle("Overview report");
        b.Paragraph(new Chunk($"Into the death of {DocText.OneLine(m.VictimPseudonym)} in {m.DateOfDeath.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}"));
        b.Space(24);
        b.Labelled("Reference", m.ReviewReference);
        b.Labelled("Commissioned by", m.PartnershipName);
        b.Labelled(ChairLabel(m), ChairText(m));
        if (!string.IsNullOrWhiteSpace(m.AuthorName))
        {
            b.Labelled("Author", m.AuthorName);
        }

        b.Space(24);
        b.Note($"Draft scaffold produced on {DocText.Date(m.ProducedOn)} from the partnership's review record. Sections that begin “{NotePrefix.Trim()}” are for the independent chair to write; the rest is filled from the record and should be checked.");
        b.PageBreak();
    }

    private static string ChairLabel(OverviewReportModel m) =>
        string.IsNullOrWhiteSpace(m.AuthorName) ? "Independent chair and author" : "Independent chair";

    private static string ChairText(OverviewReportModel m) =>
        string.IsNullOrWhiteSpace(m.IndependentChair)
            ? "To be appointed"
            : DocText.OneLine(m.IndependentChair) + (string.IsNullOrWhiteSpace(m.IndependentChairOrganisation) ? string.Empty : $", {DocText.OneLine(m.IndependentChairOrganisation)}");

    // ---- Known sections ---------------------------------------------------------------------------------

    private static void WriteKnown(WordBuilder b, OverviewReportModel m, KnownSection section)
    {
        switch (section)
        {
            case KnownSection.Timescales: Timescales(b, m); break;
            case KnownSection.TermsOfReference: TermsOfReference(b, m); break;
            case KnownSection.InvolvementOfFamily: Family(b, m); break;
            case KnownSection.Contributors: Contributors(b, m); break;
            case KnownSection.PanelMembers: Panel(b, m); break;
            case KnownSection.Author: Author(b, m); break;
            case KnownSection.ParallelReviews: Parallel(b, m); break;
            case KnownSection.Recommendations: Recommendations(b, m); break;
        }
    }

    private static string Victim(OverviewReportModel m) => DocText.OneLine(m.VictimPseudonym);

    private static int PausedDays(OverviewReportModel m) =>
        DateMath.CoveredDays(m.Pauses.Select(p => (p.StartedOn, p.EndedOn)), m.ProducedOn);

    private static void Timescales(WordBuilder b, OverviewReportModel m)
    {
        var partnership = DocText.OneLine(m.PartnershipName);
        var text = new StringBuilder($"The death of {Victim(m)} on {DocText.Date(m.DateOfDeath)} was notified to {partnership} on {DocText.Date(m.NotifiedOn)}.");
        if (m.DecidedOn is { } decided)
        {
            text.Append($" The chair of the partnership decided to commission a review on {DocText.Date(decided)}");
            text.Append(m.HomeOfficeNotifiedOn is { } told ? $", and the Home Office was told of the decision on {DocText.Date(told)}." : ".");
        }

        if (m.ChairAppointedOn is { } appointed)
        {
            text.Append($" The independent chair was appointed on {DocText.Date(appointed)}.");
        }

        b.Paragraph(text.ToString());

        if (m.Stages.Count > 0)
        {
            b.Table("Stages of the review",
                [new ColumnSpec("Stage", 56), new ColumnSpec("Due", 22), new ColumnSpec("Done", 22)],
                m.Stages.Select(s => RowSpec.Of(CellSpec.Text(s.Title), CellSpec.Text(DocText.Date(s.DueOn, "—")), CellSpec.Text(DocText.Date(s.DoneOn, "Not yet")))));
        }

        if (m.Pauses.Count > 0)
        {
            var open = m.Pauses.Any(p => p.EndedOn is null);
            b.Paragraph($"The review has been paused {DocText.Plural(m.Pauses.Count, "time", "times")} for parallel proceedings, for {DocText.Plural(PausedDays(m), "day", "days")} in all"
                + (open ? $" up to {DocText.Date(m.ProducedOn)}, and is paused still." : ".")
                + " Paused days extend the date by which the review is due to be completed.");
        }

        if (m.CompletionDueOn is { } due)
        {
            b.Paragraph(Chunk.B("Completion due: "), new Chunk(DocText.Date(due) + (m.Pauses.Count > 0 ? " (including the days the review was paused)." : ".")));
        }

        b.Note(NotePrefix + "explain any delay against these timescales and its reasons.");
    }

    private static void TermsOfReference(WordBuilder b, OverviewReportModel m)
    {
        if (m.TermsOfReferenceAgreedOn is null && m.PeriodUnderReviewFrom is null && string.IsNullOrWhiteSpace(m.TermsOfReferenceSummary))
        {
            b.Note(NotePrefix + "the terms of reference, once the panel has agreed them, and the period the review covers.");
            return;
        }

        var text = new StringBuilder();
        if (m.TermsOfReferenceAgreedOn is { } agreed)
        {
            text.Append($"The panel agreed the terms of reference on {DocText.Date(agreed)}.");
        }

        if (m.PeriodUnderReviewFrom is { } from && m.PeriodUnderReviewTo is { } to)
        {
            text.Append($" The review covers the period from {DocText.Date(from)} to {DocText.Date(to)}.");
        }

        if (text.Length > 0)
        {
            b.Paragraph(text.ToString().Trim());
        }

        if (!string.IsNullOrWhiteSpace(m.TermsOfReferenceSummary))
        {
            b.Paragraph(m.TermsOfReferenceSummary);
        }

        b.Note(NotePrefix + "the full terms of reference and the key lines of enquiry, if they are not given above.");
    }

    private static void Family(WordBuilder b, OverviewReportModel m)
    {
        if (m.FamilyContacts.Count == 0)
        {
            b.Note(NotePrefix + "who among family, friends and colleagues was invited to contribute, how, and what they said. No contact is recorded yet.");
            return;
        }

        b.ParagraphKeptWithNext($"Family, friends and colleagues of {Victim(m)} were invited to contribute to the review:");
        b.Table("Involvement of family, friends and colleagues",
            [new ColumnSpec("Who", 34), new ColumnSpec("Contact offered", 20), new ColumnSpec("Response", 24), new ColumnSpec("Advocacy", 22)],
            m.FamilyContacts.OrderBy(c => c.ContactOfferedOn).Select(c => RowSpec.Of(
                CellSpec.Text(c.Description),
                CellSpec.Text(DocText.Date(c.ContactOfferedOn)),
                CellSpec.Text(c.Response.Describe() + (c.RespondedOn is { } r ? $" ({DocText.Date(r)})" : string.Empty)),
                CellSpec.Text(string.IsNullOrWhiteSpace(c.Advocacy) ? "—" : c.Advocacy))));
        b.Note(NotePrefix + "how the family's contributions shaped the review, and how they were kept informed.");
    }

    private static void Contributors(WordBuilder b, OverviewReportModel m)
    {
        if (m.AgencyReports.Count == 0)
        {
            b.Note(NotePrefix + "the agencies that contributed and what each provided. No agency report has been requested yet.");
            return;
        }

        var agencies = m.AgencyReports.Select(r => DocText.OneLine(r.Agency)).Distinct(StringComparer.Ordinal).ToList();
        b.ParagraphKeptWithNext($"{DocText.Plural(agencies.Count, "agency", "agencies")} contributed to the review:");
        b.Table("Contributors to the review",
            [new ColumnSpec("Agency", 29), new ColumnSpec("Contribution", 20), new ColumnSpec("Requested", 17), new ColumnSpec("Due", 17), new ColumnSpec("Received", 17)],
            m.AgencyReports.OrderBy(r => r.Agency, StringComparer.Ordinal).ThenBy(r => r.RequestedOn).Select(r => RowSpec.Of(
                CellSpec.Text(r.Agency),
                CellSpec.Text(r.Kind.Describe()),
                CellSpec.Text(DocText.Date(r.RequestedOn)),
                CellSpec.Text(DocText.Date(r.DueOn)),
                CellSpec.Text(DocText.Date(r.ReceivedOn, "Outstanding")))));
        b.Note(NotePrefix + "confirm that the authors of agency reports were independent of the case, and name any agency that had no contact.");
    }

    private static void Panel(WordBuilder b, OverviewReportModel m)
    {
        if (m.Panel.Count == 0)
        {
            b.Note(NotePrefix + "the members of the review panel, their roles and agencies. No panel member is recorded yet.");
            return;
        }

        b.Table("The review panel members",
            [new ColumnSpec("Name", 30), new ColumnSpec("Role", 35), new ColumnSpec("Agency", 35)],
            m.Panel.Select(p => RowSpec.Of(CellSpec.Text(p.Name), CellSpec.Text(p.Role), CellSpec.Text(string.IsNullOrWhiteSpace(p.Agency) ? "—" : p.Agency))));
        b.Note(NotePrefix + "the dates the panel met, and confirmation that members had no direct involvement with the case.");
    }

    private static void Author(WordBuilder b, OverviewReportModel m)
    {
        if (string.IsNullOrWhiteSpace(m.IndependentChair))
        {
            b.Note(NotePrefix + "the independent chair and author, their organisation and experience. No independent chair is recorded yet.");
            return;
        }

        var text = new StringBuilder(string.IsNullOrWhiteSpace(m.AuthorName)
            ? $"The independent chair and author of this report is {ChairText(m)}"
            : $"The independent chair is {ChairText(m)}");
        text.Append(m.ChairAppointedOn is { } on ? $", appointed on {DocText.Date(on)}." : ".");
        if (!string.IsNullOrWhiteSpace(m.AuthorName))
        {
            text.Append($" The report was written by {DocText.OneLine(m.AuthorName)}.");
        }

        b.Paragraph(text.ToString());
        b.Note(NotePrefix + "a statement of independence from the agencies involved, and relevant experience and training.");
    }

    private static void Parallel(WordBuilder b, OverviewReportModel m)
    {
        if (m.Pauses.Count == 0)
        {
            b.Paragraph("No parallel proceedings have paused the review.");
        }
        else
        {
            b.ParagraphKeptWithNext($"The review was paused for parallel proceedings for {DocText.Plural(PausedDays(m), "day", "days")} in all:");
            b.Table("Parallel proceedings",
                [new ColumnSpec("Proceedings", 24), new ColumnSpec("Paused from", 18), new ColumnSpec("Resumed", 18), new ColumnSpec("Notes", 40)],
                m.Pauses.OrderBy(p => p.StartedOn).Select(p => RowSpec.Of(
                    CellSpec.Text(p.Reason.Describe()),
                    CellSpec.Text(DocText.Date(p.StartedOn)),
                    CellSpec.Text(DocText.Date(p.EndedOn, "Still paused")),
                    CellSpec.Text(p.Notes ?? string.Empty))));
        }

        b.Note(NotePrefix + "any other review or proceedings (inquest, criminal trial, SAR, IOPC investigation) and how the review worked alongside them.");
    }

    private static void Recommendations(WordBuilder b, OverviewReportModel m)
    {
        var any = false;
        foreach (var group in m.ActionPlan)
        {
            if (group.Recommendations.Count == 0)
            {
                continue;
            }

            if (!string.IsNullOrWhiteSpace(group.Theme))
            {
                b.Heading(2, group.Theme);
            }

            foreach (var r in group.Recommendations)
            {
                b.Paragraph(RecommendationChunks(r));
                any = true;
            }
        }

        if (any)
        {
            b.Paragraph($"The actions agreed for each recommendation are in {AppendixHeading.Split(':')[0]}.");
        }
        else
        {
            b.Note(NotePrefix + "the panel's recommendations, numbered, each with its scope (local, regional or national) and the agency it is addressed to.");
        }
    }

    private static Chunk[] RecommendationChunks(ActionPlanRecommendation r)
    {
        var scope = r.Scope.Describe() + (r.AddressedTo.Count > 0 ? " – addressed to " + string.Join(", ", r.AddressedTo.Select(DocText.OneLine)) : string.Empty);
        return [Chunk.B(ActionPlanWriter.NumberLabel(r.Number) + " "), new Chunk(r.Text), Chunk.I($" ({scope})")];
    }

    // ---- Executive summary ------------------------------------------------------------------------------

    private static void ExecutiveSummary(WordBuilder b, OverviewReportModel m)
    {
        b.Heading(1, ExecutiveSummaryHeading);

        b.Heading(2, "The review process");
        var partnership = DocText.OneLine(m.PartnershipName);
        var age = m.VictimAge is { } a ? $", aged {DocText.Number(a)}," : string.Empty;
        var text = new StringBuilder($"This summary outlines the process followed by {partnership} in reviewing the death of {Victim(m)}{age} who died on {DocText.Date(m.DateOfDeath)}.");
        if (m.Relationship is { } rel && !string.IsNullOrWhiteSpace(m.PerpetratorPseudonym))
        {
            text.Append($" {DocText.OneLine(m.PerpetratorPseudonym)} was {Victim(m)}'s {rel.Describe().ToLowerInvariant()}.");
        }

        text.Append($" The death was notified to the partnership on {DocText.Date(m.NotifiedOn)}");
        text.Append(m.DecidedOn is { } decided ? $" and a {m.Kind.LongName()} was commissioned on {DocText.Date(decided)}." : ".");
        if (m.Pauses.Count > 0)
        {
            text.Append($" The review was paused for {DocText.Plural(PausedDays(m), "day", "days")} for parallel proceedings.");
        }

        b.Paragraph(text.ToString());

        var facts = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(m.IndependentChair))
        {
            facts.Append($"The independent chair{(string.IsNullOrWhiteSpace(m.AuthorName) ? " and author" : string.Empty)} is {ChairText(m)}. ");
        }

        if (m.Panel.Count > 0)
        {
            facts.Append($"The panel has {DocText.Plural(m.Panel.Count, "member", "members")}. ");
        }

        var agencies = m.AgencyReports.Select(r => DocText.OneLine(r.Agency)).Distinct(StringComparer.Ordinal).ToList();
        if (agencies.Count > 0)
        {
            facts.Append($"{DocText.Plural(agencies.Count, "agency", "agencies")} contributed: {string.Join(", ", agencies)}. ");
        }

        if (m.PeriodUnderReviewFrom is { } from && m.PeriodUnderReviewTo is { } to)
        {
            facts.Append($"The review covers the period from {DocText.Date(from)} to {DocText.Date(to)}.");
        }

        if (facts.Length > 0)
        {
            b.Paragraph(facts.ToString().Trim());
        }

        b.Note(NotePrefix + "check these facts against the overview report when it is final.");

        b.Heading(2, "Key issues arising from the review");
        b.Note(NotePrefix + "the key issues the review has found, in brief.");
        b.Heading(2, "Conclusions");
        b.Note(NotePrefix + "the conclusions of the review, consistent with the overview report.");
        b.Heading(2, "Lessons to be learnt");
        b.Note(NotePrefix + "the main lessons for agencies and the partnership.");

        b.Heading(2, "Recommendations");
        var recs = m.ActionPlan.SelectMany(g => g.Recommendations).ToList();
        if (recs.Count == 0)
        {
            b.Note(NotePrefix + "the recommendations, as numbered in the overview report.");
        }
        else
        {
            foreach (var r in recs)
            {
                b.Paragraph(RecommendationChunks(r));
            }
        }
    }
}
