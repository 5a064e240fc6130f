using DhrTracker.Tests.Support;
using DhrTracker.Domain.Actions;
using DhrTracker.Infrastructure.Documents;
using DhrTracker.Infrastructure.Documents.Models;
using static DhrTracker.Tests.Documents.DocumentTestKit;

namespace DhrTracker.Tests.Documents;

public class OverviewReportWriterTests
{
    private readonly OverviewReportWriter _writer = new();

    [Fact]
    public void Validates_with_no_errors() => AssertValid(_writer.Write(DocumentSamples.Overview()));

    [Fact]
    public void An_almost_empty_review_validates_and_leaves_every_section_to_the_chair()
    {
        var model = new OverviewReportModel
        {
            PartnershipName = DocumentSamples.Partnership,
            ProducedOn = DocumentSamples.ProducedOn,
            IsPublished = false,
            ReviewReference = "DHR-2026-09",
            Kind = DhrTracker.Domain.Reviews.ReviewKind.Susr,
            VictimPseudonym = "Adult K",
            DateOfDeath = new DateOnly(2026, 8, 1),
            NotifiedOn = new DateOnly(2026, 8, 10),
        };
        var bytes = _writer.Write(model);
        AssertValid(bytes);
        using var doc = Open(bytes);
        var body = BodyText(doc);
        Assert.Contains("No panel member is recorded yet.", body);
        Assert.Contains("No recommendations have been recorded for this review yet.", body);
        Assert.Contains("To be appointed", body);
    }

    [Fact]
    public void Has_the_default_headings_in_order_then_the_executive_summary_and_appendix()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Overview()));
        AssertHeadingStyles(doc);
        var expected = DocumentSamples.DefaultHeadings
            .Append(OverviewReportWriter.ExecutiveSummaryHeading)
            .Append(OverviewReportWriter.AppendixHeading)
            .ToList();
        Assert.Equal(expected, Headings(doc, 1));
        Assert.Contains("Key issues arising from the review", Headings(doc, 2));
        Assert.Contains("Theme 2 – Processes – county wide", Headings(doc, 2));
    }

    [Fact]
    public void Marks_an_unpublished_review_and_not_a_published_one()
    {
        using (var doc = Open(_writer.Write(DocumentSamples.Overview())))
        {
            AssertMarking(doc, marked: true);
            AssertHeaderAndFooter(doc, DocumentSamples.Partnership, DocumentSamples.ProducedOnText);
        }

        using (var doc = Open(_writer.Write(DocumentSamples.Overview(published: true))))
        {
            AssertMarking(doc, marked: false);
        }
    }

    [Fact]
    public void Is_portrait_with_a_landscape_appendix_section()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Overview()));
        var sections = Sections(doc);
        Assert.Equal(2, sections.Count);
        Assert.True(sections[0].IsPortrait && sections[0].IsA4);
        Assert.True(sections[1].IsLandscape && sections[1].IsA4);
        AssertTables(doc, minimumTablesWithHeaders: 5);
        Assert.Equal(ActionPlanWriter.ColumnTitles, HeaderTitles(TableStartingWith(doc, "Recommendation")));
    }

    [Fact]
    public void Title_page_names_the_review_victim_partnership_and_chair()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Overview()));
        var body = BodyText(doc);
        var titlePage = body[..body.IndexOf("Introduction", StringComparison.Ordinal)];
        Assert.Contains("Domestic Homicide Review", titlePage);
        Assert.Contains("Overview report", titlePage);
        Assert.Contains("Into the death of Adult A in May 2023", titlePage);
        Assert.Contains("Reference: DHR-2023-02", titlePage);
        Assert.Contains("Commissioned by: " + DocumentSamples.Partnership, titlePage);
        Assert.Contains("Independent chair and author: Dr Helen Marsh, Marsh Safeguarding Consultancy", titlePage);
    }

    [Fact]
    public void Fills_the_sections_the_tracker_knows()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Overview()));
        var sections = TextUnderHeading1(doc);

        Assert.Contains("notified to Eastshire Community Safety Partnership on 12 May 2023", sections["Timescales"]);
        Assert.Contains("Home Office was told of the decision on 20 June 2023", sections["Timescales"]);
        Assert.Contains("Agency reports (IMRs) and chronologies", sections["Timescales"]);
        Assert.Contains("Completion due: 15 July 2024 (including the days the review was paused)", sections["Timescales"]);
        Assert.Equal(new DateOnly(2024, 7, 15), DocumentSamples.OverviewCompletionDue);
        Assert.Contains("paused 2 times for parallel proceedings, for 226 days in all.", sections["Timescales"]);

        Assert.Contains("agreed the terms of reference on 14 August 2023", sections["Terms of Reference"]);
        Assert.Contains("from 1 May 2020 to 3 May 2023", sections["Terms of Reference"]);
        Assert.Contains("whether coercive control was recognised", sections["Terms of Reference"]);

        Assert.Contains("Daughter of Adult A", sections["Involvement of Family"]);
        Assert.Contains("Accepted (1 August 2023)", sections["Involvement of Family"]);
        Assert.Contains("AAFDA", sections["Involvement of Family"]);
        Assert.Contains("Awaiting response", sections["Involvement of Family"]);

        Assert.Contains("Individual management review (IMR)", sections["Contributors to the Review"]);
        Assert.Contains("Outstanding", sections["Contributors to the Review"]);
        Assert.Contains("4 agencies contributed", sections["Contributors to the Review"]);

        Assert.Contains("Detective Inspector Tom Reid", sections["The Review Panel Members"]);
        Assert.Contains("Designated nurse for safeguarding adults", sections["The Review Panel Members"]);

        Assert.Contains("The independent chair and author of this report is Dr Helen Marsh", sections["Author of the Overview Report"]);

        Assert.Contains("Criminal trial", sections["Parallel Reviews"]);
        Assert.Contains("Inquest\n1 March 2024\n28 June 2024", sections["Parallel Reviews"]);
        Assert.Contains("1 November 2023", sections["Parallel Reviews"]);

        foreach (var rec in DocumentSamples.RecommendationTexts)
        {
            Assert.Contains(rec, sections["Recommendations"]);
        }

        Assert.Contains("(National – addressed to Home Office)", sections["Recommendations"]);
    }

    [Fact]
    public void An_open_pause_is_shown_as_still_paused()
    {
        var model = DocumentSamples.Overview() with
        {
            Pauses = [new OverviewPause(DhrTracker.Domain.Reviews.PauseReason.IopcInvestigation, new DateOnly(2026, 11, 1), null, null)],
        };
        using var doc = Open(_writer.Write(model));
        var sections = TextUnderHeading1(doc);
        Assert.Contains("Still paused", sections["Parallel Reviews"]);
        Assert.Contains("for 22 days in all up to 22 November 2026, and is paused still.", sections["Timescales"]);
    }

    [Fact]
    public void Leaves_narrative_sections_for_the_independent_chair()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Overview()));
        var sections = TextUnderHeading1(doc);
        foreach (var heading in new[] { "Introduction", "Confidentiality", "Methodology", "Equality and Diversity", "Dissemination", "Background Information (the facts)", "Chronology", "Overview", "Analysis", "Conclusions", "Lessons to be Learnt" })
        {
            Assert.StartsWith(OverviewReportWriter.NotePrefix, sections[heading].Trim());
        }

        Assert.Equal("For the independent chair: a chronology of agency contact within the period under review.", sections["Chronology"].Trim());

        // The notes are italic.
        var note = Body(doc).Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First(p => ParagraphText(p).StartsWith("For the independent chair: a chronology", StringComparison.Ordinal));
        Assert.NotNull(note.Descendants<DocumentFormat.OpenXml.Wordprocessing.Italic>().FirstOrDefault());
    }

    [Fact]
    public void Follows_the_partnerships_own_headings_matching_known_ones_case_insensitively()
    {
        var headings = new[] { "1. INTRODUCTION", "timescales", "Review Panel", "Involvement of family, friends and colleagues", "Local context", "RECOMMENDATIONS" };
        using var doc = Open(_writer.Write(DocumentSamples.Overview(headings: headings)));
        Assert.Equal(headings.Append(OverviewReportWriter.ExecutiveSummaryHeading).Append(OverviewReportWriter.AppendixHeading), Headings(doc, 1));
        var sections = TextUnderHeading1(doc);
        Assert.Contains("Completion due", sections["timescales"]);
        Assert.Contains("Detective Inspector Tom Reid", sections["Review Panel"]);
        Assert.Contains("Daughter of Adult A", sections["Involvement of family, friends and colleagues"]);
        Assert.Contains(DocumentSamples.RecommendationTexts[0], sections["RECOMMENDATIONS"]);
        Assert.StartsWith("For the independent chair: who the review is about", sections["1. INTRODUCTION"].Trim());
        Assert.Equal("For the independent chair: write the section “Local context”.", sections["Local context"].Trim());

        Assert.Equal(OverviewReportWriter.KnownSection.TermsOfReference, OverviewReportWriter.Recognise("  TERMS OF   reference: "));
        Assert.Null(OverviewReportWriter.Recognise("Analysis"));
    }

    [Fact]
    public void Executive_summary_gives_the_facts_and_leaves_the_findings()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Overview()));
        var summary = TextUnderHeading1(doc)[OverviewReportWriter.ExecutiveSummaryHeading];
        Assert.Contains("reviewing the death of Adult A, aged 72, who died on 3 May 2023", summary);
        Assert.Contains("Adult B was Adult A's intimate partner.", summary);
        Assert.Contains("4 agencies contributed", summary);
        Assert.Contains("For the independent chair: the key issues the review has found", summary);
        Assert.Contains(DocumentSamples.RecommendationTexts[13], summary);
    }

    [Fact]
    public void The_appendix_is_the_action_plan_with_statuses_shaded()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Overview()));
        var table = TableStartingWith(doc, "Recommendation");
        var fills = table.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(CellFill).Where(f => f is not null).ToHashSet();
        foreach (var rag in new[] { Rag.Blue, Rag.Green, Rag.Amber, Rag.Red })
        {
            Assert.Contains(rag.Hex(), fills);
        }
    }

    [Trait(Lane.Name, Lane.Rendering)]
    [Fact]
    public async Task LibreOffice_renders_the_scaffold_with_a_landscape_appendix()
    {
        var pdf = await RenderAsync(_writer.Write(DocumentSamples.Overview()), "overview-report");
        Assert.InRange(pdf.Pages, 8, 40);
        Assert.False(pdf.IsLandscape(1));
        Assert.True(pdf.IsLandscape(pdf.Pages), "the appendix is not landscape");
        Each.Of(Enumerable.Range(1, pdf.Pages), p => Assert.True(pdf.IsA4(p)));
        foreach (var heading in DocumentSamples.DefaultHeadings.Append(OverviewReportWriter.ExecutiveSummaryHeading).Append(OverviewReportWriter.AppendixHeading))
        {
            Assert.True(pdf.Contains(heading), $"PDF lacks the heading '{heading}'");
        }

        foreach (var title in ActionPlanWriter.ColumnTitles)
        {
            Assert.True(pdf.Contains(title), $"PDF lacks the column title '{title}'");
        }

        Assert.True(pdf.Contains(DocumentSamples.RecommendationTexts[5]));
        Assert.True(pdf.Contains("For the independent chair: a chronology of agency contact within the period under review."));
        Assert.True(pdf.Contains("Red – worse than target, unacceptable"));
        Assert.True(pdf.Contains("<script>alert('x')</script>"));
        Assert.Contains(Marking, pdf.LayoutText);
        Assert.Contains($"Page {pdf.Pages} of {pdf.Pages}", pdf.LayoutText);
    }
}
