namespace DhrTracker.Domain.Reviews;

/// <summary>The three names a review goes by (DOMAIN.md: "What a DHR is").</summary>
public enum ReviewKind
{
    Dhr,
    Dardr,
    Susr,
}

public enum Relationship
{
    IntimatePartner,
    FormerIntimatePartner,
    FamilyMember,
    HouseholdMember,
    Other,
}

public enum DecisionOutcome
{
    Commission,
    DoNotCommission,
    JointReview,
}

public enum JointReviewType
{
    SafeguardingAdultsReview,
    ChildSafeguardingPracticeReview,
    SingleUnifiedSafeguardingReview,
}

public enum PauseReason
{
    CriminalTrial,
    Inquest,
    IopcInvestigation,
    Other,
}

public enum AgencyReportKind
{
    IndividualManagementReview,
    Chronology,
    SummaryOfInvolvement,
}

public enum FamilyResponse
{
    AwaitingResponse,
    Accepted,
    Declined,
}

public enum QaOutcome
{
    Publish,
    PublishAfterChanges,
    Resubmit,
}

/// <summary>Where a review stands, derived from what has been recorded (never stored).</summary>
public enum ReviewStage
{
    AwaitingDecision,
    NotCommissioned,
    ChairToBeAppointed,
    PanelAndTerms,
    UnderReview,
    OverviewReport,
    QualityAssurance,
    Publication,
    ActionPlanDelivery,
    Closed,
}

public static class ReviewText
{
    public static string Describe(this ReviewKind kind) => kind switch
    {
        ReviewKind.Dhr => "DHR",
        ReviewKind.Dardr => "DARDR",
        ReviewKind.Susr => "SUSR",
        _ => kind.ToString(),
    };

    public static string LongName(this ReviewKind kind) => kind switch
    {
        ReviewKind.Dhr => "Domestic Homicide Review",
        ReviewKind.Dardr => "Domestic Abuse Related Death Review",
        ReviewKind.Susr => "Single Unified Safeguarding Review",
        _ => kind.ToString(),
    };

    public static string Describe(this Relationship relationship) => relationship switch
    {
        Relationship.IntimatePartner => "Intimate partner",
        Relationship.FormerIntimatePartner => "Former intimate partner",
        Relationship.FamilyMember => "Family member",
        Relationship.HouseholdMember => "Member of the same household",
        _ => "Other",
    };

    public static string Describe(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Commission => "Commission a review",
        DecisionOutcome.DoNotCommission => "Do not commission a review",
        DecisionOutcome.JointReview => "Joint review",
        _ => outcome.ToString(),
    };

    public static string Describe(this JointReviewType type) => type switch
    {
        JointReviewType.SafeguardingAdultsReview => "Safeguarding Adults Review (SAR)",
        JointReviewType.ChildSafeguardingPracticeReview => "Child Safeguarding Practice Review (CSPR)",
        JointReviewType.SingleUnifiedSafeguardingReview => "Single Unified Safeguarding Review (SUSR)",
        _ => type.ToString(),
    };

    public static string Describe(this PauseReason reason) => reason switch
    {
        PauseReason.CriminalTrial => "Criminal trial",
        PauseReason.Inquest => "Inquest",
        PauseReason.IopcInvestigation => "IOPC investigation",
        _ => "Other parallel proceedings",
    };

    public static string Describe(this AgencyReportKind kind) => kind switch
    {
        AgencyReportKind.IndividualManagementReview => "Individual management review (IMR)",
        AgencyReportKind.Chronology => "Chronology",
        AgencyReportKind.SummaryOfInvolvement => "Summary of involvement",
        _ => kind.ToString(),
    };

    public static string Describe(this FamilyResponse response) => response switch
    {
        FamilyResponse.AwaitingResponse => "Awaiting response",
        FamilyResponse.Accepted => "Accepted",
        FamilyResponse.Declined => "Declined",
        _ => response.ToString(),
    };

    public static string Describe(this QaOutcome outcome) => outcome switch
    {
        QaOutcome.Publish => "Publish",
        QaOutcome.PublishAfterChanges => "Publish after changes",
        QaOutcome.Resubmit => "Resubmit",
        _ => outcome.ToString(),
    };

    public static string Describe(this ReviewStage stage) => stage switch
    {
        ReviewStage.AwaitingDecision => "Awaiting decision",
        ReviewStage.NotCommissioned => "Not commissioned",
        ReviewStage.ChairToBeAppointed => "Chair to be appointed",
        ReviewStage.PanelAndTerms => "Panel and terms of reference",
        ReviewStage.UnderReview => "Under review",
        ReviewStage.OverviewReport => "Overview report",
        ReviewStage.QualityAssurance => "Home Office QA",
        ReviewStage.Publication => "Awaiting publication",
        ReviewStage.ActionPlanDelivery => "Action plan delivery",
        ReviewStage.Closed => "Closed",
        _ => stage.ToString(),
    };
}
