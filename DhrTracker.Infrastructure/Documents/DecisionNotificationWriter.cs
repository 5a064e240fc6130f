using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Documents.Models;

namespace DhrTracker.Infrastructure.Documents;

/// <summary>
/// The letter telling the Home Office's Domestic Homicide Review team of the CSP chair's decision to commission
/// a review, not to commission one, or to hold a joint review (stage 3). A4 portrait.
/// </summary>
public sealed class DecisionNotificationWriter
{
    public static readonly IReadOnlyList<string> CriteriaLabels =
    [
        "The person who died was aged 16 or over",
        "They were related to, were or had been in an intimate personal relationship with, or lived in the same household as, the person whose actions are in question",
        "The death has, or appears to have, resulted from violence, abuse or neglect (including a suicide where there was abuse in the relationship)",
    ];

    public byte[] Write(DecisionNotificationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reference = DocText.OneLine(model.ReviewReference);
        var b = new WordBuilder(new DocumentFrame(
            model.PartnershipName,
            model.ProducedOn,
            Marked: !model.IsPublished,
            ShortTitle: $"{reference} notification of decision"));

        // Letterhead and addresses
        b.Paragraph(Chunk.B(model.PartnershipName));
        b.Paragraph(
            new Chunk("Contact: "),
            new Chunk(model.ContactName + (string.IsNullOrWhiteSpace(model.ContactRole) ? string.Empty : ", " + model.ContactRole)),
            new Chunk("\nE-mail: " + model.ContactEmail),
            new Chunk(string.IsNullOrWhiteSpace(model.ContactTelephone) ? string.Empty : "\nTelephone: " + model.ContactTelephone));
        b.Paragraph(DocText.Date(model.ProducedOn));
        b.Paragraph(
            Chunk.B("To: "),
            new Chunk("Domestic Homicide Review team, Home Office"),
            new Chunk(string.IsNullOrWhiteSpace(model.HomeOfficeEmail) ? string.Empty : "\nE-mail: " + model.HomeOfficeEmail));

        b.Heading(1, $"{reference}: {Subject(model.Outcome)}");
        b.Paragraph("Dear Domestic Homicide Review team,");
        b.Paragraph(
            $"{DocText.OneLine(model.PartnershipName)} writes to tell you of its decision about the death of {DocText.OneLine(model.VictimPseudonym)}, "
            + $"notified to the partnership on {DocText.Date(model.NotifiedOn)}. The decision was made under section 9 of the Domestic Violence, "
            + "Crime and Victims Act 2004 and the statutory guidance. Pseudonyms are used throughout.");

        b.Heading(2, "The death");
        var death = new List<(string, CellSpec)>
        {
            ("Review reference", CellSpec.Text(model.ReviewReference)),
            ("Kind of review", CellSpec.Text($"{model.Kind.LongName()} ({model.Kind.Describe()})")),
            ("Victim (pseudonym)", CellSpec.Text(model.VictimPseudonym)),
            ("Age at death", CellSpec.Text(model.VictimAge is { } age ? DocText.Number(age) : "Not known")),
        };
        if (model.Relationship is { } relationship)
        {
            death.Add(("Relationship", CellSpec.Text(relationship.Describe())));
        }

        death.Add(("Date of death", CellSpec.Text(DocText.Date(model.DateOfDeath))));
        death.Add(("Notified to the partnership", CellSpec.Text(DocText.Date(model.NotifiedOn))));
        b.FactTable("The death", death);

        b.Heading(2, "The decision");
        b.FactTable("The decision",
        [
            ("Decision", CellSpec.Text(DecisionText(model.Outcome, model.JointWith, model.JointReviewReference), bold: true)),
            ("Date of decision", CellSpec.Text(DocText.Date(model.DecidedOn))),
            ("Decided by", CellSpec.Text(model.DecidedBy)),
        ]);

        b.Heading(2, "Criteria for a review");
        b.Table("Criteria for a review",
            [new ColumnSpec("Criterion", 78), new ColumnSpec("Assessment", 22)],
            [
                Criterion(CriteriaLabels[0], model.VictimAged16OrOver),
                Criterion(CriteriaLabels[1], model.RelationshipCriterionMet),
                Criterion(CriteriaLabels[2], model.DeathFromAbuseCriterionMet),
            ]);

        b.Heading(2, "Rationale");
        b.Paragraph(model.Rationale);

        b.Heading(2, "Next steps");
        if (model.Outcome == DecisionOutcome.DoNotCommission)
        {
            b.Paragraph(
                "The partnership understands that the Home Office Quality Assurance panel considers every decision not to commission a review, "
                + "and will provide any further information the panel asks for. The decision will be reconsidered if new information comes to light.");
        }
        else
        {
            b.FactTable("Next steps",
            [
                ("Independent chair", CellSpec.Text(string.IsNullOrWhiteSpace(model.IndependentChair)
                    ? "To be appointed"
                    : model.IndependentChair + (string.IsNullOrWhiteSpace(model.IndependentChairOrganisation) ? string.Empty : $" ({model.IndependentChairOrganisation})"))),
                ("Expected completion", CellSpec.Text(DocText.Date(model.ExpectedCompletionOn, "To be confirmed"))),
            ]);
            b.Paragraph("The partnership will tell you if the review is paused for parallel proceedings, and will submit the overview report and executive summary to the Quality Assurance panel when the review is complete.");
        }

        b.Paragraph($"Please contact {DocText.OneLine(model.ContactName)} at {DocText.OneLine(model.ContactEmail)} with any questions.");
        b.Paragraph("Yours faithfully,");
        b.Space(18);
        b.Paragraph(
            Chunk.B(model.ContactName),
            new Chunk(string.IsNullOrWhiteSpace(model.ContactRole) ? string.Empty : "\n" + model.ContactRole),
            new Chunk("\n" + model.PartnershipName));
        return b.ToBytes();
    }

    public void Write(DecisionNotificationModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Write(model));
    }

    public static string FileName(DecisionNotificationModel model) => DocText.FileName($"{model.ReviewReference} notification of decision to the Home Office");

    public static string Subject(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Commission => "notification of a decision to commission a review",
        DecisionOutcome.DoNotCommission => "notification of a decision not to commission a review",
        _ => "notification of a decision to hold a joint review",
    };

    /// <summary>"Commission a review", "Do not commission a review", "Joint review with a SAR (SAR-2026-03)".</summary>
    public static string DecisionText(DecisionOutcome outcome, JointReviewType? jointWith, string? jointReference)
    {
        if (outcome != DecisionOutcome.JointReview)
        {
            return outcome.Describe();
        }

        var with = jointWith switch
        {
            JointReviewType.SafeguardingAdultsReview => "a SAR",
            JointReviewType.ChildSafeguardingPracticeReview => "a CSPR",
            JointReviewType.SingleUnifiedSafeguardingReview => "an SUSR",
            _ => "another review",
        };
        var reference = DocText.OneLine(jointReference);
        return $"Joint review with {with}" + (reference.Length > 0 ? $" ({reference})" : string.Empty);
    }

    private static RowSpec Criterion(string label, bool met) =>
        RowSpec.Of(CellSpec.Text(label), CellSpec.Text(met ? "Met" : "Not met", bold: true));
}
