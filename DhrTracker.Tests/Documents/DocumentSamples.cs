using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Documents.Models;

namespace DhrTracker.Tests.Documents;

/// <summary>
/// Realistic sample models: a 14-recommendation, 26-action plan (one action carrying hostile text), a decision
/// letter, an overview report scaffold and a quarterly paper.
/// </summary>
public static class DocumentSamples
{
    public const string Partnership = "Eastshire Community Safety Partnership";
    public const string Reference = "DHR-2023-02";
    public const string Hostile = "<script>alert('x')</script> & \"quotes\"";
    public const string HostileWithControl = "Escalate repeat referrals \u0001" + Hostile;
    public const string ProducedOnText = "22 November 2026";

    public static readonly DateOnly ProducedOn = new(2026, 11, 22);

    private const string Police = "Eastshire Constabulary";
    private const string Council = "Eastshire County Council Adult Social Care";
    private const string Icb = "NHS Eastshire Integrated Care Board";
    private const string MentalHealth = "Eastshire and Westvale NHS Foundation Trust";
    private const string DaService = "Eastshire Domestic Abuse Service";
    private const string Csp = "Eastshire Community Safety Partnership";
    private const string Housing = "Eastshire Housing Partnership";
    private const string HomeOffice = "Home Office";
    private const string NhsEngland = "NHS England";
    private const string Dhsc = "Department of Health and Social Care";

    private static readonly DateOnly LastUpdate = new(2026, 11, 2);

    /// <summary>The 14 recommendation texts, in order.</summary>
    public static readonly IReadOnlyList<string> RecommendationTexts =
    [
        "Eastshire Community Safety Partnership should ensure that all partner agencies train frontline staff to recognise coercive and controlling behaviour, including in older victims.",
        "Eastshire Constabulary should review how the DASH risk assessment is completed when a victim declines to answer, so that officers record their own professional judgement of risk.",
        "NHS Eastshire Integrated Care Board should assure itself that GP practices routinely ask about domestic abuse when a patient presents with anxiety, depression or unexplained injuries.",
        "Eastshire Domestic Abuse Service and Eastshire Constabulary should agree a protocol for sharing information about repeat referrals within one working day.",
        "All agencies should publicise the Domestic Violence Disclosure Scheme (Clare's Law) to the public and to their own staff.",
        "The MARAC steering group should audit whether actions agreed at MARAC are completed and reported back within the agreed timescale.",
        "Eastshire County Council Adult Social Care should ensure that carers' assessments consider the risk of domestic abuse between the carer and the person cared for.",
        "Eastshire and Westvale NHS Foundation Trust should make a routine enquiry about domestic abuse in every mental health assessment and record the outcome.",
        "Housing providers in Eastshire should work towards the Domestic Abuse Housing Alliance (DAHA) accreditation standards.",
        "Eastshire Community Safety Partnership should develop a multi-agency approach to perpetrators of domestic abuse who misuse alcohol.",
        "The Home Office should consider amending the statutory guidance on firearms licensing so that any history of domestic abuse is checked with the applicant's GP.",
        "NHS England should ensure that domestic abuse training is part of the mandatory training of all primary care staff.",
        "The Department of Health and Social Care should issue guidance on sharing information between mental health services and the police where there is a risk of domestic abuse.",
        "The Home Office should share the learning from this review with the Domestic Abuse Commissioner's office.",
    ];

    // ---- Action plan ------------------------------------------------------------------------------------

    public static ActionPlanModel ActionPlan(bool published = false, bool grouped = true)
    {
        var recs = Recommendations();
        var groups = grouped
            ?
            [
                new ActionPlanGroup("Theme 1 – Training and awareness – county wide", recs.Take(5).ToList()),
                new ActionPlanGroup("Theme 2 – Processes – county wide", recs.Skip(5).Take(5).ToList()),
                new ActionPlanGroup("Theme 3 – National learning", recs.Skip(10).ToList()),
            ]
            : ActionPlanModel.Ungrouped(recs);

        return new ActionPlanModel
        {
            PartnershipName = Partnership,
            ProducedOn = ProducedOn,
            ReviewReference = Reference,
            Kind = ReviewKind.Dhr,
            IsPublished = published,
            Groups = groups,
        };
    }

    public static IReadOnlyList<ActionPlanRecommendation> Recommendations()
    {
        var t = RecommendationTexts;
        return
        [
            Rec("1", t[0], RecommendationScope.Local, [Csp],
                Act("Commission a county-wide coercive control training programme for frontline staff of all partner agencies.", Csp, D(2026, 3, 31), D(2026, 3, 31),
                    [M("Training provider commissioned", D(2025, 9, 30), D(2025, 9, 12)), M("First 200 staff trained", D(2026, 1, 31), D(2026, 2, 10))],
                    completed: D(2026, 3, 20), evidence: "412 staff trained across 11 agencies; evaluation shows confidence in recognising coercive control rose from 38% to 81%.", supporting: [Police, Icb]),
                Act("Add a module on domestic abuse in later life to the training programme.", DaService, D(2026, 12, 31), D(2026, 9, 30),
                    [M("Module drafted with Age UK Eastshire", D(2026, 6, 30), D(2026, 7, 15)), M("Module piloted with two agencies", D(2026, 11, 30), null)])),
            Rec("2", t[1], RecommendationScope.Local, [Police],
                Act("Revise the force's DASH guidance to require an officer's own assessment of risk when questions are declined.", Police, D(2026, 1, 31), D(2026, 1, 31),
                    [M("Guidance revised and approved", D(2025, 12, 15), D(2025, 12, 1))], completed: D(2026, 1, 20), evidence: "Revised guidance published on the force intranet on 20 January 2026."),
                Act("Dip-sample 50 DASH forms each quarter to check that officers record their professional judgement.", Police, D(2027, 3, 31), D(2027, 3, 31),
                    [M("First dip sample reported to the CSP", D(2026, 7, 31), D(2026, 7, 28)), M("Second dip sample reported", D(2026, 10, 31), D(2026, 10, 30))])),
            Rec("3", t[2], RecommendationScope.Local, [Icb],
                Act("Roll out the IRIS programme (Identification and Referral to Improve Safety) to all GP practices in Eastshire.", Icb, D(2026, 9, 30), D(2026, 3, 31),
                    [M("Funding agreed", D(2025, 11, 30), D(2025, 11, 20)), M("20 of 48 practices signed up", D(2026, 4, 30), D(2026, 6, 2)), M("All 48 practices signed up", D(2026, 9, 30), null)])),
            Rec("4", t[3], RecommendationScope.Local, [DaService, Police],
                Act("Draft and sign an information-sharing protocol for repeat referrals.", DaService, D(2026, 6, 30), D(2026, 6, 30),
                    [M("Protocol drafted", D(2026, 3, 31), D(2026, 3, 30)), M("Protocol signed by both agencies", D(2026, 5, 31), D(2026, 5, 29))], completed: D(2026, 6, 15),
                    evidence: "Protocol signed on 29 May 2026; 96% of repeat referrals shared within one working day in the first quarter.", supporting: [Police]),
                Act(HostileWithControl + "\nSecond line of the action, after a line break.", Police, D(2026, 12, 31), D(2026, 12, 31),
                    [M("Flag added to the police records system", D(2026, 10, 31), null)]),
                Act("Report compliance with the protocol to the CSP quarterly.", DaService, D(2027, 3, 31), D(2027, 3, 31),
                    [M("First compliance report", D(2026, 9, 30), D(2026, 9, 25))])),
            Rec("5", t[4], RecommendationScope.Regional, [Police, Csp],
                Act("Run a public awareness campaign on Clare's Law across the region.", Police, D(2026, 11, 30), D(2026, 11, 30),
                    [M("Campaign materials agreed", D(2026, 5, 31), D(2026, 5, 20)), M("Campaign launched", D(2026, 10, 1), D(2026, 10, 1))], supporting: [Csp]),
                Act("Brief every partner agency's staff on making a Clare's Law application.", Csp, D(2027, 1, 31), D(2027, 1, 31), [])),
            Rec("6", t[5], RecommendationScope.Local, [Csp],
                Act("Audit a sample of MARAC actions from the last 12 months and report to the CSP.", Csp, D(2026, 8, 31), D(2026, 8, 31),
                    [M("Audit completed", D(2026, 7, 31), D(2026, 7, 20))], completed: D(2026, 8, 28), evidence: "Audit report accepted by the CSP board on 28 August 2026.")),
            Rec("7", t[6], RecommendationScope.Local, [Council],
                Act("Add a domestic abuse question to the carer's assessment form.", Council, D(2026, 10, 31), D(2026, 10, 31),
                    [M("Form changed in the case management system", D(2026, 9, 30), null)]),
                Act("Train social workers in using the new question.", Council, D(2027, 2, 28), D(2027, 2, 28),
                    [M("Training sessions scheduled", D(2026, 12, 15), null)])),
            Rec("8", t[7], RecommendationScope.Local, [MentalHealth],
                Act("Include routine enquiry about domestic abuse in the mental health assessment template.", MentalHealth, D(2026, 12, 31), D(2026, 12, 31),
                    [M("Template changed", D(2026, 10, 15), null)]),
                Act("Audit the recording of routine enquiry in 100 assessments.", MentalHealth, D(2027, 6, 30), D(2027, 6, 30), [])),
            Rec("9", t[8], RecommendationScope.Regional, [Housing],
                Act("Each stock-holding housing provider to register for DAHA accreditation.", Housing, D(2027, 3, 31), D(2027, 3, 31),
                    [M("Three providers registered", D(2026, 9, 30), D(2026, 9, 10))])),
            Rec("10", t[9], RecommendationScope.Local, [Csp],
                Act("Map current provision for perpetrators who misuse alcohol.", Csp, D(2026, 6, 30), D(2026, 6, 30),
                    [M("Mapping report", D(2026, 6, 30), D(2026, 6, 26))], completed: D(2026, 7, 10), evidence: "Mapping report presented to the CSP board on 10 July 2026."),
                Act("Agree a multi-agency pathway with the drug and alcohol service.", Csp, D(2026, 10, 31), D(2026, 10, 31),
                    [M("Pathway drafted", D(2026, 9, 30), D(2026, 10, 5)), M("Pathway agreed by partners", D(2026, 10, 31), null)]),
                Act("Review the pathway after six months.", Csp, D(2027, 6, 30), D(2027, 6, 30), [])),
            Rec("11", t[10], RecommendationScope.National, [HomeOffice],
                Act("Write to the Home Office firearms licensing policy unit with the review's findings.", Csp, D(2026, 2, 28), D(2026, 2, 28),
                    [M("Letter sent", D(2026, 2, 28), D(2026, 2, 10))], completed: D(2026, 2, 10), evidence: "Letter sent 10 February 2026; acknowledged by the Home Office on 3 March 2026."),
                Act("Report the Home Office's response to the CSP board.", Csp, D(2026, 9, 30), D(2026, 6, 30),
                    [M("Response received", D(2026, 6, 30), null)])),
            Rec("12", t[11], RecommendationScope.National, [NhsEngland],
                Act("Refer the recommendation to NHS England's safeguarding lead through the ICB.", Icb, D(2026, 4, 30), D(2026, 4, 30),
                    [M("Referral made", D(2026, 4, 30), D(2026, 4, 14))], completed: D(2026, 4, 14), evidence: "Referral acknowledged by NHS England on 14 April 2026."),
                Act("Follow up NHS England's decision on mandatory training.", Icb, D(2027, 3, 31), D(2027, 3, 31), [])),
            Rec("13", t[12], RecommendationScope.National, [Dhsc],
                Act("Send the recommendation to the Department of Health and Social Care.", Csp, D(2026, 3, 31), D(2026, 3, 31),
                    [M("Letter sent", D(2026, 3, 31), D(2026, 3, 18))], completed: D(2026, 3, 18), evidence: "Letter sent 18 March 2026."),
                Act("Share any guidance issued with Eastshire mental health and police partners.", MentalHealth, D(2027, 3, 31), D(2027, 3, 31), [], supporting: [Police])),
            Rec("14", t[13], RecommendationScope.National, [HomeOffice],
                Act("Send the published report and action plan to the Domestic Abuse Commissioner.", Csp, D(2026, 12, 31), D(2026, 12, 31), [])),
        ];
    }

    private static ActionPlanRecommendation Rec(string number, string text, RecommendationScope scope, IReadOnlyList<string> addressedTo, params ActionPlanAction[] actions) =>
        new(number, text, scope, actions) { AddressedTo = addressedTo };

    private static ActionPlanAction Act(
        string description,
        string lead,
        DateOnly target,
        DateOnly original,
        IReadOnlyList<ActionPlanMilestone> milestones,
        DateOnly? completed = null,
        string? evidence = null,
        IReadOnlyList<string>? supporting = null)
    {
        var facts = new ActionStatusFacts(
            new DateOnly(2025, 8, 1),
            target,
            completed,
            milestones.Select(m => new MilestoneFact(m.Description, m.DueOn, m.AchievedOn)).ToList(),
            LastUpdate,
            null,
            null);
        return new ActionPlanAction(description, lead, ActionStatus.Derive(facts, ProducedOn, StatusThresholds.Default), target)
        {
            OriginalTargetDate = original,
            Milestones = milestones,
            CompletedOn = completed,
            CompletionEvidence = evidence,
            SupportingAgencies = supporting ?? [],
        };
    }

    private static ActionPlanMilestone M(string description, DateOnly due, DateOnly? achieved) => new(description, due, achieved);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    // ---- Decision notification --------------------------------------------------------------------------

    public static DecisionNotificationModel Notification(DecisionOutcome outcome = DecisionOutcome.Commission) => new()
    {
        PartnershipName = Partnership,
        ProducedOn = new DateOnly(2026, 11, 22),
        ContactName = "Sam Okafor",
        ContactRole = "Domestic Abuse and Sexual Violence Co-ordinator",
        ContactEmail = "dhr@eastshire.example",
        ContactTelephone = "01632 960 123",
        HomeOfficeEmail = "dhr.team@homeoffice.example",
        ReviewReference = "DHR-2026-07",
        Kind = ReviewKind.Dhr,
        VictimPseudonym = "Adult J",
        VictimAge = 47,
        Relationship = Relationship.IntimatePartner,
        DateOfDeath = new DateOnly(2026, 9, 14),
        NotifiedOn = new DateOnly(2026, 9, 21),
        Outcome = outcome,
        JointWith = outcome == DecisionOutcome.JointReview ? JointReviewType.SafeguardingAdultsReview : null,
        JointReviewReference = outcome == DecisionOutcome.JointReview ? "SAR-2026-03" : null,
        DecidedOn = new DateOnly(2026, 10, 16),
        DecidedBy = "Councillor Priya Shah, Chair of the Eastshire CSP",
        VictimAged16OrOver = true,
        RelationshipCriterionMet = true,
        DeathFromAbuseCriterionMet = outcome != DecisionOutcome.DoNotCommission,
        Rationale = outcome == DecisionOutcome.DoNotCommission
            ? "Adult J was 47 and lived with her partner. The coroner's findings and police investigation found that the death resulted from a medical cause; no agency held information suggesting abuse in the relationship, and family members consulted described none. The criterion of a death resulting from violence, abuse or neglect is not met.\nThe decision will be reviewed if new information emerges."
            : "Adult J was killed at home; her partner has been charged with her murder. Police, the GP practice and the domestic abuse service all had contact with Adult J in the two years before her death, including two reports of controlling behaviour.\nAll three criteria are met and there is learning for agencies about recognising coercive control.",
        IndependentChair = outcome == DecisionOutcome.DoNotCommission ? null : "Dr Helen Marsh",
        IndependentChairOrganisation = outcome == DecisionOutcome.DoNotCommission ? null : "Marsh Safeguarding Consultancy",
        ExpectedCompletionOn = outcome == DecisionOutcome.DoNotCommission ? null : new DateOnly(2027, 4, 16),
    };

    // ---- Overview report --------------------------------------------------------------------------------

    public static OverviewReportModel Overview(bool published = false, IReadOnlyList<string>? headings = null) => new()
    {
        PartnershipName = Partnership,
        ProducedOn = ProducedOn,
        IsPublished = published,
        ReviewReference = Reference,
        Kind = ReviewKind.Dhr,
        VictimPseudonym = "Adult A",
        VictimAge = 72,
        PerpetratorPseudonym = "Adult B",
        Relationship = Relationship.IntimatePartner,
        DateOfDeath = new DateOnly(2023, 5, 3),
        Headings = headings,
        IndependentChair = "Dr Helen Marsh",
        IndependentChairOrganisation = "Marsh Safeguarding Consultancy",
        AuthorName = null,
        ChairAppointedOn = new DateOnly(2023, 7, 10),
        NotifiedOn = new DateOnly(2023, 5, 12),
        DecidedOn = new DateOnly(2023, 6, 2),
        HomeOfficeNotifiedOn = new DateOnly(2023, 6, 20),
        CompletionDueOn = OverviewCompletionDue,
        Stages =
        [
            new OverviewStage("Death notified to the CSP", null, new DateOnly(2023, 5, 12)),
            new OverviewStage("Decision by the CSP chair", new DateOnly(2023, 6, 12), new DateOnly(2023, 6, 2)),
            new OverviewStage("Home Office told of the decision", new DateOnly(2023, 7, 2), new DateOnly(2023, 6, 20)),
            new OverviewStage("Independent chair appointed", null, new DateOnly(2023, 7, 10)),
            new OverviewStage("Review panel and terms of reference", null, new DateOnly(2023, 8, 14)),
            new OverviewStage("Agency reports (IMRs) and chronologies", new DateOnly(2023, 10, 2), new DateOnly(2023, 10, 20)),
            new OverviewStage("Overview report and executive summary", OverviewCompletionDue, new DateOnly(2024, 9, 30)),
        ],
        TermsOfReferenceAgreedOn = new DateOnly(2023, 8, 14),
        PeriodUnderReviewFrom = new DateOnly(2020, 5, 1),
        PeriodUnderReviewTo = new DateOnly(2023, 5, 3),
        TermsOfReferenceSummary = "To establish what lessons are to be learned from the death of Adult A about the way in which professionals and organisations work individually and together to safeguard victims.\nIn particular: how agencies responded to Adult A's health needs as an older woman, and whether coercive control was recognised.",
        FamilyContacts =
        [
            new OverviewFamilyContact("Daughter of Adult A", new DateOnly(2023, 7, 20), FamilyResponse.Accepted, new DateOnly(2023, 8, 1), "AAFDA"),
            new OverviewFamilyContact("Sister of Adult A", new DateOnly(2023, 7, 20), FamilyResponse.Declined, new DateOnly(2023, 8, 9), null),
            new OverviewFamilyContact("Neighbour and friend of Adult A", new DateOnly(2023, 9, 4), FamilyResponse.AwaitingResponse, null, null),
        ],
        AgencyReports =
        [
            new OverviewAgencyReport(Police, AgencyReportKind.IndividualManagementReview, new DateOnly(2023, 8, 21), new DateOnly(2023, 10, 2), new DateOnly(2023, 9, 29)),
            new OverviewAgencyReport(Icb, AgencyReportKind.IndividualManagementReview, new DateOnly(2023, 8, 21), new DateOnly(2023, 10, 2), new DateOnly(2023, 10, 20)),
            new OverviewAgencyReport(Council, AgencyReportKind.Chronology, new DateOnly(2023, 8, 21), new DateOnly(2023, 10, 2), new DateOnly(2023, 9, 25)),
            new OverviewAgencyReport(DaService, AgencyReportKind.SummaryOfInvolvement, new DateOnly(2023, 8, 21), new DateOnly(2023, 10, 2), null),
        ],
        Panel =
        [
            new OverviewPanelMember("Dr Helen Marsh", "Independent chair and author", "Marsh Safeguarding Consultancy"),
            new OverviewPanelMember("Detective Inspector Tom Reid", "Panel member", Police),
            new OverviewPanelMember("Jo Patel", "Designated nurse for safeguarding adults", Icb),
            new OverviewPanelMember("Chris Lowe", "Head of safeguarding", Council),
            new OverviewPanelMember("Ana Costa", "Service manager", DaService),
            new OverviewPanelMember("Sam Okafor", "DA & SV co-ordinator (adviser to the panel)", null),
        ],
        Pauses =
        [
            new OverviewPause(PauseReason.CriminalTrial, new DateOnly(2023, 11, 1), new DateOnly(2024, 2, 14), "Adult B's trial at Eastshire Crown Court."),
            new OverviewPause(PauseReason.Inquest, new DateOnly(2024, 3, 1), new DateOnly(2024, 6, 28), null),
        ],
        ActionPlan = ActionPlan(published).Groups,
    };

    /// <summary>Six months from the decision of 2 June 2023 plus the 226 days the review was paused: 15 July 2024.</summary>
    public static DateOnly OverviewCompletionDue => ReviewTimeline.CompletionDue(
        new DateOnly(2023, 6, 2),
        [(new DateOnly(2023, 11, 1), new DateOnly(2024, 2, 14)), (new DateOnly(2024, 3, 1), new DateOnly(2024, 6, 28))],
        ProducedOn,
        PartnershipSettings.Defaults());

    // ---- Quarterly paper --------------------------------------------------------------------------------

    public const string PublishedReference = "DHR-2021-04";
    public const string PublishedActionText = "Deliver refresher training on the MARAC referral threshold.";
    public const string UnpublishedRiskActionText = "Flag repeat referrals on the police records system within one working day.";
    public const string UnpublishedMilestone = "Module piloted with two agencies";
    public const string UnpublishedUpdate = "Pilot delayed because the second agency withdrew; a replacement agency has agreed to take part in December.";

    public static QuarterlyPaperModel Quarterly(PaperEdition edition = PaperEdition.Board, bool allPublished = false)
    {
        var quarter = new FinancialQuarter(2026, 2);
        var unpublished = new QuarterlyReview
        {
            Reference = Reference,
            Kind = ReviewKind.Dhr,
            IsPublished = allPublished,
            Stage = ReviewStage.QualityAssurance,
            Overall = new StatusAssessment(Rag.Red, $"Recommendation 3 is Red: Target date 31 March 2026 passed 175 days ago and the action is not complete (and 1 more Red)"),
            Recommendations = 14,
            Actions = new BragCounts(7, 11, 5, 3),
            Reached =
            [
                new QuarterlyMilestone("Overview report submitted to the Home Office Quality Assurance panel", new DateOnly(2026, 8, 1), new DateOnly(2026, 7, 24)),
                new QuarterlyMilestone("First dip sample reported to the CSP", new DateOnly(2026, 7, 31), new DateOnly(2026, 7, 28)) { RecommendationNumber = "2", ActionText = "Dip-sample 50 DASH forms each quarter.", LeadAgency = Police },
                new QuarterlyMilestone("Three providers registered", new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 10)) { RecommendationNumber = "9", ActionText = "Each stock-holding housing provider to register for DAHA accreditation.", LeadAgency = Housing },
            ],
            Missed =
            [
                new QuarterlyMilestone(UnpublishedMilestone, new DateOnly(2026, 9, 30), null)
                {
                    RecommendationNumber = "1", ActionText = "Add a module on domestic abuse in later life to the training programme.", LeadAgency = DaService,
                    LatestUpdate = UnpublishedUpdate, LatestUpdateOn = new DateOnly(2026, 9, 22),
                },
                new QuarterlyMilestone("Form changed in the case management system", new DateOnly(2026, 9, 30), null)
                {
                    RecommendationNumber = "7", ActionText = "Add a domestic abuse question to the carer's assessment form.", LeadAgency = Council,
                    LatestUpdate = null,
                },
            ],
            Risks =
            [
                new QuarterlyRisk("3", "Roll out the IRIS programme to all GP practices in Eastshire.", Icb, new StatusAssessment(Rag.Red, "Target date 31 March 2026 passed 183 days ago and the action is not complete"), new DateOnly(2026, 9, 30))
                {
                    LatestUpdate = "31 of 48 practices signed up; the ICB has asked for a revised target of 31 March 2027.", LatestUpdateOn = new DateOnly(2026, 9, 18),
                },
                new QuarterlyRisk("4", UnpublishedRiskActionText, Police, new StatusAssessment(Rag.Amber, "Milestone 'Flag added' overdue by 22 days"), new DateOnly(2026, 12, 31))
                {
                    LatestUpdate = "Change request raised with the records system supplier.\nExpected in November.", LatestUpdateOn = new DateOnly(2026, 9, 29),
                },
            ],
        };

        var published = new QuarterlyReview
        {
            Reference = PublishedReference,
            Kind = ReviewKind.Dhr,
            IsPublished = true,
            Stage = ReviewStage.ActionPlanDelivery,
            Overall = new StatusAssessment(Rag.Amber, "Recommendation 2 is Amber: No progress update for 96 days"),
            Recommendations = 7,
            Actions = new BragCounts(9, 2, 1, 0),
            Reached =
            [
                new QuarterlyMilestone("Screening question added to the referral form", new DateOnly(2026, 8, 31), new DateOnly(2026, 8, 20)) { RecommendationNumber = "1", ActionText = "Add a screening question to the adult safeguarding referral form.", LeadAgency = Council },
            ],
            Risks =
            [
                new QuarterlyRisk("2", PublishedActionText, DaService, new StatusAssessment(Rag.Amber, "No progress update for 96 days"), new DateOnly(2026, 12, 31)),
            ],
        };

        var early = new QuarterlyReview
        {
            Reference = "DARDR-2026-01",
            Kind = ReviewKind.Dardr,
            IsPublished = allPublished,
            Stage = ReviewStage.PanelAndTerms,
            Overall = null,
            Reached =
            [
                new QuarterlyMilestone("Independent chair appointed", null, new DateOnly(2026, 8, 12)),
            ],
        };

        return new QuarterlyPaperModel
        {
            PartnershipName = Partnership,
            ProducedOn = new DateOnly(2026, 10, 14),
            Quarter = quarter,
            Author = "Sam Okafor, DA & SV co-ordinator",
            AsAt = quarter.End,
            ComparedWith = quarter.Previous,
            Edition = edition,
            CoversUnpublishedReviews = !allPublished,
            ReviewsByStage =
            [
                new StageCount(ReviewStage.AwaitingDecision, 1, 0),
                new StageCount(ReviewStage.PanelAndTerms, 1, 0),
                new StageCount(ReviewStage.UnderReview, 2, 1),
                new StageCount(ReviewStage.QualityAssurance, 1, 0),
                new StageCount(ReviewStage.ActionPlanDelivery, 3, 2),
            ],
            ActionsNow = new BragCounts(16, 13, 6, 3),
            ActionsPrevious = new BragCounts(12, 15, 5, 4),
            Movement = new MovementCounts(Improved: 3, Worsened: 2, Unchanged: 27, Completed: 4, New: 2),
            Reviews = [unpublished, published, early],
            OverdueActions =
            [
                new OverdueAction(Icb, Reference, allPublished, "3", "Roll out the IRIS programme to all GP practices in Eastshire.", new DateOnly(2026, 3, 31), 183, new StatusAssessment(Rag.Red, "Target date 31 March 2026 passed 183 days ago and the action is not complete")) { OriginalTargetDate = new DateOnly(2026, 3, 31) },
                new OverdueAction(Council, Reference, allPublished, "7", "Add a domestic abuse question to the carer's assessment form.", new DateOnly(2026, 9, 15), 15, new StatusAssessment(Rag.Red, "Target date 15 September 2026 passed 15 days ago and the action is not complete")) { OriginalTargetDate = new DateOnly(2026, 6, 30) },
                new OverdueAction(Council, PublishedReference, true, "4", "Publish the revised adult safeguarding referral guidance.", new DateOnly(2026, 8, 31), 30, new StatusAssessment(Rag.Red, "Target date 31 August 2026 passed 30 days ago and the action is not complete")),
            ],
        };
    }

    /// <summary>The default overview headings, for tests that check them all.</summary>
    public static IReadOnlyList<string> DefaultHeadings => PartnershipSettings.DefaultOverviewHeadings;
}
