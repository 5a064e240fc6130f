using DhrTracker.Tests.Support;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Documents;
using DocumentFormat.OpenXml.Wordprocessing;
using static DhrTracker.Tests.Documents.DocumentTestKit;

namespace DhrTracker.Tests.Documents;

public class DecisionNotificationWriterTests
{
    private readonly DecisionNotificationWriter _writer = new();

    [Theory]
    [InlineData(DecisionOutcome.Commission)]
    [InlineData(DecisionOutcome.DoNotCommission)]
    [InlineData(DecisionOutcome.JointReview)]
    public void Validates_with_no_errors(DecisionOutcome outcome) => AssertValid(_writer.Write(DocumentSamples.Notification(outcome)));

    [Fact]
    public void Is_a_portrait_letter_with_heading_styles_marking_header_and_footer()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Notification()));
        AssertHeadingStyles(doc);
        Assert.Equal(["DHR-2026-07: notification of a decision to commission a review"], Headings(doc, 1));
        Assert.Equal(["The death", "The decision", "Criteria for a review", "Rationale", "Next steps"], Headings(doc, 2));
        AssertMarking(doc, marked: true);
        AssertHeaderAndFooter(doc, DocumentSamples.Partnership, DocumentSamples.ProducedOnText);
        AssertTables(doc);
        var section = Assert.Single(Sections(doc));
        Assert.True(section.IsPortrait && section.IsA4);
    }

    [Fact]
    public void Carries_no_marking_once_published()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Notification() with { IsPublished = true }));
        AssertMarking(doc, marked: false);
    }

    [Fact]
    public void Gives_the_contact_the_death_the_decision_and_the_criteria()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Notification()));
        var body = BodyText(doc);
        Assert.Contains("Sam Okafor, Domestic Abuse and Sexual Violence Co-ordinator", body);
        Assert.Contains("E-mail: dhr@eastshire.example", body);
        Assert.Contains("Domestic Homicide Review team, Home Office", body);
        Assert.Contains("Domestic Homicide Review (DHR)", body);
        Assert.Contains("Adult J", body);
        Assert.Contains("47", body);
        Assert.Contains("14 September 2026", body);
        Assert.Contains("Commission a review", body);
        Assert.Contains("16 October 2026", body);
        Assert.Contains("Councillor Priya Shah", body);
        Assert.Contains("Dr Helen Marsh (Marsh Safeguarding Consultancy)", body);
        Assert.Contains("16 April 2027", body);
        Assert.Contains("two reports of controlling behaviour.\nAll three criteria are met", body);

        var criteria = TableStartingWith(doc, "Criterion");
        var rows = criteria.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(CellText).ToList()).ToList();
        Assert.Equal(DecisionNotificationWriter.CriteriaLabels, rows.Select(r => r[0]));
        Each.Of(rows, r => Assert.Equal("Met", r[1]));
    }

    [Fact]
    public void A_decision_not_to_commission_says_which_criterion_is_not_met_and_gives_no_chair()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Notification(DecisionOutcome.DoNotCommission)));
        var body = BodyText(doc);
        Assert.Contains("Do not commission a review", body);
        Assert.Contains("Quality Assurance panel considers every decision not to commission", body);
        Assert.DoesNotContain("Independent chair", body);
        var rows = TableStartingWith(doc, "Criterion").Elements<TableRow>().Skip(1).Select(r => CellText(r.Elements<TableCell>().Last())).ToList();
        Assert.Equal(["Met", "Met", "Not met"], rows);
    }

    [Fact]
    public void A_joint_review_names_the_other_review()
    {
        using var doc = Open(_writer.Write(DocumentSamples.Notification(DecisionOutcome.JointReview)));
        Assert.Contains("Joint review with a SAR (SAR-2026-03)", BodyText(doc));
        Assert.Equal("Joint review with a CSPR (C-1)", DecisionNotificationWriter.DecisionText(DecisionOutcome.JointReview, JointReviewType.ChildSafeguardingPracticeReview, "C-1"));
    }

    [Fact]
    public void Hostile_rationale_stays_text()
    {
        var model = DocumentSamples.Notification() with { Rationale = "\u0001" + DocumentSamples.Hostile + "\u001F", ContactName = "<b>Sam</b>" };
        var bytes = _writer.Write(model);
        AssertValid(bytes);
        using var doc = Open(bytes);
        Assert.Contains(DocumentSamples.Hostile, BodyText(doc));
        Assert.Contains("<b>Sam</b>", BodyText(doc));
    }

    [Trait(Lane.Name, Lane.Rendering)]
    [Fact]
    public async Task LibreOffice_renders_the_letter_on_portrait_A4()
    {
        var pdf = await RenderAsync(_writer.Write(DocumentSamples.Notification()), "decision-notification");
        Assert.InRange(pdf.Pages, 1, 4);
        Each.Of(Enumerable.Range(1, pdf.Pages), p => Assert.True(!pdf.IsLandscape(p) && pdf.IsA4(p), $"page {p} is not portrait A4"));
        Assert.True(pdf.Contains("DHR-2026-07: notification of a decision to commission a review"));
        foreach (var heading in new[] { "The death", "The decision", "Criteria for a review", "Rationale", "Next steps" })
        {
            Assert.Contains(heading, pdf.LayoutText);
        }

        Assert.True(pdf.Contains("Commission a review"));
        Assert.True(pdf.Contains(DecisionNotificationWriter.CriteriaLabels[2]));
        Assert.Contains("Met", pdf.LayoutText);
        Assert.Contains(Marking, pdf.LayoutText);
        Assert.Contains("Page 1 of " + pdf.Pages, pdf.LayoutText);
        Assert.Contains("Produced " + DocumentSamples.ProducedOnText, pdf.LayoutText);
    }
}
