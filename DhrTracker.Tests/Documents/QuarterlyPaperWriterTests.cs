using DhrTracker.Tests.Support;
using DhrTracker.Domain.Actions;
using DhrTracker.Infrastructure.Documents;
using DhrTracker.Infrastructure.Documents.Models;
using DocumentFormat.OpenXml.Wordprocessing;
using static DhrTracker.Tests.Documents.DocumentTestKit;

namespace DhrTracker.Tests.Documents;

public class QuarterlyPaperWriterTests
{
    private readonly QuarterlyPaperWriter _writer = new();

    [Theory]
    [InlineData(PaperEdition.Board)]
    [InlineData(PaperEdition.Scrutiny)]
    public void Validates_with_no_errors(PaperEdition edition) => AssertValid(_writer.Write(DocumentSamples.Quarterly(edition)));

    [Fact]
    public void An_empty_quarter_validates_and_stays_portrait()
    {
        var model = DocumentSamples.Quarterly() with
        {
            Reviews = [],
            ReviewsByStage = [],
            OverdueActions = [],
            CoversUnpublishedReviews = false,
            ActionsNow = BragCounts.Empty,
            ActionsPrevious = null,
            Movement = null,
            ComparedWith = null,
        };
        var bytes = _writer.Write(model);
        AssertValid(bytes);
        using var doc = Open(bytes);
        Each.Of(Sections(doc), s => Assert.True(s.IsPortrait));
        Assert.Contains("No action was overdue at the end of Q2 2026/27.", BodyText(doc));
        Assert.Contains(QuarterlyPaperWriter.NothingToCompare, BodyText(doc));
        AssertMarking(doc, marked: false);
    }

    [Fact]
    public void The_first_closed_quarter_says_there_is_nothing_to_compare_with_instead_of_zeros()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Quarterly() with { ComparedWith = null, ActionsPrevious = null, Movement = null }));
        var body = BodyText(doc);
        Assert.Contains(QuarterlyPaperWriter.NothingToCompare, body);
        Assert.DoesNotContain("Q1 2026/27", body);
        Assert.Equal(["Status", "Q2 2026/27"], HeaderTitles(TableStartingWith(doc, "Status")));
        Assert.DoesNotContain("Movement since Q1 2026/27", Headings(doc, 2));
    }

    [Fact]
    public void A_draft_says_so_on_the_cover_and_in_the_header()
    {
        var draft = DocumentSamples.Quarterly() with { IsDraft = true, AsAt = new DateOnly(2026, 9, 2), ProducedOn = new DateOnly(2026, 9, 2) };
        using var doc = Open(_writer.Write(draft));
        Assert.Contains("Draft — as at 2 September 2026", BodyText(doc));
        Assert.Contains("Draft — as at 2 September 2026", HeaderText(doc) + FooterText(doc));
    }

    [Fact]
    public void Cover_names_the_quarter_period_date_and_author()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Quarterly()));
        AssertHeadingStyles(doc);
        var body = BodyText(doc);
        var cover = body[..body.IndexOf("Summary", StringComparison.Ordinal)];
        Assert.Contains(DocumentSamples.Partnership, cover);
        Assert.Contains("Quarterly progress report Q2 2026/27", cover);
        Assert.Contains("July–September 2026", cover);
        Assert.Contains("Produced: 14 October 2026", cover);
        Assert.Contains("Author: Sam Okafor, DA & SV co-ordinator", cover);
        Assert.DoesNotContain(QuarterlyPaperWriter.ScrutinyEdition, cover);
        AssertHeaderAndFooter(doc, DocumentSamples.Partnership, "14 October 2026");
    }

    [Fact]
    public void Headings_give_summary_reviews_and_appendix()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Quarterly()));
        Assert.Equal(["Summary", "Progress by review", QuarterlyPaperWriter.AppendixHeading], Headings(doc, 1));
        Assert.Equal(
            ["Reviews by stage", "Actions by status", "Movement since Q1 2026/27", "DHR-2023-02 – Domestic Homicide Review", "DHR-2021-04 – Domestic Homicide Review", "DARDR-2026-01 – Domestic Abuse Related Death Review"],
            Headings(doc, 2));
        Assert.Equal(3 * 3, Headings(doc, 3).Count);
        Assert.Contains("Milestones reached in the quarter", Headings(doc, 3));
        Assert.Contains("Milestones missed", Headings(doc, 3));
        Assert.Contains("Prospects and risks to delivery", Headings(doc, 3));
    }

    [Fact]
    public void Summary_tables_count_reviews_by_stage_and_actions_by_status_with_movement()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Quarterly()));
        AssertTables(doc, minimumTablesWithHeaders: 4);

        var stages = TableStartingWith(doc, "Stage").Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(CellText).ToList()).ToList();
        Assert.Equal(["Stage", "Reviews", "Of which overdue"], stages[0]);
        Assert.Contains(["Action plan delivery", "3", "2"], stages);
        Assert.Equal(["Total", "8", "3"], stages[^1]);

        var status = TableStartingWith(doc, "Status");
        var rows = status.Elements<TableRow>().ToList();
        Assert.Equal(["Status", "Q1 2026/27", "Q2 2026/27", "Change"], rows[0].Elements<TableCell>().Select(CellText));
        var red = rows.Single(r => CellText(r.Elements<TableCell>().First()) == Rag.Red.Describe());
        Assert.Equal(Rag.Red.Hex(), CellFill(red.Elements<TableCell>().First()));
        Assert.Equal(["4", "3", "−1"], red.Elements<TableCell>().Skip(1).Select(CellText));
        var blue = rows.Single(r => CellText(r.Elements<TableCell>().First()) == Rag.Blue.Describe());
        Assert.Equal(["12", "16", "+4"], blue.Elements<TableCell>().Skip(1).Select(CellText));

        var movement = TableStartingWith(doc, "Movement").Elements<TableRow>().Skip(1).ToDictionary(r => CellText(r.Elements<TableCell>().First()), r => CellText(r.Elements<TableCell>().ElementAt(1)));
        Assert.Equal(new Dictionary<string, string> { ["Improved"] = "3", ["Worsened"] = "2", ["Unchanged"] = "27", ["Completed"] = "4", ["New"] = "2" }, movement);
    }

    [Fact]
    public void Board_edition_gives_each_reviews_milestones_reasons_risks_and_overall_assessment()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Quarterly()));
        var body = BodyText(doc);
        Assert.Contains("Overview report submitted to the Home Office Quality Assurance panel – achieved 24 July 2026 (due 1 August 2026)", body);
        Assert.Contains(DocumentSamples.UnpublishedMilestone, body);
        Assert.Contains(DocumentSamples.UnpublishedUpdate, body);
        Assert.Contains("Update of 22 September 2026:", body);
        Assert.Contains("No progress update has been given.", body);
        Assert.Contains(DocumentSamples.UnpublishedRiskActionText, body);
        Assert.Contains("Change request raised with the records system supplier.\nExpected in November.", body);
        Assert.Contains("Of 26 actions, 7 are complete and 11 on target; 5 are Amber and 3 Red.", body);
        Assert.DoesNotContain(QuarterlyPaperWriter.WithheldNote, body);

        var overall = Body(doc).Descendants<Table>()
            .Where(t => CellText(t.Elements<TableRow>().First().Elements<TableCell>().First()) == "Overall assessment")
            .Select(t => t.Elements<TableRow>().First().Elements<TableCell>().Last())
            .ToList();
        Assert.Equal(3, overall.Count);
        Assert.StartsWith(Rag.Red.Describe(), CellText(overall[0]));
        Assert.Equal(Rag.Red.Hex(), CellFill(overall[0]));
        Assert.Contains("Recommendation 3 is Red", CellText(overall[0]));
        Assert.StartsWith(Rag.Amber.Describe(), CellText(overall[1]));
        Assert.Equal(Rag.Amber.Hex(), CellFill(overall[1]));
        Assert.StartsWith("Not yet rated", CellText(overall[2]));
    }

    [Fact]
    public void Scrutiny_edition_withholds_text_of_unpublished_reviews_only()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Quarterly(PaperEdition.Scrutiny)));
        var body = BodyText(doc);
        Assert.Contains(QuarterlyPaperWriter.ScrutinyEdition, body[..body.IndexOf("Summary", StringComparison.Ordinal)]);
        Assert.Contains("scrutiny edition", HeaderText(doc));

        // Unpublished DHR-2023-02: counts and statuses only.
        Assert.DoesNotContain(DocumentSamples.UnpublishedMilestone, body);
        Assert.DoesNotContain(DocumentSamples.UnpublishedUpdate, body);
        Assert.DoesNotContain(DocumentSamples.UnpublishedRiskActionText, body);
        Assert.DoesNotContain("Roll out the IRIS programme", body);
        Assert.DoesNotContain("carer's assessment form", body);
        Assert.DoesNotContain("Recommendation 3 is Red", body);
        Assert.DoesNotContain("First dip sample", body);
        Assert.Contains(QuarterlyPaperWriter.WithheldNote, body);
        Assert.Contains("2 action milestones reached (details withheld until publication).", body);
        Assert.Contains("2 action milestones were missed", body);
        Assert.Contains("2 actions are Amber or Red", body);
        Assert.Contains("The worst open status across 26 actions: 7 Blue, 11 Green, 5 Amber, 3 Red.", body);
        Assert.Contains("Action text withheld until the review is published.", body);

        // Review stages are not recommendation text: still shown.
        Assert.Contains("Overview report submitted to the Home Office Quality Assurance panel", body);
        Assert.Contains("Independent chair appointed", body);

        // Published DHR-2021-04: everything.
        Assert.Contains("Screening question added to the referral form", body);
        Assert.Contains(DocumentSamples.PublishedActionText, body);
        Assert.Contains("Publish the revised adult safeguarding referral guidance.", body);

        // Statuses stay, in words.
        Assert.Contains(Rag.Red.Describe(), body);
    }

    [Fact]
    public void Scrutiny_edition_withholds_an_overdue_action_whose_review_is_unpublished_even_if_the_row_says_published()
    {
        var model = DocumentSamples.Quarterly(PaperEdition.Scrutiny);
        model = model with { OverdueActions = [model.OverdueActions[0] with { ReviewIsPublished = true }] };
        using var doc = Open(_writer.Write(model));
        Assert.DoesNotContain("Roll out the IRIS programme", BodyText(doc));
    }

    [Fact]
    public void Marking_follows_any_unpublished_review_even_when_the_caller_forgets_the_flag()
    {
        using (var doc = Open(_writer.Write(DocumentSamples.Quarterly() with { CoversUnpublishedReviews = false })))
        {
            AssertMarking(doc, marked: true);
        }

        using (var doc = Open(_writer.Write(DocumentSamples.Quarterly(allPublished: true))))
        {
            AssertMarking(doc, marked: false);
        }
    }

    [Fact]
    public void Overdue_appendix_is_landscape_and_grouped_by_lead_agency()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Quarterly()));
        var sections = Sections(doc);
        Assert.Equal(2, sections.Count);
        Assert.True(sections[0].IsPortrait);
        Assert.True(sections[1].IsLandscape);

        var table = TableStartingWith(doc, "Review");
        Assert.Equal(["Review", "Recommendation and action", "Target date", "Days overdue", "Status"], HeaderTitles(table));
        var rows = table.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(CellText).ToList()).ToList();
        Assert.Equal("Eastshire County Council Adult Social Care – 2 overdue actions", Assert.Single(rows[0]));
        Assert.Equal(["DHR-2021-04", "DHR-2023-02"], rows.Skip(1).Take(2).Select(r => r[0]));
        Assert.Equal("NHS Eastshire Integrated Care Board – 1 overdue action", Assert.Single(rows[3]));
        Assert.Equal("183", rows[4][3]);
        Assert.Contains("15 September 2026\n(originally 30 June 2026)", rows[2][2]);
        Assert.StartsWith(Rag.Red.Describe(), rows[4][4]);
    }

    [Trait(Lane.Name, Lane.Rendering)]
    [Fact]
    public async Task LibreOffice_renders_the_scrutiny_edition_with_a_landscape_appendix()
    {
        var pdf = await RenderAsync(_writer.Write(DocumentSamples.Quarterly(PaperEdition.Scrutiny)), "quarterly-paper");
        Assert.InRange(pdf.Pages, 3, 20);
        Assert.False(pdf.IsLandscape(1));
        Assert.True(pdf.IsLandscape(pdf.Pages));
        Assert.True(pdf.Contains("Quarterly progress report Q2 2026/27"));
        Assert.True(pdf.Contains("July–September 2026"));
        Assert.True(pdf.Contains(QuarterlyPaperWriter.ScrutinyEdition));
        foreach (var heading in new[] { "Summary", "Reviews by stage", "Actions by status", "Progress by review", "DHR-2023-02 – Domestic Homicide Review", "Milestones reached in the quarter", "Milestones missed", "Prospects and risks to delivery", QuarterlyPaperWriter.AppendixHeading })
        {
            Assert.True(pdf.Contains(heading), $"PDF lacks '{heading}'");
        }

        foreach (var rag in new[] { Rag.Blue, Rag.Green, Rag.Amber, Rag.Red })
        {
            Assert.True(pdf.Contains(rag.Describe()), $"PDF lacks '{rag.Describe()}'");
        }

        Assert.True(pdf.Contains(QuarterlyPaperWriter.WithheldNote));
        Assert.False(pdf.Contains(DocumentSamples.UnpublishedRiskActionText));
        Assert.True(pdf.Contains(DocumentSamples.PublishedActionText));
        Assert.Contains(Marking, pdf.LayoutText);
        Assert.Contains("Page 1 of " + pdf.Pages, pdf.LayoutText);
    }
}
