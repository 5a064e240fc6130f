using DhrTracker.Tests.Support;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Documents;
using DhrTracker.Infrastructure.Documents.Models;
using DocumentFormat.OpenXml.Wordprocessing;
using static DhrTracker.Tests.Documents.DocumentTestKit;

namespace DhrTracker.Tests.Documents;

public class ActionPlanWriterTests
{
    private readonly ActionPlanWriter _writer = new();

    [Fact]
    public void The_sample_is_a_14_recommendation_26_action_plan_in_every_status()
    {
        var model = DocumentSamples.ActionPlan();
        var recs = model.Groups.SelectMany(g => g.Recommendations).ToList();
        Assert.Equal(14, recs.Count);
        Assert.Equal(26, recs.Sum(r => r.Actions.Count));
        var statuses = recs.SelectMany(r => r.Actions).Select(a => a.Status.Status).Distinct().ToHashSet();
        Assert.Equal([Rag.Blue, Rag.Green, Rag.Amber, Rag.Red], statuses.OrderBy(s => s));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validates_with_no_errors(bool grouped) => AssertValid(_writer.Write(DocumentSamples.ActionPlan(grouped: grouped)));

    [Fact]
    public void Is_landscape_A4_with_heading_styles_marking_header_and_footer()
    {
        using var doc = Open(_writer.Write(DocumentSamples.ActionPlan()));
        AssertHeadingStyles(doc);
        Assert.Equal(["DHR-2023-02 – Domestic Homicide Review: action plan"], Headings(doc, 1));
        AssertMarking(doc, marked: true);
        AssertHeaderAndFooter(doc, DocumentSamples.Partnership, DocumentSamples.ProducedOnText);
        var sections = Sections(doc);
        Assert.Single(sections);
        Assert.True(sections[0].IsLandscape);
        Assert.True(sections[0].IsA4);
    }

    [Fact]
    public void A_published_review_carries_no_marking()
    {
        using var doc = Open(_writer.Write(DocumentSamples.ActionPlan(published: true)));
        AssertMarking(doc, marked: false);
    }

    [Fact]
    public void Has_the_home_office_columns_a_repeated_header_row_and_rows_that_do_not_split()
    {
        using var doc = Open(_writer.Write(DocumentSamples.ActionPlan()));
        AssertTables(doc);
        var table = TableStartingWith(doc, "Recommendation");
        Assert.Equal(ActionPlanWriter.ColumnTitles, HeaderTitles(table));
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(
            [
                "Recommendation",
                "Scope of recommendation (local/regional/national)",
                "Action to take",
                "Lead agency",
                "Key milestones achieved in enacting recommendation",
                "Target date",
                "Date of completion and outcome",
            ],
            ActionPlanWriter.ColumnTitles);

        // header row + 3 theme rows + 26 action rows
        Assert.Equal(1 + 3 + 26, table.Elements<TableRow>().Count());
    }

    [Fact]
    public void Each_recommendation_text_appears_once_with_its_actions_in_grouped_rows()
    {
        var model = DocumentSamples.ActionPlan();
        using var doc = Open(_writer.Write(model));
        var text = BodyText(doc);
        foreach (var rec in DocumentSamples.RecommendationTexts)
        {
            Assert.Equal(1, Occurrences(text, rec));
        }

        var table = TableStartingWith(doc, "Recommendation");
        var rows = table.Elements<TableRow>().Skip(1).ToList();

        // Recommendation 4 has three actions: the text is in the first row; the two below leave the cell empty
        // and no rule separates the three, so they read as one group without a merged cell to split at a page break.
        var start = rows.FindIndex(r => CellText(r.Elements<TableCell>().First()).StartsWith("4. ", StringComparison.Ordinal));
        Assert.True(start >= 0);
        var group = rows.Skip(start).Take(3).Select(r => r.Elements<TableCell>().First()).ToList();
        Each.Of(group, c => Assert.Null(c.TableCellProperties?.VerticalMerge));
        Each.Of(group.Skip(1), c => Assert.Equal(string.Empty, CellText(c)));
        Assert.Equal([false, true, true], group.Select(c => c.TableCellProperties?.TableCellBorders?.TopBorder?.Val?.Value == BorderValues.Nil));
        Assert.Equal([true, true, false], group.Select(c => c.TableCellProperties?.TableCellBorders?.BottomBorder?.Val?.Value == BorderValues.Nil));
        var next = rows[start + 3].Elements<TableCell>().First();
        Assert.NotEqual(string.Empty, CellText(next));

        // Recommendation 3 has one action: a closed cell.
        var single = rows.Single(r => CellText(r.Elements<TableCell>().First()).StartsWith("3. ", StringComparison.Ordinal));
        Assert.Null(single.Elements<TableCell>().First().TableCellProperties?.TableCellBorders);
    }

    [Fact]
    public void Theme_rows_span_every_column()
    {
        using var doc = Open(_writer.Write(DocumentSamples.ActionPlan()));
        var table = TableStartingWith(doc, "Recommendation");
        var themeRows = table.Elements<TableRow>().Where(r => CellText(r.Elements<TableCell>().First()).StartsWith("Theme ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, themeRows.Count);
        Assert.Contains(themeRows, r => CellText(r.Elements<TableCell>().Single()) == "Theme 2 – Processes – county wide");
        Each.Of(themeRows, r => Assert.Equal(7, r.Elements<TableCell>().Single().TableCellProperties?.GridSpan?.Val?.Value));
    }

    [Fact]
    public void Milestones_cell_gives_dates_and_the_status_in_words_shaded_with_its_colour()
    {
        using var doc = Open(_writer.Write(DocumentSamples.ActionPlan()));
        var table = TableStartingWith(doc, "Recommendation");
        var actionRows = table.Elements<TableRow>().Skip(1).Where(r => r.Elements<TableCell>().Count() == 7).ToList();
        Assert.Equal(26, actionRows.Count);
        var statusesSeen = new HashSet<Rag>();
        foreach (var row in actionRows)
        {
            var cell = row.Elements<TableCell>().ElementAt(4);
            var text = CellText(cell);
            var rag = Enum.GetValues<Rag>().Single(r => text.Contains("Status: " + r.Describe(), StringComparison.Ordinal));
            Assert.Equal(rag.Hex(), CellFill(cell));
            statusesSeen.Add(rag);
        }

        Assert.Equal(4, statusesSeen.Count);
        var body = BodyText(doc);
        Assert.Contains("Training provider commissioned – due 30 September 2025; achieved 12 September 2025", body);
        Assert.Contains("Module piloted with two agencies – due 30 November 2026; not yet achieved", body);
    }

    [Fact]
    public void Target_date_shows_the_original_when_revised_and_completion_shows_the_outcome()
    {
        using var doc = Open(_writer.Write(DocumentSamples.ActionPlan()));
        var body = BodyText(doc);
        Assert.Contains("30 September 2026\n(originally 31 March 2026)", body);
        Assert.Contains("Completed 20 March 2026\n412 staff trained across 11 agencies", body);
    }

    [Fact]
    public void Hostile_text_is_written_literally_and_control_characters_are_dropped()
    {
        var bytes = _writer.Write(DocumentSamples.ActionPlan());
        using var doc = Open(bytes);
        var body = BodyText(doc);
        Assert.Contains("Escalate repeat referrals " + DocumentSamples.Hostile + "\nSecond line of the action", body);
        Assert.DoesNotContain('\u0001', body.ToCharArray());
        var xml = doc.MainDocumentPart!.Document!.OuterXml;
        Assert.DoesNotContain("<script>", xml);
        Assert.Contains("&lt;script&gt;", xml);
        Assert.NotEmpty(Body(doc).Descendants<Break>());
    }

    [Fact]
    public void Every_string_may_be_hostile()
    {
        const string evil = "\u0002<w:p>]]>&amp;\uD800\uFFFF";
        var model = new ActionPlanModel
        {
            PartnershipName = evil,
            ProducedOn = DocumentSamples.ProducedOn,
            ReviewReference = evil,
            Kind = ReviewKind.Dardr,
            IsPublished = false,
            Groups =
            [
                new ActionPlanGroup(evil,
                [
                    new ActionPlanRecommendation(evil, evil, RecommendationScope.National,
                    [
                        new ActionPlanAction(evil, evil, new StatusAssessment(Rag.Red, evil), null)
                        {
                            Milestones = [new ActionPlanMilestone(evil, DocumentSamples.ProducedOn, null)],
                            SupportingAgencies = [evil],
                            CompletionEvidence = evil,
                        },
                    ]) { AddressedTo = [evil] },
                    new ActionPlanRecommendation("2", "No actions yet", RecommendationScope.Local, []),
                ]),
            ],
        };

        var bytes = _writer.Write(model);
        AssertValid(bytes);
        using var doc = Open(bytes);
        Assert.Contains("<w:p>]]>&amp;", BodyText(doc));
        Assert.Contains("<w:p>]]>&amp;", HeaderText(doc));
        Assert.Contains("No action agreed yet.", BodyText(doc));
    }

    [Fact]
    public void An_empty_plan_still_makes_a_valid_document()
    {
        var model = DocumentSamples.ActionPlan() with { Groups = [] };
        var bytes = _writer.Write(model);
        AssertValid(bytes);
        using var doc = Open(bytes);
        Assert.Contains("No recommendations have been recorded for this review yet.", BodyText(doc));
    }

    [Fact]
    public void Writes_to_a_stream_and_names_the_file()
    {
        using var stream = new MemoryStream();
        _writer.Write(DocumentSamples.ActionPlan(), stream);
        Assert.True(stream.Length > 0);
        Assert.Equal("DHR-2023-02 action plan.docx", ActionPlanWriter.FileName(DocumentSamples.ActionPlan()));
    }

    [Trait(Lane.Name, Lane.Rendering)]
    [Fact]
    public async Task LibreOffice_renders_it_landscape_with_every_column_recommendation_and_status()
    {
        var bytes = _writer.Write(DocumentSamples.ActionPlan());
        var pdf = await RenderAsync(bytes, "action-plan");

        Assert.InRange(pdf.Pages, 4, 30);
        Each.Of(Enumerable.Range(1, pdf.Pages), p => Assert.True(pdf.IsLandscape(p) && pdf.IsA4(p), $"page {p} is not landscape A4"));
        Assert.Contains("DHR-2023-02 – Domestic Homicide Review: action plan", pdf.LayoutText);
        foreach (var title in ActionPlanWriter.ColumnTitles)
        {
            Assert.True(pdf.Contains(title), $"PDF lacks the column title '{title}'");
        }

        // The header row repeats on every page.
        Assert.True(pdf.CountOf("Date of completion and outcome") >= pdf.Pages, "the header row does not repeat on every page");

        // Read the Recommendation and Action columns on their own: cells side by side interleave in plain text.
        using var doc = Open(bytes);
        var columns = ColumnBounds(TableStartingWith(doc, "Recommendation"));
        var recommendations = Squash(await ColumnTextAsync(pdf, columns[0]));
        foreach (var rec in DocumentSamples.RecommendationTexts)
        {
            Assert.True(Occurrences(recommendations, Squash(rec)) == 1, $"PDF lacks recommendation '{rec[..40]}…' or repeats it");
        }

        var actions = Squash(await ColumnTextAsync(pdf, columns[2]));
        Assert.Contains(Squash("Escalate repeat referrals " + DocumentSamples.Hostile), actions);

        foreach (var rag in new[] { Rag.Blue, Rag.Green, Rag.Amber, Rag.Red })
        {
            Assert.True(pdf.Contains(rag.Describe()), $"PDF lacks '{rag.Describe()}'");
        }

        Assert.True(pdf.Contains("<script>alert('x')</script>"), "hostile text not literal in the PDF");
        Assert.True(pdf.Contains("& \"quotes\""), "hostile text not literal in the PDF");
        Assert.True(pdf.Contains("Theme 2 – Processes – county wide"));
        Assert.True(pdf.Contains("(originally 31 March 2026)"));
        Assert.Contains(Marking, pdf.LayoutText);
        Assert.Contains("Page 1 of " + pdf.Pages, pdf.LayoutText);
        Assert.Contains(DocumentSamples.Partnership, pdf.LayoutText);
    }
}
