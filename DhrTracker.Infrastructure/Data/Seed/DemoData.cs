using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Infrastructure.Data.Seed;

/// <summary>
/// Fictional demonstration data: two partnerships, their agencies, demo users, reviews at every stage and
/// action plans whose statuses cover Blue, Green, Amber and Red. Every date is relative to the day the seed
/// runs, so the statuses stay realistic whenever it runs. Everything goes through the domain methods, so
/// the data obeys the same rules as the screens. Pseudonyms only; every name is invented.
/// </summary>
public static class DemoData
{
    public const string FirstPartnershipCode = "ECCSP";
    public const string FirstPartnershipName = "Eastshire County Community Safety Partnership";
    public const string SecondPartnershipCode = "WVCSP";
    public const string SecondPartnershipName = "Westvale Community Safety Partnership";

    public static class Emails
    {
        public const string Chair = "chair@eastshire.example";
        public const string Coordinator = "coordinator@eastshire.example";
        public const string Scrutiny = "scrutiny@eastshire.example";
        public const string Administrator = "admin@eastshire.example";
        public const string PoliceOfficer = "police.officer@eastshire.example";
        public const string IcbOfficer = "icb.officer@eastshire.example";
        public const string DaServiceOfficer = "daservice.officer@eastshire.example";
        public const string CouncilOfficer = "council.officer@eastshire.example";
        public const string SecondCoordinator = "coordinator@westvale.example";
        public const string SecondChair = "chair@westvale.example";
        public const string SecondPoliceOfficer = "police.officer@westvale.example";
    }

    /// <summary>The seeded reviews' references. The stage each is at is in its name.</summary>
    public static class References
    {
        // Eastshire (ECCSP)
        public const string JustNotified = "DHR-2026-04";
        public const string AwaitingDecision = "DHR-2026-03";
        public const string NotCommissionedHomeOfficeNotTold = "DHR-2026-02";
        public const string ChairToBeAppointed = "DHR-2026-01";
        public const string PanelAndTerms = "DHR-2025-03";
        public const string Paused = "DHR-2025-02";
        public const string AtQaPanel = "DHR-2025-01";
        public const string NotCommissioned = "DHR-2024-05";
        public const string Resubmitting = "DHR-2024-02";
        public const string AwaitingPublication = "DHR-2024-01";
        public const string PublishedRecent = "DHR-2023-02";
        public const string PublishedOlder = "DHR-2022-01";

        // Westvale (WVCSP)
        public const string SecondPartnershipReview = "DHR-2025-W1";
        public const string SecondPartnershipAwaitingDecision = "DHR-2026-W2";
    }

    /// <summary>Seeds only when the database has no partnerships. Returns whether it seeded.</summary>
    public static async Task<bool> SeedIfEmptyAsync(DhrDbContextFactory factory, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var probe = factory.Create(DataScope.System);
        probe.WriteAuditTrail = false;
        if (await probe.Partnerships.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return false;
        }

        // One transaction, so a failed seed leaves an empty database (and is tried again next start) rather
        // than half a demo. The execution strategy is what SQL Server's retry-on-failure requires around it.
        var strategy = probe.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            async ct =>
            {
                await using var db = factory.Create(DataScope.System);
                db.WriteAuditTrail = false;
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await db.Partnerships.IgnoreQueryFilters().AnyAsync(ct))
                {
                    return false;
                }

                await new Seeder(db, today, ct).RunAsync();
                await transaction.CommitAsync(ct);
                return true;
            },
            cancellationToken);
    }

    private const string Aafda = "Advocacy After Fatal Domestic Abuse (AAFDA)";

    private sealed class Org
    {
        public required Partnership Partnership { get; init; }
        public Dictionary<string, Agency> Agencies { get; } = [];
        public Dictionary<string, Theme> Themes { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<int, Actor> Officers { get; } = [];
        public Actor Chair { get; set; } = null!;
        public Actor Coordinator { get; set; } = null!;
        public List<RecSpec> Plan { get; } = [];
        public int Id => Partnership.Id;
        public Agency this[string key] => Agencies[key];

        /// <summary>The demo lead officer of an agency, or the co-ordinator acting for an agency with none.</summary>
        public Actor OfficerFor(Agency agency) => Officers.TryGetValue(agency.Id, out var officer) ? officer : Coordinator;

        public bool HasOfficer(Agency agency) => Officers.ContainsKey(agency.Id);
    }

    private sealed class RecSpec(Org org, Review review, string number, RecommendationScope scope, string text, Agency[] addressees, string[] themes)
    {
        public Org Org { get; } = org;
        public Review Review { get; } = review;
        public string Number { get; } = number;
        public RecommendationScope Scope { get; } = scope;
        public string Text { get; } = text;
        public Agency[] Addressees { get; } = addressees;
        public string[] Themes { get; } = themes;
        public List<ActSpec> Actions { get; } = [];
        public Recommendation? Entity { get; set; }

        public ActSpec Action(Agency lead, string description, string? officer, string? outcome, DateOnly createdOn, DateOnly target, params Agency[] supporting)
        {
            var action = new ActSpec(this, lead, description, officer, outcome, createdOn, target, supporting);
            Actions.Add(action);
            return action;
        }
    }

    private abstract record Step(DateOnly On, int Order);

    private sealed record AchieveStep(DateOnly On, int Index) : Step(On, 0);

    private sealed record UpdateStep(DateOnly On, Actor By, string Text, Rag? Rating, string? Reason) : Step(On, 1);

    private sealed record ProposeStep(DateOnly On, DateOnly CompletedOn, Actor By, string Evidence) : Step(On, 2);

    private sealed record ReturnStep(DateOnly On, string Reason) : Step(On, 3);

    private sealed record AcceptStep(DateOnly On, Actor By) : Step(On, 4);

    private sealed record HistoricStep(DateOnly On, DateOnly CompletedOn, Actor By, string Evidence) : Step(On, 4);

    private sealed record RevisionSpec(DateOnly RequestedOn, DateOnly NewDate, string Reason, Actor By, DateOnly? DecidedOn, string? Note);

    /// <summary>An action as the seed describes it, in the order things happened; materialised through the domain.</summary>
    private sealed class ActSpec(RecSpec rec, Agency lead, string description, string? officer, string? outcome, DateOnly createdOn, DateOnly target, Agency[] supporting)
    {
        public RecSpec Rec { get; } = rec;
        public Agency Lead { get; } = lead;
        public string Description { get; } = description;
        public string? Officer { get; } = officer;
        public string? Outcome { get; } = outcome;
        public DateOnly CreatedOn { get; } = createdOn;
        public DateOnly Target { get; } = target;
        public Agency[] Supporting { get; } = supporting;
        public List<(string Description, DateOnly Due, DateOnly? Achieved)> Milestones { get; } = [];
        public List<Step> Steps { get; } = [];
        public RevisionSpec? Revision { get; private set; }
        public ActionItem? Entity { get; set; }
        public List<Milestone> MilestoneEntities { get; } = [];

        private Actor LeadActor => Rec.Org.OfficerFor(Lead);

        public ActSpec Ms(string milestone, DateOnly due, DateOnly? achieved = null)
        {
            Milestones.Add((milestone, due, achieved));
            if (achieved is { } on)
            {
                Steps.Add(new AchieveStep(on, Milestones.Count - 1));
            }

            return this;
        }

        public ActSpec Update(DateOnly on, string text, Rag? rating = Rag.Green, string? reason = null)
        {
            Steps.Add(new UpdateStep(on, LeadActor, text, rating, reason));
            return this;
        }

        /// <summary>Completed, proposed by the lead officer and accepted by the co-ordinator (or recorded as historic when the agency has no demo officer).</summary>
        public ActSpec Complete(DateOnly completedOn, DateOnly acceptedOn, string evidence)
        {
            if (Rec.Org.HasOfficer(Lead))
            {
                Steps.Add(new ProposeStep(completedOn.AddDays(2) < acceptedOn ? completedOn.AddDays(2) : completedOn, completedOn, LeadActor, evidence));
                Steps.Add(new AcceptStep(acceptedOn, Rec.Org.Coordinator));
            }
            else
            {
                Steps.Add(new HistoricStep(acceptedOn, completedOn, Rec.Org.Coordinator, evidence));
            }

            return this;
        }

        public ActSpec ProposeOnly(DateOnly proposedOn, DateOnly completedOn, string evidence)
        {
            Steps.Add(new ProposeStep(proposedOn, completedOn, LeadActor, evidence));
            return this;
        }

        public ActSpec Returned(DateOnly returnedOn, string reason)
        {
            Steps.Add(new ReturnStep(returnedOn, reason));
            return this;
        }

        public ActSpec Revise(DateOnly requestedOn, DateOnly newDate, string reason, DateOnly? approvedOn, string? note = null)
        {
            Revision = new RevisionSpec(requestedOn, newDate, reason, LeadActor, approvedOn, note);
            return this;
        }
    }

    private sealed class Seeder(DhrDbContext db, DateOnly today, CancellationToken ct)
    {
        private DateOnly Day(int days) => today.AddDays(days);

        private DateOnly Mon(int months, int days = 0) => DateMath.AddMonths(today, months).AddDays(days);

        private static DateTime At(DateOnly date) => date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

        private Task SaveAsync() => db.SaveChangesAsync(ct);

        public async Task RunAsync()
        {
            var east = await CreateEastshireAsync();
            await EastshireReviewsAsync(east);
            await MaterialiseAsync(east);
            await CloseQuartersAsync(east);

            var west = await CreateWestvaleAsync();
            await WestvaleReviewsAsync(west);
            await MaterialiseAsync(west);
            await CloseQuartersAsync(west);
        }

        // ------------------------------------------------------------------ partnerships, agencies, users

        private async Task<Org> CreateOrgAsync(
            string name,
            string code,
            string contactName,
            string contactEmail,
            string[] themes,
            (string Key, string Name, AgencyKind Kind)[] agencies,
            (string Name, string Email, Role Role, string? Agency)[] users)
        {
            var partnership = new Partnership(name, code, contactName, contactEmail);
            db.Partnerships.Add(partnership);
            await SaveAsync();

            var org = new Org { Partnership = partnership };
            foreach (var theme in themes)
            {
                partnership.AddTheme(theme);
            }

            foreach (var (key, agencyName, kind) in agencies)
            {
                var agency = new Agency(partnership.Id, agencyName, kind);
                db.Agencies.Add(agency);
                org.Agencies.Add(key, agency);
            }

            await SaveAsync();
            foreach (var theme in partnership.Themes)
            {
                org.Themes[theme.Name] = theme;
            }

            var accounts = users
                .Select(u => new UserAccount(partnership.Id, u.Name, u.Email, u.Role, u.Agency is null ? null : org[u.Agency].Id, isDemo: true))
                .ToList();
            db.Users.AddRange(accounts);
            await SaveAsync();

            foreach (var account in accounts)
            {
                var actor = new Actor(account.Id, account.DisplayName);
                switch (account.Role)
                {
                    case Role.CspChair:
                        org.Chair = actor;
                        break;
                    case Role.Coordinator:
                        org.Coordinator = actor;
                        break;
                    case Role.LeadOfficer:
                        org.Officers[account.AgencyId!.Value] = actor;
                        break;
                }
            }

            return org;
        }

        private Task<Org> CreateEastshireAsync() => CreateOrgAsync(
            FirstPartnershipName,
            FirstPartnershipCode,
            "Priya Raman",
            Emails.Coordinator,
            ["Training", "Information sharing", "Risk assessment", "Firearms licensing", "Health pathways", "Public awareness", "Multi-agency strategy", "Housing", "Substance misuse", "Mental health"],
            [
                ("police", "Eastshire Constabulary", AgencyKind.Police),
                ("nhse", "NHS England – East of England", AgencyKind.NhsEngland),
                ("icb", "Eastshire and Waveney Integrated Care Board", AgencyKind.IntegratedCareBoard),
                ("riverside", "Riverside Medical Practice", AgencyKind.GpPractice),
                ("market", "Market Street Surgery", AgencyKind.GpPractice),
                ("mh", "Eastshire and Fenland Mental Health NHS Foundation Trust", AgencyKind.MentalHealthTrust),
                ("acute", "Eastshire General Hospital NHS Trust", AgencyKind.AcuteHospitalTrust),
                ("county", "Eastshire County Council", AgencyKind.CountyCouncil),
                ("northvale", "Northvale District Council", AgencyKind.DistrictCouncil),
                ("southbrook", "Southbrook Borough Council", AgencyKind.DistrictCouncil),
                ("haven", "Haven Domestic Abuse Service", AgencyKind.SpecialistDomesticAbuseService),
                ("homes", "Eastshire Homes", AgencyKind.Housing),
                ("probation", "Probation Service – Eastshire", AgencyKind.Probation),
                ("ambulance", "East of England Ambulance Service", AgencyKind.AmbulanceService),
                ("homeoffice", "Home Office", AgencyKind.NationalBody),
                ("dhsc", "Department of Health and Social Care", AgencyKind.NationalBody),
                ("nhsenational", "NHS England (national)", AgencyKind.NationalBody),
                ("moj", "Ministry of Justice", AgencyKind.NationalBody),
            ],
            [
                ("Helen Marsh", Emails.Chair, Role.CspChair, null),
                ("Priya Raman", Emails.Coordinator, Role.Coordinator, null),
                ("Tom Whitfield", Emails.Scrutiny, Role.Scrutiny, null),
                ("Dan Okafor", Emails.Administrator, Role.Administrator, null),
                ("Sarah Cole", Emails.PoliceOfficer, Role.LeadOfficer, "police"),
                ("Mark Bennett", Emails.IcbOfficer, Role.LeadOfficer, "icb"),
                ("Aisha Khan", Emails.DaServiceOfficer, Role.LeadOfficer, "haven"),
                ("Joanne Pike", Emails.CouncilOfficer, Role.LeadOfficer, "county"),
            ]);

        private Task<Org> CreateWestvaleAsync() => CreateOrgAsync(
            SecondPartnershipName,
            SecondPartnershipCode,
            "Leah Fraser",
            Emails.SecondCoordinator,
            ["Training", "Information sharing", "Risk assessment", "Health pathways", "Housing", "Public awareness"],
            [
                ("police", "Westvale Police", AgencyKind.Police),
                ("council", "Westvale Borough Council", AgencyKind.DistrictCouncil),
                ("wa", "Westvale Women's Aid", AgencyKind.SpecialistDomesticAbuseService),
                ("icb", "Westvale and District ICB", AgencyKind.IntegratedCareBoard),
            ],
            [
                ("Robert Hale", Emails.SecondChair, Role.CspChair, null),
                ("Leah Fraser", Emails.SecondCoordinator, Role.Coordinator, null),
                ("Gareth Lloyd", Emails.SecondPoliceOfficer, Role.LeadOfficer, "police"),
            ]);

        // ------------------------------------------------------------------ review helpers

        private Review Notify(Org org, string reference, ReviewKind kind, DateOnly notifiedOn, string notifier, int deathDaysBefore, string victim, int? victimAge, string? perpetrator, int? perpetratorAge, Relationship relationship, string circumstances)
        {
            var review = new Review(
                org.Id,
                reference,
                new NotificationInput(kind, notifiedOn, org[notifier].Id, notifiedOn.AddDays(-deathDaysBefore), victim, victimAge, perpetrator, perpetratorAge, relationship, circumstances),
                org.Coordinator,
                At(notifiedOn));
            db.Reviews.Add(review);
            return review;
        }

        private static void Commission(Org org, Review review, DateOnly decidedOn, string rationale, int? homeOfficeAfterDays, JointReviewType? jointWith = null, string? jointReference = null)
        {
            review.RecordDecision(
                new DecisionInput(true, true, true, jointWith is null ? DecisionOutcome.Commission : DecisionOutcome.JointReview, jointWith, jointReference, rationale, decidedOn),
                org.Chair,
                At(decidedOn));
            if (homeOfficeAfterDays is { } days)
            {
                var told = decidedOn.AddDays(days);
                review.RecordHomeOfficeNotified(told, org.Coordinator.Name, org.Coordinator, At(told));
            }
        }

        private static void Chair(Org org, Review review, DateOnly on, string name, string organisation) =>
            review.AppointChair(name, organisation, on, name, org.Coordinator, At(on));

        private static void Panel(Org org, Review review, DateOnly on, params (string? Agency, string Name, string Role)[] members)
        {
            foreach (var (agency, name, role) in members)
            {
                review.AddPanelMember(agency is null ? null : org[agency].Id, name, role, org.Coordinator, At(on));
            }
        }

        private static void Terms(Org org, Review review, DateOnly on, int yearsUnderReview, string summary) =>
            review.AgreeTermsOfReference(on, review.DateOfDeath.AddYears(-yearsUnderReview), review.DateOfDeath, summary, org.Coordinator, At(on));

        /// <summary>Requests reports; those with a receipt are marked received after the next save (they need ids).</summary>
        private List<(AgencyReport Report, DateOnly Received, Actor By)> Reports(Org org, Review review, DateOnly requestedOn, DateOnly dueOn, params (string Agency, AgencyReportKind Kind, DateOnly? Received)[] reports)
        {
            var toReceive = new List<(AgencyReport, DateOnly, Actor)>();
            foreach (var (key, kind, received) in reports)
            {
                var report = review.RequestAgencyReport(org[key].Id, kind, requestedOn, dueOn, org.Coordinator, At(requestedOn));
                if (received is { } on)
                {
                    toReceive.Add((report, on, org.OfficerFor(org[key])));
                }
            }

            return toReceive;
        }

        private static void Receive(Review review, IEnumerable<(AgencyReport Report, DateOnly Received, Actor By)> reports)
        {
            foreach (var (report, received, by) in reports)
            {
                review.RecordAgencyReportReceived(report.Id, received, by, At(received));
            }
        }

        private static void Family(Org org, Review review, string who, DateOnly offered, FamilyResponse response, DateOnly? responded, string? advocacy, string? notes) =>
            review.RecordFamilyContact(who, offered, response, responded, advocacy, notes, org.Coordinator, At(responded ?? offered));

        private static void Overview(Org org, Review review, DateOnly drafted, DateOnly? panel, DateOnly? csp) =>
            review.RecordOverviewReport(drafted, panel, csp, org.Coordinator, At(csp ?? panel ?? drafted));

        private async Task QaAsync(Org org, Review review, DateOnly submitted, DateOnly? meeting, DateOnly? letter, QaOutcome? outcome, string? summary)
        {
            var submission = review.SubmitToQualityAssurance(submitted, org.Coordinator, At(submitted));
            if (meeting is null && letter is null)
            {
                return;
            }

            await SaveAsync();
            review.RecordQaPanel(submission.Id, meeting, letter, outcome, summary, org.Coordinator, At(letter ?? meeting ?? submitted));
        }

        private static void Publish(Org org, Review review, DateOnly on, string where, DateOnly? commissionerCopy) =>
            review.Publish(on, where, commissionerCopy, null, org.Coordinator, At(commissionerCopy ?? on));

        private static RecSpec Rec(Org org, Review review, string number, RecommendationScope scope, string text, string[] addressees, params string[] themes)
        {
            var rec = new RecSpec(org, review, number, scope, text, addressees.Select(a => org[a]).ToArray(), themes);
            org.Plan.Add(rec);
            return rec;
        }

        // ------------------------------------------------------------------ Eastshire reviews

        private async Task EastshireReviewsAsync(Org o)
        {
            await PublishedOlderAsync(o);
            await PublishedRecentAsync(o);
            await AwaitingPublicationAsync(o);
            await ResubmittingAsync(o);
            await NotCommissionedAsync(o);
            await AtQaPanelAsync(o);
            await PausedAsync(o);
            await PanelAndTermsAsync(o);
            await EarlyStagesAsync(o);
        }

        private async Task PublishedOlderAsync(Org o)
        {
            var r = Notify(o, References.PublishedOlder, ReviewKind.Dhr, Mon(-55), "police", 9, "Amy", 38, "Adult K", 41, Relationship.IntimatePartner,
                "Amy died at the home she shared with her partner, Adult K, following an assault. Adult K was charged with murder and later convicted. Amy had disclosed controlling behaviour to her GP and to a friend; police had attended two earlier incidents. Adult K held a shotgun certificate.");
            var d0 = Mon(-55, 21);
            Commission(o, r, d0, "All three statutory criteria are met: Amy was 38, Adult K was her partner and they lived together, and her death resulted from violence by him. Several agencies had contact with the couple, so a review is likely to identify lessons.", 14);
            Chair(o, r, d0.AddDays(40), "Martin Shaw", "Independent Safeguarding Reviews Ltd");
            Panel(o, r, d0.AddDays(50),
                (null, "Martin Shaw", "Independent chair and author"),
                ("police", "DCI Paul Hartley", "Head of Public Protection"),
                ("icb", "Mark Bennett", "Designated Nurse for Safeguarding Adults"),
                ("county", "Joanne Pike", "Head of Community Safety"),
                ("haven", "Aisha Khan", "Service Manager"),
                ("mh", "Dr Neil Foster", "Associate Director of Safeguarding"),
                ("homes", "Kevin Walsh", "Tenancy Services Manager"));
            Terms(o, r, d0.AddDays(70), 3, "To examine agencies' contact with Amy and Adult K from three years before Amy's death, including the management of firearms licensing, health services' response to disclosures, and the use of MARAC.");
            var reports = Reports(o, r, d0.AddDays(72), d0.AddDays(114),
                ("police", AgencyReportKind.IndividualManagementReview, d0.AddDays(110)),
                ("icb", AgencyReportKind.IndividualManagementReview, d0.AddDays(113)),
                ("riverside", AgencyReportKind.Chronology, d0.AddDays(100)),
                ("county", AgencyReportKind.IndividualManagementReview, d0.AddDays(118)),
                ("haven", AgencyReportKind.IndividualManagementReview, d0.AddDays(105)),
                ("homes", AgencyReportKind.SummaryOfInvolvement, d0.AddDays(96)));
            Family(o, r, "Mother of Amy", d0.AddDays(30), FamilyResponse.Accepted, d0.AddDays(44), Aafda, "Met the chair twice; chose the pseudonym Amy and contributed a pen portrait.");
            Family(o, r, "Friend and former colleague of Amy", d0.AddDays(60), FamilyResponse.Accepted, d0.AddDays(75), null, "Interviewed by the chair.");
            await SaveAsync();
            Receive(r, reports);
            Overview(o, r, Mon(-48), Mon(-48, 14), Mon(-48, 35));
            await QaAsync(o, r, Mon(-47, 10), Mon(-47, 66), Mon(-47, 80), QaOutcome.Publish,
                "The panel commended the report's analysis of firearms licensing and the family's contribution. Cleared for publication.");
            Publish(o, r, Mon(-42), "Eastshire County Council website, community safety pages", Mon(-42, 5));
            await SaveAsync();

            var created = Mon(-42, 20);
            var police = o["police"];
            var icb = o["icb"];
            var county = o["county"];
            var haven = o["haven"];

            var r1 = Rec(o, r, "1", RecommendationScope.Local,
                "Eastshire Constabulary should ensure that all frontline officers and staff receive refresher training in the DASH risk assessment, so that risk is assessed consistently at every domestic abuse incident and the victim's own view of the risk is recorded.",
                ["police"], "Training", "Risk assessment");
            r1.Action(police, "Deliver DASH risk assessment refresher training to all response and neighbourhood officers.", "DCI Paul Hartley", "Every frontline officer trained in the DASH risk assessment within 12 months.", created, Mon(-30))
                .Ms("Training package agreed", Mon(-38), Mon(-38, -3))
                .Ms("All response officers trained", Mon(-33), Mon(-33, 10))
                .Update(Mon(-38, 2), "Package agreed with Haven and the force training board.")
                .Update(Mon(-33, 12), "All 640 response officers trained; neighbourhood teams follow.")
                .Complete(Mon(-31), Mon(-31, 9), "Training records show 98% of frontline officers completed the refresher; the remainder are on long-term leave.");
            r1.Action(police, "Dip-sample DASH risk assessments quarterly and report quality to the Domestic Abuse Strategic Board.", "DCI Paul Hartley", "DASH quality is measured and improves.", created, Mon(-28), haven)
                .Ms("First dip-sample reported", Mon(-36), Mon(-36, 5))
                .Update(Mon(-36, 6), "First dip-sample of 60 forms: 71% fully completed.")
                .Update(Mon(-30), "Third dip-sample: 86% fully completed.")
                .Complete(Mon(-29), Mon(-29, 7), "Four quarterly dip-samples reported; quality rose from 71% to 88%. Dip-sampling is now business as usual.");

            var r2 = Rec(o, r, "2", RecommendationScope.Local,
                "When a firearms certificate holder is the subject of a domestic abuse report, Eastshire Constabulary's firearms licensing unit should be told and the certificate reviewed.",
                ["police", "icb"], "Firearms licensing", "Information sharing");
            r2.Action(police, "Introduce an automatic notification from domestic abuse incident records to the firearms licensing unit.", "Sarah Cole", "No domestic abuse incident involving a certificate holder goes unreviewed.", created, Mon(-32))
                .Ms("Notification built in the records system", Mon(-36), Mon(-36, -4))
                .Update(Mon(-36), "Automatic notification live; the licensing unit reviews each within 5 working days.")
                .Complete(Mon(-34), Mon(-34, 6), "Audit of 40 notifications: every one reviewed by the licensing unit within 5 working days.");
            r2.Action(icb, "Ensure GP practices apply the firearms marker to certificate holders' records and answer police licensing enquiries within 21 days.", "Mark Bennett", "GPs' medical information reaches the licensing decision in time.", created, Mon(-30), o["riverside"], o["market"])
                .Ms("Guidance issued to all GP practices", Mon(-38), Mon(-38, 8))
                .Ms("Audit of marker use in 10 practices", Mon(-12), Mon(-11))
                .Ms("All practices meet the 21-day standard", Mon(-5))
                .Revise(Mon(-31), Mon(-4), "Practices were slower to take up the marker than planned; the audit has to wait for the new clinical system.", Mon(-31, 4), "Agreed; report progress quarterly.")
                .Update(Mon(-30), "Guidance issued; take-up being monitored.")
                .Update(Mon(-11, 2), "Audit complete: 7 of 10 practices apply the marker consistently.")
                .Update(Day(-35), "Three practices still miss the 21-day standard; the ICB is supporting them.", Rag.Red);

            var r3 = Rec(o, r, "3", RecommendationScope.Local,
                "GP practices should ask about domestic abuse routinely, record what patients disclose, and know how to refer to specialist support.",
                ["icb", "riverside", "market"], "Health pathways", "Training");
            r3.Action(icb, "Deliver domestic abuse training to GP practice staff across Eastshire.", "Mark Bennett", "Practice staff recognise domestic abuse and refer.", created, Mon(-32), haven)
                .Ms("Training delivered to 50% of practices", Mon(-37), Mon(-37, 4))
                .Update(Mon(-37, 5), "Half of practices trained.")
                .Complete(Mon(-33), Mon(-33, 8), "Training delivered to 61 of 63 practices; the other two booked.");
            r3.Action(o["riverside"], "Appoint a domestic abuse lead at the practice.", "Dr Hannah Moss", "A named lead advises colleagues.", created, Mon(-36))
                .Complete(Mon(-39), Mon(-39, 5), "Practice nurse lead appointed and trained.");

            var r4 = Rec(o, r, "4", RecommendationScope.Local,
                "Agencies should refer every high-risk case to MARAC and attend consistently, so that the plan to keep the victim safe is shared.",
                ["county", "haven", "police"], "Multi-agency strategy", "Risk assessment");
            r4.Action(county, "Publish MARAC referral and attendance figures to the CSP board every quarter.", "Joanne Pike", "Gaps in attendance are seen and addressed.", created, Mon(-34))
                .Ms("First quarterly report", Mon(-38), Mon(-38, 2))
                .Complete(Mon(-35), Mon(-35, 5), "Quarterly MARAC report is a standing item at the board.");
            r4.Action(haven, "Increase IDVA capacity for MARAC cases.", "Aisha Khan", "Every MARAC case is offered an IDVA.", created, Mon(-30), county)
                .Ms("Two additional IDVAs recruited", Mon(-34), Mon(-33, 20))
                .Update(Mon(-33, 21), "Two IDVAs in post.")
                .Complete(Mon(-31), Mon(-31, 8), "IDVA caseloads within SafeLives guidance; all MARAC cases offered an IDVA.");

            var r5 = Rec(o, r, "5", RecommendationScope.Local,
                "Housing providers should have a domestic abuse policy and train staff to recognise abuse behind rent arrears and repairs requests.",
                ["homes", "southbrook"], "Housing", "Training");
            r5.Action(o["homes"], "Adopt a domestic abuse policy and train tenancy staff.", "Kevin Walsh", "Housing staff recognise and respond to domestic abuse.", created, Mon(-30))
                .Complete(Mon(-31), Mon(-31, 6), "Policy adopted by the board; 45 tenancy staff trained.");
            r5.Action(o["southbrook"], "Introduce a management transfer route for tenants experiencing domestic abuse.", "Owen Price", "Victims can move quickly and safely.", created, Mon(-32))
                .Complete(Mon(-33), Mon(-33, 10), "Management transfer procedure in place; six transfers completed in the first year.");

            var r6 = Rec(o, r, "6", RecommendationScope.Local,
                "Substance misuse services should screen for domestic abuse and work jointly with the specialist domestic abuse service.",
                ["county", "haven"], "Substance misuse", "Risk assessment");
            r6.Action(county, "Require commissioned substance misuse services to screen every client for domestic abuse.", "Joanne Pike", "Abuse is identified in substance misuse services.", created, Mon(-30))
                .Complete(Mon(-32), Mon(-32, 4), "Contract variation signed; screening rate reported monthly (94%).");
            r6.Action(haven, "Agree a joint working protocol with the substance misuse service.", "Aisha Khan", "Shared clients get a joined-up response.", created, Mon(-34))
                .Complete(Mon(-35), Mon(-35, 7), "Protocol signed by both services.");

            var r7 = Rec(o, r, "7", RecommendationScope.Local,
                "Mental health and acute hospital services should share safeguarding information about domestic abuse with each other and with GPs.",
                ["mh", "acute"], "Mental health", "Information sharing");
            r7.Action(o["mh"], "Add domestic abuse to the trust's discharge summary template.", "Dr Neil Foster", "GPs learn of disclosures made in mental health care.", created, Mon(-32))
                .Complete(Mon(-33), Mon(-33, 5), "Template changed; audit shows the section completed in 90% of discharges.");
            r7.Action(o["acute"], "Place a safeguarding liaison nurse in the emergency department.", "Claire Dunn", "Disclosures in the emergency department are acted on.", created, Mon(-28))
                .Complete(Mon(-29), Mon(-29, 6), "Liaison nurse in post since the spring; referrals to Haven doubled.");

            var r8 = Rec(o, r, "8", RecommendationScope.Local,
                "Agencies should promote the Domestic Violence Disclosure Scheme (Clare's Law) so that people know they can ask about a partner's history.",
                ["police", "haven"], "Public awareness");
            r8.Action(police, "Run a campaign promoting the right to ask under the Domestic Violence Disclosure Scheme.", "Sarah Cole", "More applications under the right to ask.", created, Mon(-34), haven)
                .Complete(Mon(-36), Mon(-36, 5), "Campaign ran for six weeks; right-to-ask applications rose by 40%.");
            r8.Action(haven, "Include the disclosure scheme in Haven's outreach sessions.", "Aisha Khan", "Survivors and friends know about the scheme.", created, Mon(-34))
                .Complete(Mon(-37), Mon(-37, 4), "Scheme part of every outreach session since launch.");

            var r9 = Rec(o, r, "9", RecommendationScope.Regional,
                "Probation and police across the region should share information about domestic abuse perpetrators promptly, through an agreed regional protocol.",
                ["probation", "police"], "Information sharing", "Multi-agency strategy");
            r9.Action(o["probation"], "Agree a regional protocol for sharing perpetrator information with police.", "Andrew Young", "Risk information moves between probation and police within 48 hours.", created, Mon(-30), police)
                .Complete(Mon(-31), Mon(-31, 10), "Regional protocol signed by the probation region and the four forces.");
            r9.Action(police, "Sign the regional data-sharing agreement and test it with the neighbouring forces.", "Sarah Cole", "Information about perpetrators crosses force boundaries.", created, Mon(-24), o["probation"])
                .Ms("Draft agreement agreed by the four forces", Mon(-20), Mon(-19))
                .Ms("Regional data-sharing agreement signed", Day(-9))
                .Ms("First joint test exercise", Mon(4))
                .Revise(Mon(-25), Mon(6), "The regional agreement was reopened when a new national template was issued; the forces are now working to it.", Mon(-25, 6), "Agreed; the national template is the right basis.")
                .Update(Mon(-19, 2), "Draft agreed by all four forces.")
                .Update(Mon(-6), "Legal review under way in two forces.")
                .Update(Day(-30), "Signature expected this month once the last legal review finishes.");

            var r10 = Rec(o, r, "10", RecommendationScope.National,
                "The Home Office should amend the statutory guidance for Domestic Homicide Reviews so that panels always check whether the perpetrator held a firearms or shotgun certificate.",
                ["homeoffice"], "Firearms licensing", "Multi-agency strategy");
            r10.Action(o["homeoffice"], "The CSP will write to the Home Office with this recommendation and report its response to the board.", "Helen Marsh (CSP chair)", "The Home Office considers the recommendation.", created, Mon(-36))
                .Ms("Letter sent", Mon(-41), Mon(-41))
                .Complete(Mon(-37), Mon(-37, 5), "Home Office reply received: the point will be considered in the next revision of the statutory guidance.");
            r10.Action(county, "Share the learning on firearms licensing with the regional DHR network.", "Joanne Pike", "Other partnerships learn from this review.", created, Mon(-36))
                .Complete(Mon(-38), Mon(-38, 3), "Presented at the regional DHR network in the spring.");
        }

        private async Task PublishedRecentAsync(Org o)
        {
            var r = Notify(o, References.PublishedRecent, ReviewKind.Dhr, Mon(-36, -25), "police", 6, "Adult A", 29, "Adult B", 33, Relationship.FormerIntimatePartner,
                "Adult A was killed by her former partner, Adult B, three weeks after she ended the relationship. Adult B was convicted of murder. Adult A had told her GP, her employer and Haven about controlling behaviour and financial abuse; a DASH assessment two months before her death was graded medium risk.");
            var d0 = Mon(-36);
            Commission(o, r, d0, "All criteria are met: Adult A was 29; Adult B was her former intimate partner; her death resulted from his violence. Agencies including police, health and Haven had contact with Adult A, so there is learning to be had.", 12);
            Chair(o, r, d0.AddDays(30), "Dr Alison Grey", "Grey Review Associates");
            Panel(o, r, d0.AddDays(45),
                (null, "Dr Alison Grey", "Independent chair and author"),
                ("police", "Sarah Cole", "Detective Inspector, Public Protection"),
                ("icb", "Mark Bennett", "Designated Nurse for Safeguarding Adults"),
                ("riverside", "Dr Hannah Moss", "GP safeguarding lead"),
                ("mh", "Dr Neil Foster", "Associate Director of Safeguarding"),
                ("county", "Joanne Pike", "Head of Community Safety"),
                ("haven", "Aisha Khan", "Service Manager"),
                ("probation", "Andrew Young", "Head of Public Protection"),
                ("homes", "Kevin Walsh", "Tenancy Services Manager"));
            var pause = r.Pause(PauseReason.CriminalTrial, d0.AddDays(20), "Paused at the request of the senior investigating officer until the trial of Adult B concluded.", d0.AddDays(25), o.Coordinator, At(d0.AddDays(25)));
            Terms(o, r, d0.AddDays(55), 3, "To examine agencies' contact with Adult A and Adult B in the three years before Adult A's death, with particular regard to separation as a time of heightened risk, coercive control, economic abuse and information sharing between health and police.");
            var reports = Reports(o, r, d0.AddDays(58), d0.AddDays(100),
                ("police", AgencyReportKind.IndividualManagementReview, d0.AddDays(96)),
                ("icb", AgencyReportKind.IndividualManagementReview, d0.AddDays(99)),
                ("riverside", AgencyReportKind.Chronology, d0.AddDays(92)),
                ("mh", AgencyReportKind.IndividualManagementReview, d0.AddDays(110)),
                ("county", AgencyReportKind.IndividualManagementReview, d0.AddDays(101)),
                ("haven", AgencyReportKind.IndividualManagementReview, d0.AddDays(88)),
                ("homes", AgencyReportKind.SummaryOfInvolvement, d0.AddDays(95)),
                ("probation", AgencyReportKind.SummaryOfInvolvement, d0.AddDays(120)));
            Family(o, r, "Mother of Adult A", d0.AddDays(40), FamilyResponse.Accepted, d0.AddDays(52), Aafda, "Asked that the report use \"Adult A\". Met the chair three times and reviewed the draft.");
            Family(o, r, "Sister of Adult A", d0.AddDays(40), FamilyResponse.Accepted, d0.AddDays(47), Aafda, null);
            Family(o, r, "Colleague of Adult A", d0.AddDays(70), FamilyResponse.Declined, d0.AddDays(85), null, "Declined, but agreed that the employer's HR lead could contribute.");
            await SaveAsync();
            Receive(r, reports);
            r.EndPause(pause.Id, d0.AddDays(170), o.Coordinator, At(d0.AddDays(170)));
            Overview(o, r, Mon(-28), Mon(-28, 21), Mon(-28, 45));
            await QaAsync(o, r, Mon(-26), Mon(-26, 49), Mon(-26, 63), QaOutcome.PublishAfterChanges,
                "The panel thanked the chair and the family. Areas for final development: (1) strengthen the analysis of economic abuse in the section on the months before separation; (2) make each recommendation specific, measurable and assigned to a named agency; (3) remove details in the chronology that could identify Adult A's workplace; (4) add the equality and diversity analysis required by the statutory guidance.");
            Publish(o, r, Mon(-18), "Eastshire County Council website, community safety pages", Mon(-18, 6));
            await SaveAsync();

            var c = Mon(-18, 21);
            var police = o["police"];
            var icb = o["icb"];
            var haven = o["haven"];
            var county = o["county"];

            // 1
            var r1 = Rec(o, r, "1", RecommendationScope.Local,
                "Eastshire Constabulary and Haven Domestic Abuse Service should ensure that DASH risk assessment training for frontline staff covers coercive control, stalking and recent separation as factors that escalate risk, and is refreshed every two years.",
                ["police", "haven"], "Training", "Risk assessment");
            r1.Action(police, "Refresh the DASH risk assessment training package for frontline officers and call handlers to cover coercive control, stalking and separation.", "Sarah Cole", "Officers grade risk correctly when a victim has recently separated.", c, Mon(4), haven)
                .Ms("Training needs analysis complete", Mon(-12), Mon(-12, 4))
                .Ms("Training pack agreed", Day(-41))
                .Ms("First cohort of response officers trained", Mon(3))
                .Update(Mon(-14), "Training needs analysis started with the learning and development team.")
                .Update(Mon(-12, 5), "Training needs analysis complete: 1,150 officers and 85 call handlers in scope.")
                .Update(Mon(-6), "Draft training pack written with Haven and out for comment.")
                .Update(Day(-20), "The force training board deferred agreeing the pack to its January meeting. Escalated to the Head of Public Protection.", Rag.Amber);
            r1.Action(haven, "Deliver DASH and coercive control awareness sessions to partner agencies' frontline staff (housing, adult social care, GP practices).", "Aisha Khan", "Partner agencies' staff recognise escalating risk and refer.", c, Mon(5), county, o["homes"])
                .Ms("Session plan agreed with partners", Mon(-11), Mon(-11, -3))
                .Ms("Sessions delivered to housing teams", Mon(-2), Mon(-2, -6))
                .Ms("Sessions delivered to GP practices", Mon(2))
                .Update(Mon(-10), "Session plan agreed; first dates booked.")
                .Update(Mon(-5), "Eight sessions delivered to Eastshire Homes and district housing teams.")
                .Update(Day(-12), "GP practice sessions booked through the ICB's protected learning time.");

            // 2
            var r2 = Rec(o, r, "2", RecommendationScope.Local,
                "Agencies should recognise that separation from an abusive partner is a time of heightened risk, and consider a MARAC referral when a victim discloses that they have recently separated.",
                ["police", "county", "haven", "icb"], "Risk assessment", "Multi-agency strategy");
            r2.Action(county, "Update the MARAC operating protocol so that recent separation is a listed trigger for a professional-judgement referral.", "Joanne Pike", "Recently separated victims are considered for MARAC.", c, Mon(-9), police, haven)
                .Ms("Draft protocol to the MARAC steering group", Mon(-14), Mon(-14, -2))
                .Ms("Protocol approved by the CSP board", Mon(-10), Mon(-10, 3))
                .Update(Mon(-15), "Draft protocol written.")
                .Update(Mon(-10, 4), "Protocol approved by the CSP board.")
                .Complete(Mon(-10, 3), Mon(-10, 12), "Revised MARAC protocol (version 4) approved by the CSP board; separation is listed as a trigger at paragraph 3.2.");
            r2.Action(police, "Audit 50 DASH risk assessments where separation was recorded, to check whether a MARAC referral was considered.", "Sarah Cole", "Evidence that separation is treated as a risk factor.", c, Mon(-8))
                .Ms("Audit sample drawn", Mon(-14), Mon(-14, 2))
                .Ms("Audit report to the CSP board", Mon(-9), Mon(-9, -5))
                .Update(Mon(-14, 3), "Sample of 50 drawn.")
                .Update(Mon(-11), "Audit of all 50 complete; report being written.")
                .Complete(Mon(-9, -5), Mon(-9, 2), "Audit report: MARAC referral considered in 44 of 50 cases (88%), up from 60% in the review period.");
            r2.Action(haven, "Offer IDVA support within 48 hours to every high-risk victim who has recently separated, and record the offer on the case file.", "Aisha Khan", "Recently separated victims get specialist support quickly.", c, Mon(6), county)
                .Ms("Referral pathway agreed with the MARAC", Mon(-9), Mon(-9, 2))
                .Ms("Six-monthly audit of contact times", Mon(-3), Mon(-3, 4))
                .Ms("Second audit of contact times", Day(-10), Day(-12))
                .Update(Mon(-8), "Pathway live.")
                .Update(Mon(-3, 5), "First audit: 91% contacted within 48 hours.")
                .Update(Day(-7), "Second audit: 95% contacted within 48 hours. Proposing completion.")
                .ProposeOnly(Day(-6), Day(-12), "Two audits of IDVA contact times (attached) show 91% then 95% of recently separated high-risk victims contacted within 48 hours; the offer is recorded on the case file in every sampled case.");

            // 3(a)
            var r3a = Rec(o, r, "3(a)", RecommendationScope.Local,
                "Eastshire and Waveney ICB should ensure that GP practices ask about domestic abuse routinely, supported by the IRIS programme or an equivalent.",
                ["icb", "riverside", "market"], "Health pathways", "Training");
            r3a.Action(icb, "Commission IRIS (Identification and Referral to Improve Safety) training for all GP practices in Eastshire.", "Mark Bennett", "Every practice trained and referring to a named advocate educator.", c, Mon(8), haven, o["riverside"], o["market"])
                .Ms("Options appraisal to the ICB safeguarding committee", Mon(-6), Mon(-6, 2))
                .Ms("Commissioning business case approved", Day(-12))
                .Ms("IRIS training starts in the first 20 practices", Mon(5))
                .Update(Mon(-7), "Options appraisal drafted.")
                .Update(Mon(-3), "Options appraisal approved; business case being written.")
                .Update(Day(-30), "Business case on the agenda for the ICB board next month.");
            r3a.Action(o["riverside"], "Introduce a domestic abuse template in the practice's clinical system that prompts routine enquiry and records the response.", "Dr Hannah Moss", "Routine enquiry recorded for every new patient.", c, Mon(-12), icb)
                .Ms("Template built and tested", Mon(-15), Mon(-15, 3))
                .Ms("Template live for all clinicians", Mon(-14), Mon(-14, -2))
                .Update(Mon(-16), "Update from the practice: template being built with the clinical system supplier.")
                .Update(Mon(-14), "Update from the practice: template live; first monthly search run.")
                .Complete(Mon(-13), Mon(-13, 7), "Template live; a search shows routine enquiry recorded for 83% of new registrations.");
            r3a.Action(o["market"], "Nominate a domestic abuse lead GP and complete practice-wide domestic abuse training.", "Dr Imran Qureshi", "Every member of staff knows how to respond to a disclosure.", c, Mon(-10))
                .Ms("Lead GP nominated", Mon(-16), Mon(-16, 1))
                .Ms("All clinical and reception staff trained", Mon(-11), Mon(-11, 10))
                .Update(Mon(-15), "Update from the practice: lead GP attended the ICB's domestic abuse leads' forum.")
                .Update(Mon(-12), "Update from the practice: 18 of 24 staff trained; the rest booked.")
                .Complete(Mon(-11, 12), Mon(-11, 20), "Lead GP named; training register shows all 24 staff trained.");
            r3a.Action(icb, "Add domestic abuse to the ICB's safeguarding assurance visits to GP practices.", "Mark Bennett", "Practices' response to domestic abuse is checked.", c, Mon(-6))
                .Ms("Assurance visit tool updated", Mon(-12), Mon(-12, 6))
                .Update(Mon(-12, 7), "Tool updated; first visits booked.")
                .Update(Mon(-6, 10), "Visits took longer than planned because of practice mergers; eight of twelve done.", Rag.Red)
                .Complete(Mon(-4), Mon(-4, 8), "Twelve assurance visits completed using the revised tool; findings reported to the ICB quality committee.");

            // 3(b)
            var r3b = Rec(o, r, "3(b)", RecommendationScope.Local,
                "The ICB should ensure that a patient's disclosure of domestic abuse is coded so that the risk is visible to clinicians across primary and secondary care.",
                ["icb", "acute"], "Health pathways", "Information sharing");
            r3b.Action(icb, "Agree a shared domestic abuse coding standard across GP, hospital and mental health records.", "Mark Bennett", "A disclosure made in one service is visible in the others.", c, Mon(7), o["acute"], o["mh"])
                .Ms("Coding standard drafted", Mon(-4), Mon(-4, 5))
                .Ms("Standard agreed by the three providers", Mon(2))
                .Update(Mon(-5), "Drafting group meeting monthly.")
                .Update(Mon(-2), "Draft standard circulated to the three providers.")
                .Update(Day(-15), "The hospital's system supplier has not confirmed it can receive the code.", Rag.Amber,
                    "No milestone is overdue yet, but without the supplier's confirmation the February agreement date is at risk.");
            r3b.Action(o["acute"], "Add a domestic abuse flag to the emergency department record, visible at triage.", "Claire Dunn", "Triage staff see a known risk at once.", c, Mon(2), icb)
                .Ms("Flag specified with the safeguarding team", Mon(-8), Mon(-8, 3))
                .Ms("Flag live in the emergency department", Mon(1))
                .Update(Mon(-7), "Specification agreed.")
                .Update(Day(-18), "Testing complete; go-live planned for next month.");

            // 4
            var r4 = Rec(o, r, "4", RecommendationScope.Local,
                "Eastshire County Council adult social care should ensure that carers' assessments consider whether the carer or the person cared for is experiencing domestic abuse.",
                ["county"], "Risk assessment", "Training");
            r4.Action(county, "Revise the carers' assessment guidance to include questions about domestic abuse and how to ask safely.", "Joanne Pike", "Practitioners ask about abuse in every carers' assessment.", c, Mon(-11), haven)
                .Ms("Guidance revised", Mon(-13), Mon(-13, -2))
                .Update(Mon(-16), "Working group of practitioners and Haven drafting the questions.")
                .Update(Mon(-13), "Revised guidance agreed by the principal social worker.")
                .Complete(Mon(-12), Mon(-12, 6), "Revised guidance published on the practice hub (version 3.1).");
            r4.Action(county, "Train adult social care practitioners in the revised carers' assessment guidance.", "Joanne Pike", "Practitioners use the guidance confidently.", c, Mon(-1), haven)
                .Ms("Training materials signed off", Mon(-6), Mon(-6, 3))
                .Ms("Half of practitioners trained", Mon(2))
                .Revise(Mon(-2), Mon(4), "We want to deliver the training alongside the new case-recording system going live in the spring; the same trainers deliver both.", Mon(-2, 5), "Agreed. Report progress to the January board.")
                .Update(Mon(-5), "Materials signed off by the principal social worker.")
                .Update(Mon(-2, 1), "Revised target date requested to align with the new case-recording system.")
                .Update(Day(-25), "First four sessions booked for December and January.");

            // 5
            var r5 = Rec(o, r, "5", RecommendationScope.Local,
                "Eastshire Homes and the district councils should ensure that housing officers recognise domestic abuse in tenancy enforcement and anti-social behaviour cases.",
                ["homes", "northvale", "southbrook"], "Housing", "Training");
            r5.Action(o["homes"], "Add domestic abuse screening to the anti-social behaviour case process and train housing officers to use it.", "Kevin Walsh", "Abuse behind noise and damage complaints is recognised.", c, Mon(-1), o["northvale"], o["southbrook"], haven)
                .Ms("Screening questions added to the case form", Mon(-8), Mon(-8, 9))
                .Ms("Housing officers trained", Mon(-2))
                .Update(Mon(-9), "Screening questions drafted with Haven.")
                .Update(Mon(-4), "Questions live on the case form.")
                .Update(Day(-45), "Training slipped: both trainers are on long-term leave. Looking at Haven delivering instead.");
            r5.Action(o["northvale"], "Achieve Domestic Abuse Housing Alliance (DAHA) accreditation for the council's housing service.", "Fiona Grant", "The housing service meets the national standard.", c, Mon(7))
                .Ms("DAHA membership and gap analysis", Mon(-9), Mon(-9, -2))
                .Ms("Self-assessment submitted to DAHA", Mon(2))
                .Update(Mon(-10), "Membership agreed.")
                .Update(Mon(-7), "Gap analysis complete; 14 actions identified.")
                .Update(Day(-118), "Work on the self-assessment under way.");
            r5.Action(o["southbrook"], "Review the housing allocations policy so that people fleeing domestic abuse are not disadvantaged by local connection rules.", "Owen Price", "Victims can be rehoused where they are safe.", c, Mon(-9), haven)
                .Ms("Policy consultation closed", Mon(-13), Mon(-13, 4))
                .Ms("Amended policy approved by the cabinet", Mon(-10), Mon(-10, -5))
                .Update(Mon(-15), "Update from the council: consultation launched with Haven and tenants' groups.")
                .Update(Mon(-12), "Update from the council: consultation closed; amendment drafted.")
                .Complete(Mon(-10), Mon(-10, 10), "Allocations policy amended by the cabinet; local connection waived for people fleeing domestic abuse.");

            // 6
            var r6 = Rec(o, r, "6", RecommendationScope.Local,
                "Eastshire and Fenland Mental Health NHS Foundation Trust should ensure that when a patient discloses domestic abuse, as a victim or as a perpetrator, a DASH risk assessment is completed, safeguarding advice is sought, and the care plan of a perpetrator includes a plan to manage the risk to partners and former partners.",
                ["mh"], "Mental health", "Risk assessment", "Multi-agency strategy");
            r6.Action(o["mh"], "Embed the DASH risk assessment in the trust's mental health assessment and care-planning pathway.", "Dr Neil Foster", "Risk is assessed whenever abuse is disclosed.", c, Mon(3), haven)
                .Ms("Pathway revised", Mon(-5), Mon(-5, 2))
                .Ms("Staff briefings complete", Mon(1))
                .Update(Mon(-6), "Revised pathway drafted.")
                .Update(Day(-14), "Pathway live; briefings under way in all community teams.");
            r6.Action(o["mh"], "Audit the care plans of patients known to be perpetrators of domestic abuse for a plan to manage risk to partners and former partners.", "Dr Neil Foster", "Risk to partners is planned for.", c, Mon(5), o["probation"])
                .Ms("Audit tool agreed", Day(-20))
                .Ms("Audit complete and reported", Mon(3))
                .Update(Mon(-4), "Audit scope agreed with the safeguarding committee.")
                .Update(Day(-50), "Audit tool drafted.");

            // 7
            var r7 = Rec(o, r, "7", RecommendationScope.Local,
                "Agencies should share information about domestic abuse with the MARAC and with each other in line with the Eastshire information sharing agreement.",
                ["county", "police", "icb", "haven", "probation"], "Information sharing", "Multi-agency strategy");
            r7.Action(county, "Refresh the Eastshire multi-agency information sharing agreement for domestic abuse and have every partner re-sign it.", "Joanne Pike", "Every partner shares information confidently and lawfully.", c, Mon(2), police, icb, haven, o["probation"])
                .Ms("Draft agreement circulated", Mon(-6), Mon(-6, 2))
                .Ms("Agreement signed by partners", Day(-35), Day(-32))
                .Update(Mon(-7), "Legal review of the draft complete.")
                .Update(Mon(-3), "Eleven of fourteen partners have signed.")
                .Update(Day(-31), "All partners have signed; proposing completion.")
                .ProposeOnly(Day(-30), Day(-32), "Refreshed information sharing agreement (version 2) attached.")
                .Returned(Day(-24), "The evidence attaches the agreement but not the signatory list. Please add the list of partners who have signed, with dates, and confirm that probation has signed.")
                .Update(Day(-10), "Signatory list being collated; probation's signature is expected in December.");
            r7.Action(police, "Share police domestic abuse incident notifications, including non-crime incidents, with the victim's GP practice within 72 hours.", "Sarah Cole", "GPs know of incidents and can offer support.", c, Day(20), icb)
                .Ms("Data-sharing agreement with GP practices signed", Mon(-6), Mon(-6, 4))
                .Ms("Pilot in the Northvale area", Day(-18))
                .Revise(Day(-8), Mon(5), "The pilot depends on the new police records system, whose go-live moved from October to January. Moving the target lets the pilot run for three months before roll-out.", null)
                .Update(Mon(-5), "Agreement signed with the ICB on behalf of practices.")
                .Update(Day(-40), "Pilot ready to start once the records system is live.")
                .Update(Day(-8), "Pilot delayed by the new records management system; revised target date requested.", Rag.Amber);

            // 8
            var r8 = Rec(o, r, "8", RecommendationScope.Local,
                "Probation Service – Eastshire should ensure that domestic abuse checks with police and children's services are completed before court reports are prepared.",
                ["probation", "police"], "Information sharing", "Risk assessment");
            r8.Action(o["probation"], "Audit compliance with domestic abuse safeguarding checks before pre-sentence reports are written.", "Andrew Young", "Courts are told of known domestic abuse.", c, Mon(-10), police)
                .Ms("Audit sample of 80 reports drawn", Mon(-14), Mon(-14, 1))
                .Ms("Audit findings to the probation quality board", Mon(-11), Mon(-11, -2))
                .Update(Mon(-14, 2), "Update from probation: sample drawn; audit under way.")
                .Update(Mon(-12), "Update from probation: early findings show checks completed in almost all cases.")
                .Complete(Mon(-11), Mon(-11, 9), "Audit of 80 reports: checks completed in 96%.");
            r8.Action(police, "Agree a service level for returning domestic abuse call-out information to probation within five working days.", "Sarah Cole", "Probation has police information in time for court.", c, Mon(-8), o["probation"])
                .Ms("Service level agreed", Mon(-9), Mon(-9, -4))
                .Update(Mon(-12), "Draft service level shared with probation.")
                .Update(Mon(-9, -3), "Service level signed by both agencies; first month's figures due next month.")
                .Complete(Mon(-9, -4), Mon(-9, 5), "Service level signed; monthly figures show 97% returned within five working days.");

            // 9
            var r9 = Rec(o, r, "9", RecommendationScope.Local,
                "The Community Safety Partnership should run a public awareness campaign on coercive control and economic abuse, aimed at friends, family and colleagues.",
                ["county", "haven"], "Public awareness");
            r9.Action(haven, "Co-produce a campaign on coercive control and economic abuse with survivors and the family of Adult A, and run it over the winter.", "Aisha Khan", "Friends, family and colleagues recognise the signs and know where to go.", c, Mon(-11), county)
                .Ms("Campaign materials co-produced", Mon(-14), Mon(-14, 5))
                .Ms("Campaign run", Mon(-12), Mon(-12, 10))
                .Update(Mon(-14, 6), "Materials agreed with Adult A's family.")
                .Complete(Mon(-12, 12), Mon(-11, -3), "Campaign reached 180,000 people online; calls to Haven's helpline from friends and family rose by 30%.");
            r9.Action(county, "Develop and launch workplace domestic abuse guidance for Eastshire employers (ask, act, refer).", "Joanne Pike", "Employers know how to respond when an employee is being abused.", c, Day(-35), haven)
                .Ms("Guidance drafted with the Chamber of Commerce", Mon(-5), Mon(-5, 6))
                .Ms("Guidance launched", Day(-35))
                .Update(Mon(-6), "Drafting group set up with the Chamber of Commerce.")
                .Update(Mon(-2), "Guidance drafted and designed.")
                .Update(Day(-40), "Launch postponed to the Chamber's new-year business breakfast.", null);

            // 10
            var r10 = Rec(o, r, "10", RecommendationScope.Regional,
                "The East of England Ambulance Service and NHS England – East of England should ensure that ambulance crews and health staff across the region recognise and report domestic abuse, including coercive control of older and disabled patients and abuse seen at calls where no injury is reported.",
                ["ambulance", "nhse"], "Training", "Information sharing", "Health pathways");
            r10.Action(o["ambulance"], "Include recognising and reporting domestic abuse, including at non-injury calls, in crews' annual mandatory safeguarding training.", "Lisa Hammond", "Crews report concerns from every kind of call.", c, Mon(-2))
                .Ms("Training module updated", Mon(-6), Mon(-6, 4))
                .Update(Mon(-6, 5), "Module updated and approved by the trust's education board.")
                .Complete(Mon(-3), Mon(-3, 10), "Module in this year's mandatory training; safeguarding referrals from non-injury calls up 25%.");
            r10.Action(o["nhse"], "Agree a regional domestic abuse training standard for health staff that covers coercive control of older and disabled patients.", "Dr Rachel Owusu", "Consistent training across the region's health services.", c, Mon(9), icb)
                .Ms("Regional task-and-finish group set up", Mon(-6), Mon(-6, 5))
                .Ms("Standard out for consultation", Mon(2))
                .Update(Mon(-5), "Group meeting monthly; ICBs represented.")
                .Update(Day(-21), "Draft standard written; consultation planned for January.");

            // 11–13: national
            var r11 = Rec(o, r, "11", RecommendationScope.National,
                "The Home Office should amend the statutory guidance for Domestic Homicide Reviews so that panels always consider the victim's financial circumstances and any economic abuse.",
                ["homeoffice"], "Multi-agency strategy");
            r11.Action(o["homeoffice"], "The CSP will write to the Home Office with this recommendation and report its response to the board.", "Helen Marsh (CSP chair)", "The Home Office considers the recommendation.", c, Mon(3))
                .Ms("Letter sent to the Home Office", Mon(-16), Mon(-16))
                .Ms("Response received", Mon(2))
                .Update(Mon(-16, 2), "Letter sent by the CSP chair.")
                .Update(Day(-130), "Acknowledgement received; a full response is awaited.");

            var r12 = Rec(o, r, "12", RecommendationScope.National,
                "The Department of Health and Social Care and NHS England should ensure that national plans for primary care include routine enquiry about domestic abuse.",
                ["dhsc", "nhsenational"], "Health pathways");
            r12.Action(o["dhsc"], "The CSP will write to the Department of Health and Social Care with this recommendation and report its response.", "Helen Marsh (CSP chair)", "The department considers the recommendation.", c, Mon(-9), o["nhsenational"])
                .Ms("Letter sent", Mon(-16), Mon(-16))
                .Ms("Response received", Mon(-10), Mon(-10))
                .Update(Mon(-16, 2), "Letter sent by the CSP chair.")
                .Update(Mon(-10), "Reply received from the department; to go to the next CSP board.")
                .Complete(Mon(-10), Mon(-10, 7), "The department's reply noted the recommendation and referred to the national domestic abuse programme for primary care; reported to the CSP board.");

            var r13 = Rec(o, r, "13", RecommendationScope.National,
                "The Ministry of Justice should review how probation shares information about domestic abuse perpetrators released on licence with the GPs of their victims.",
                ["moj"], "Information sharing");
            r13.Action(o["moj"], "The CSP will write to the Ministry of Justice with this recommendation and report its response.", "Helen Marsh (CSP chair)", "The ministry considers the recommendation.", c, Day(-60))
                .Ms("Letter sent", Mon(-16), Mon(-16))
                .Ms("Response received", Day(-60))
                .Update(Mon(-16, 2), "Letter sent by the CSP chair.")
                .Update(Mon(-6), "No response yet; chased by e-mail.")
                .Update(Day(-20), "Chased again through the regional probation director.");
        }

        private async Task AwaitingPublicationAsync(Org o)
        {
            var r = Notify(o, References.AwaitingPublication, ReviewKind.Dhr, Mon(-30), "acute", 4, "Adult N", 56, "Adult P", 27, Relationship.FamilyMember,
                "Adult N died in hospital from injuries inflicted by her adult son, Adult P, who lived with her. Adult P had a history of mental ill-health and substance misuse. Adult N had told her GP she was frightened of him.");
            var d0 = Mon(-29);
            Commission(o, r, d0, "All criteria are met: Adult N was 56, Adult P is her son and they lived in the same household, and her death resulted from his violence.", 14);
            Chair(o, r, d0.AddDays(35), "Ruth Adeyemi", "Adeyemi Safeguarding Consultancy");
            Panel(o, r, d0.AddDays(45),
                (null, "Ruth Adeyemi", "Independent chair and author"),
                ("police", "Sarah Cole", "Detective Inspector, Public Protection"),
                ("icb", "Mark Bennett", "Designated Nurse for Safeguarding Adults"),
                ("mh", "Dr Neil Foster", "Associate Director of Safeguarding"),
                ("county", "Joanne Pike", "Head of Community Safety"),
                ("haven", "Aisha Khan", "Service Manager"));
            var pause = r.Pause(PauseReason.CriminalTrial, d0.AddDays(15), "Paused until the trial of Adult P concluded.", d0.AddDays(18), o.Coordinator, At(d0.AddDays(18)));
            Terms(o, r, d0.AddDays(60), 5, "To examine agencies' contact with Adult N and Adult P over five years, in particular adult family violence, carers' needs, and joint working between mental health and substance misuse services.");
            var reports = Reports(o, r, d0.AddDays(62), d0.AddDays(104),
                ("police", AgencyReportKind.IndividualManagementReview, d0.AddDays(100)),
                ("icb", AgencyReportKind.IndividualManagementReview, d0.AddDays(104)),
                ("mh", AgencyReportKind.IndividualManagementReview, d0.AddDays(125)),
                ("county", AgencyReportKind.IndividualManagementReview, d0.AddDays(98)));
            Family(o, r, "Daughter of Adult N", d0.AddDays(40), FamilyResponse.Accepted, d0.AddDays(55), Aafda, null);
            await SaveAsync();
            Receive(r, reports);
            r.EndPause(pause.Id, d0.AddDays(200), o.Coordinator, At(d0.AddDays(200)));
            Overview(o, r, Mon(-9), Mon(-8), Mon(-7));
            await QaAsync(o, r, Mon(-6, -5), Day(-55), Day(-40), QaOutcome.Publish,
                "A clear and thorough report. The panel noted the good analysis of adult family violence and cleared it for publication.");
            await SaveAsync();

            var created = Day(-35);
            var rec1 = Rec(o, r, "1", RecommendationScope.Local,
                "Eastshire and Fenland Mental Health NHS Foundation Trust and the substance misuse service should agree a joint pathway for adults with both mental ill-health and substance misuse who pose a risk to family members.",
                ["mh", "county"], "Mental health", "Substance misuse", "Multi-agency strategy");
            rec1.Action(o["mh"], "Agree a dual-diagnosis pathway with the substance misuse service, including a family risk assessment.", "Dr Neil Foster", "Family members' safety is considered in dual-diagnosis care.", created, Mon(8), o["county"])
                .Ms("Pathway drafted", Mon(3));
            var rec2 = Rec(o, r, "2", RecommendationScope.Local,
                "GP practices should recognise that parents abused by adult children are victims of domestic abuse and refer them for specialist support.",
                ["icb"], "Health pathways", "Training");
            rec2.Action(o["icb"], "Include adult family violence in the GP domestic abuse training programme.", "Mark Bennett", "GPs recognise abuse of parents by adult children.", created, Mon(9), o["haven"])
                .Ms("Training content revised", Mon(3));
            var rec3 = Rec(o, r, "3", RecommendationScope.Local,
                "Eastshire County Council should ensure that carers' assessments consider whether a parent caring for an adult child is at risk from them.",
                ["county"], "Risk assessment");
            rec3.Action(o["county"], "Add a question on risk from the cared-for person to the carers' assessment.", "Joanne Pike", "Risk to carers from the person they care for is assessed.", created, Mon(6))
                .Ms("Assessment form revised", Mon(2));
        }

        private async Task ResubmittingAsync(Org o)
        {
            var r = Notify(o, References.Resubmitting, ReviewKind.Dhr, Mon(-26), "police", 10, "Adult Q", 44, null, null, Relationship.IntimatePartner,
                "Adult Q took her own life. Her family and friends described years of coercive control by her husband, which Haven had also recorded. No one has been charged.");
            var d0 = Mon(-25);
            Commission(o, r, d0, "All criteria are met: Adult Q was 44; the relationship criterion is met (husband); since 2016 a suicide where there was abuse in the relationship falls within the statutory criteria, and there is evidence of coercive control.", 20);
            Chair(o, r, d0.AddDays(40), "Martin Shaw", "Independent Safeguarding Reviews Ltd");
            Panel(o, r, d0.AddDays(50),
                (null, "Martin Shaw", "Independent chair and author"),
                ("police", "DCI Paul Hartley", "Head of Public Protection"),
                ("icb", "Mark Bennett", "Designated Nurse for Safeguarding Adults"),
                ("mh", "Dr Neil Foster", "Associate Director of Safeguarding"),
                ("haven", "Aisha Khan", "Service Manager"),
                ("county", "Joanne Pike", "Head of Community Safety"));
            Terms(o, r, d0.AddDays(70), 4, "To examine agencies' contact with Adult Q over four years, the recognition of coercive control, and the link between domestic abuse and suicide.");
            var reports = Reports(o, r, d0.AddDays(72), d0.AddDays(114),
                ("police", AgencyReportKind.IndividualManagementReview, d0.AddDays(112)),
                ("icb", AgencyReportKind.IndividualManagementReview, d0.AddDays(120)),
                ("mh", AgencyReportKind.IndividualManagementReview, d0.AddDays(110)),
                ("haven", AgencyReportKind.IndividualManagementReview, d0.AddDays(101)));
            Family(o, r, "Brother of Adult Q", d0.AddDays(45), FamilyResponse.Accepted, d0.AddDays(60), Aafda, null);
            Family(o, r, "Husband of Adult Q", d0.AddDays(45), FamilyResponse.Declined, d0.AddDays(70), null, null);
            await SaveAsync();
            Receive(r, reports);
            Overview(o, r, Mon(-13), Mon(-12), Mon(-11));
            await QaAsync(o, r, Mon(-10), Mon(-10, 50), Mon(-10, 64), QaOutcome.Resubmit,
                "The panel asked for the report to be resubmitted. Areas for development: the analysis does not yet examine the link between coercive control and Adult Q's suicide; the family's account needs to be reflected; the recommendations are not yet specific enough to be measured.");
            await SaveAsync();
            Overview(o, r, Mon(-3), null, null);
            await SaveAsync();
        }

        private async Task NotCommissionedAsync(Org o)
        {
            var r = Notify(o, References.NotCommissioned, ReviewKind.Dhr, Mon(-22), "police", 5, "Adult C", 67, "Adult D", 41, Relationship.FamilyMember,
                "Adult C was found at home by her son and carer, Adult D, after a fall. Police attended as the death was unexpected. The post-mortem found the cause of death was a cardiac event leading to the fall.");
            var decided = Mon(-22, 20);
            r.RecordDecision(new DecisionInput(true, true, false, DecisionOutcome.DoNotCommission, null, null,
                "Criteria considered. (1) Age: Adult C was 67 — met. (2) Relationship: Adult C lived with her son and carer, Adult D — met. (3) Death resulting from violence, abuse or neglect: not met. The post-mortem found a natural cause of death (a cardiac event leading to a fall); the police investigation found no evidence of abuse or neglect; no agency held any record of domestic abuse or safeguarding concerns in the household. A review is therefore not commissioned. The case has been shared with the Safeguarding Adults Board for information.",
                decided), o.Chair, At(decided));
            r.RecordHomeOfficeNotified(decided.AddDays(10), o.Coordinator.Name, o.Coordinator, At(decided.AddDays(10)));
            r.Close(decided.AddDays(14), "Decision not to review notified to the Home Office; no further action for the CSP.", true, o.Coordinator, At(decided.AddDays(14)));
            await SaveAsync();
        }

        private async Task AtQaPanelAsync(Org o)
        {
            var r = Notify(o, References.AtQaPanel, ReviewKind.Dhr, Mon(-15), "police", 6, "Rose", 71, "Adult E", 74, Relationship.IntimatePartner,
                "Rose died at home; her husband of 50 years, Adult E, was her carer and was convicted of manslaughter. Rose had dementia. Adult social care, the GP practice and the hospital had all had contact with the couple in the year before her death.");
            var d0 = Mon(-14);
            Commission(o, r, d0, "All criteria are met: Rose was 71; Adult E was her husband and they lived together; her death resulted from his violence. The review will consider abuse of older people and carer stress without excusing the abuse.", 10);
            Chair(o, r, d0.AddDays(25), "Ruth Adeyemi", "Adeyemi Safeguarding Consultancy");
            Panel(o, r, d0.AddDays(30),
                (null, "Ruth Adeyemi", "Independent chair and author"),
                ("police", "Sarah Cole", "Detective Inspector, Public Protection"),
                ("icb", "Mark Bennett", "Designated Nurse for Safeguarding Adults"),
                ("market", "Dr Imran Qureshi", "GP safeguarding lead"),
                ("acute", "Claire Dunn", "Head of Safeguarding"),
                ("county", "Joanne Pike", "Head of Community Safety"),
                ("haven", "Aisha Khan", "Service Manager"));
            Terms(o, r, d0.AddDays(45), 2, "To examine agencies' contact with Rose and Adult E over two years, with a focus on abuse of older people, dementia, and the support offered to carers.");
            var reports = Reports(o, r, d0.AddDays(48), d0.AddDays(90),
                ("police", AgencyReportKind.IndividualManagementReview, d0.AddDays(85)),
                ("icb", AgencyReportKind.IndividualManagementReview, d0.AddDays(92)),
                ("market", AgencyReportKind.Chronology, d0.AddDays(80)),
                ("acute", AgencyReportKind.IndividualManagementReview, d0.AddDays(95)),
                ("county", AgencyReportKind.IndividualManagementReview, d0.AddDays(89)),
                ("haven", AgencyReportKind.SummaryOfInvolvement, d0.AddDays(70)));
            Family(o, r, "Daughter of Rose", d0.AddDays(20), FamilyResponse.Accepted, d0.AddDays(33), Aafda, "Chose the pseudonym Rose.");
            Family(o, r, "Son of Rose", d0.AddDays(20), FamilyResponse.Declined, d0.AddDays(40), null, "Asked to be kept informed of publication.");
            await SaveAsync();
            Receive(r, reports);
            Overview(o, r, Mon(-3), Mon(-2), Day(-30));
            await QaAsync(o, r, Day(-21), null, null, null, null);
            await SaveAsync();

            var created = Day(-28);
            Rec(o, r, "1", RecommendationScope.Local,
                "Eastshire County Council adult social care should ensure that assessments of older couples where one partner cares for the other consider domestic abuse as well as carer stress.",
                ["county"], "Risk assessment", "Training")
                .Action(o["county"], "Add domestic abuse prompts to adult safeguarding and carers' assessments for older people.", "Joanne Pike", "Abuse of older people is recognised, not attributed to carer stress alone.", created, Mon(6), o["haven"])
                .Ms("Prompts drafted with Haven", Mon(2));
            Rec(o, r, "2", RecommendationScope.Local,
                "Eastshire and Waveney ICB should ensure that GP practices ask older patients, including those with dementia, about domestic abuse, and see them alone.",
                ["icb", "market"], "Health pathways", "Training")
                .Action(o["icb"], "Extend the routine enquiry training for GP practices to cover older patients and patients with dementia.", "Mark Bennett", "Older patients are asked about abuse.", created, Mon(9), o["market"])
                .Ms("Training content revised", Mon(3));
            var rec3 = Rec(o, r, "3", RecommendationScope.Local,
                "Eastshire Constabulary should ensure that DASH risk assessment training for frontline staff covers the abuse of older people by partners and carers.",
                ["police"], "Training", "Risk assessment");
            rec3.Action(o["police"], "Add a module on older victims to the DASH risk assessment training for frontline officers.", "Sarah Cole", "Officers assess risk to older victims correctly.", created, Mon(8), o["haven"])
                .Ms("Module written", Mon(4));
            rec3.Action(o["haven"], "Provide an older people's IDVA to advise the police on the new module.", "Aisha Khan", "Specialist knowledge shapes the training.", created, Mon(6), o["police"]);
            Rec(o, r, "4", RecommendationScope.National,
                "The Department of Health and Social Care should ensure that national dementia guidance addresses domestic abuse by partners who are carers.",
                ["dhsc"], "Health pathways", "Multi-agency strategy")
                .Action(o["dhsc"], "The CSP will write to the Department of Health and Social Care with this recommendation once the report is published.", "Helen Marsh (CSP chair)", "The department considers the recommendation.", created, Mon(9))
                .Ms("Letter sent", Mon(3));
        }

        private async Task PausedAsync(Org o)
        {
            var r = Notify(o, References.Paused, ReviewKind.Dardr, Mon(-9), "police", 5, "Jenny", 41, "Adult F", 44, Relationship.IntimatePartner,
                "Jenny was killed by her partner, Adult F, at their home. Adult F has been charged with murder and awaits trial. Police had attended the address once before; Jenny had seen her GP about anxiety and low mood.");
            var d0 = Mon(-8);
            Commission(o, r, d0, "All criteria are met: Jenny was 41; Adult F was her partner and they lived together; her death resulted from domestic abuse. Several agencies knew the family, so there is likely to be learning.", 9);
            Chair(o, r, d0.AddDays(28), "Martin Shaw", "Independent Safeguarding Reviews Ltd");
            Panel(o, r, d0.AddDays(35),
                (null, "Martin Shaw", "Independent chair and author"),
                ("police", "Sarah Cole", "Detective Inspector, Public Protection"),
                ("icb", "Mark Bennett", "Designated Nurse for Safeguarding Adults"),
                ("mh", "Dr Neil Foster", "Associate Director of Safeguarding"),
                ("county", "Joanne Pike", "Head of Community Safety"),
                ("haven", "Aisha Khan", "Service Manager"),
                ("homes", "Kevin Walsh", "Tenancy Services Manager"),
                ("probation", "Andrew Young", "Head of Public Protection"));
            Terms(o, r, Mon(-7, 5), 4, "To examine agencies' contact with Jenny and Adult F over four years, including whether Jenny's anxiety and low mood were linked to abuse, and what was known about Adult F's previous relationships.");
            var iopc = r.Pause(PauseReason.IopcInvestigation, Mon(-7, 10), "Police contact before the death was referred to the IOPC; paused until the IOPC confirmed the review could proceed.", Mon(-7, 14), o.Coordinator, At(Mon(-7, 14)));
            Family(o, r, "Mother of Jenny", Mon(-7), FamilyResponse.Accepted, Mon(-7, 12), Aafda, "Chose the pseudonym Jenny. Supported by an AAFDA advocate.");
            Family(o, r, "Sister of Jenny", Mon(-7), FamilyResponse.Declined, Mon(-7, 20), null, "Declined for now; may wish to contribute after the trial.");
            Family(o, r, "Friend and colleague of Jenny", Mon(-5), FamilyResponse.AwaitingResponse, null, null, "Letter sent through the employer.");
            await SaveAsync();
            r.EndPause(iopc.Id, Mon(-6, 5), o.Coordinator, At(Mon(-6, 5)));
            var due = Mon(-6, 10).AddDays(o.Partnership.Settings.AgencyReportDueDays);
            var received = Reports(o, r, Mon(-6, 10), due,
                ("police", AgencyReportKind.IndividualManagementReview, null),
                ("mh", AgencyReportKind.IndividualManagementReview, Mon(-5, 15)),
                ("county", AgencyReportKind.IndividualManagementReview, Mon(-5, 25)),
                ("haven", AgencyReportKind.IndividualManagementReview, Mon(-4, 10)),
                ("homes", AgencyReportKind.SummaryOfInvolvement, Mon(-5, 10)));

            // The GP practice's involvement came to light from the police disclosure, so the ICB was asked later.
            received.AddRange(Reports(o, r, Day(-30), Day(12), ("icb", AgencyReportKind.IndividualManagementReview, null)));
            await SaveAsync();
            Receive(r, received);
            r.Pause(PauseReason.CriminalTrial, Day(-90), "Adult F charged with murder; the senior investigating officer and the CPS asked that the panel pause until the trial concludes. Trial listed for the spring.", Day(-84), o.Coordinator, At(Day(-84)));
            await SaveAsync();
        }

        private async Task PanelAndTermsAsync(Org o)
        {
            var r = Notify(o, References.PanelAndTerms, ReviewKind.Dardr, Mon(-8, -7), "ambulance", 3, "Adult R", 82, "Adult S", 58, Relationship.FamilyMember,
                "Adult R, who had care and support needs, died in hospital after a period of neglect by her son, Adult S, who lived with her and managed her finances.");
            Commission(o, r, Mon(-7, -5), "All criteria are met: Adult R was 82; Adult S is her son and lived with her; her death appears to have resulted from neglect. As Adult R had care and support needs, this will be a joint review with the Safeguarding Adults Board.", 15,
                JointReviewType.SafeguardingAdultsReview, "SAR-2025-04");
            Chair(o, r, Mon(-5), "Dr Alison Grey", "Grey Review Associates");
            Panel(o, r, Mon(-4),
                (null, "Dr Alison Grey", "Independent chair and author"),
                ("county", "Joanne Pike", "Head of Community Safety"),
                ("icb", "Mark Bennett", "Designated Nurse for Safeguarding Adults"),
                ("ambulance", "Lisa Hammond", "Safeguarding Lead"),
                ("police", "Sarah Cole", "Detective Inspector, Public Protection"));
            await SaveAsync();
        }

        private async Task EarlyStagesAsync(Org o)
        {
            var chairWanted = Notify(o, References.ChairToBeAppointed, ReviewKind.Dardr, Day(-130), "police", 6, "Adult T", 35, "Adult U", 38, Relationship.IntimatePartner,
                "Adult T died from injuries after an assault by her partner, Adult U, who has been charged. Two children lived in the household; a Child Safeguarding Practice Review has been considered and not commissioned.");
            Commission(o, chairWanted, Day(-100), "All criteria are met: Adult T was 35; Adult U was her partner and they lived together; her death resulted from his violence.", 8);

            var notCommissioned = Notify(o, References.NotCommissionedHomeOfficeNotTold, ReviewKind.Dardr, Day(-70), "police", 8, "Adult M", 23, "Adult V", 25, Relationship.Other,
                "Adult M was killed by an acquaintance, Adult V, after a night out. They had met twice; they were not in a relationship, not related and did not live together.");
            notCommissioned.RecordDecision(new DecisionInput(true, false, true, DecisionOutcome.DoNotCommission, null, null,
                "Criteria considered. (1) Age: Adult M was 23 — met. (2) Relationship: not met. Adult V was an acquaintance whom Adult M had met twice; they were not related, had never been in an intimate relationship and did not live in the same household, and police enquiries found no such connection. (3) Death from violence: met. Because the relationship criterion is not met, a review is not commissioned under section 9 of the Domestic Violence, Crime and Victims Act 2004.",
                Day(-45)), o.Chair, At(Day(-45)));

            Notify(o, References.AwaitingDecision, ReviewKind.Dardr, Day(-40), "police", 7, "Adult G", 34, "Adult H", 36, Relationship.FormerIntimatePartner,
                "Adult G was killed by her former partner, Adult H, who had been released from prison six months earlier. Probation was supervising Adult H on licence.");
            Notify(o, References.JustNotified, ReviewKind.Dardr, Day(-4), "police", 5, "Adult J", 52, "Adult L", 55, Relationship.IntimatePartner,
                "Adult J died at home; her husband, Adult L, has been arrested. Early information suggests police attended the address last year.");
            await SaveAsync();
        }

        // ------------------------------------------------------------------ Westvale

        private async Task WestvaleReviewsAsync(Org o)
        {
            var r = Notify(o, References.SecondPartnershipReview, ReviewKind.Dhr, Mon(-16, -20), "police", 6, "Adult W", 47, "Adult X", 50, Relationship.IntimatePartner,
                "Adult W was killed by her husband, Adult X, who was convicted of murder. She had contacted Westvale Women's Aid once and her GP twice in the year before her death.");
            var d0 = Mon(-16);
            Commission(o, r, d0, "All criteria are met: Adult W was 47; Adult X was her husband and they lived together; her death resulted from his violence.", 14);
            Chair(o, r, d0.AddDays(30), "Dr Kate Morrow", "Morrow Review Services");
            Panel(o, r, d0.AddDays(40),
                (null, "Dr Kate Morrow", "Independent chair and author"),
                ("police", "Gareth Lloyd", "Detective Inspector, Safeguarding"),
                ("council", "Nadia Shah", "Community Safety Manager"),
                ("wa", "Bethan Evans", "Chief Executive"),
                ("icb", "Simon Clarke", "Named Nurse for Safeguarding"));
            Terms(o, r, d0.AddDays(50), 3, "To examine agencies' contact with Adult W and Adult X over three years.");
            var reports = Reports(o, r, d0.AddDays(52), d0.AddDays(94),
                ("police", AgencyReportKind.IndividualManagementReview, d0.AddDays(90)),
                ("wa", AgencyReportKind.IndividualManagementReview, d0.AddDays(85)),
                ("icb", AgencyReportKind.IndividualManagementReview, d0.AddDays(99)));
            Family(o, r, "Daughter of Adult W", d0.AddDays(25), FamilyResponse.Accepted, d0.AddDays(38), Aafda, null);
            await SaveAsync();
            Receive(r, reports);
            Overview(o, r, Mon(-11), Mon(-11, 10), Mon(-11, 25));
            await QaAsync(o, r, Mon(-9), Mon(-9, 40), Mon(-9, 55), QaOutcome.Publish, "Cleared for publication.");
            Publish(o, r, Mon(-5), "Westvale Borough Council website", Mon(-5, 10));
            await SaveAsync();

            var c = Mon(-5, 10);
            var police = o["police"];
            var r1 = Rec(o, r, "1", RecommendationScope.Local,
                "Westvale Police should ensure that DASH risk assessments are completed at every domestic abuse incident, including when the victim declines to answer, and that frontline staff are trained to do so.",
                ["police"], "Training", "Risk assessment");
            r1.Action(police, "Dip-sample DASH risk assessments monthly and feed back to supervisors.", "Gareth Lloyd", "Every incident has a completed risk assessment.", c, Mon(-1))
                .Ms("First dip-sample reported", Mon(-3), Mon(-3, 2))
                .Update(Mon(-3, 3), "First dip-sample: 82% complete.")
                .Complete(Mon(-2), Mon(-2, 6), "Three monthly dip-samples reported; completion now 95%.");
            r1.Action(police, "Deliver DASH refresher training to response officers.", "Gareth Lloyd", "Officers complete the DASH even when the victim declines to answer.", c, Mon(5), o["wa"])
                .Ms("Training pack agreed", Day(-35))
                .Ms("All response officers trained", Mon(4))
                .Update(Mon(-3), "Pack being written with Westvale Women's Aid.")
                .Update(Day(-14), "Pack still awaiting sign-off by the training school.", Rag.Red,
                    "The training school has given no date for signing off the pack, so the target date cannot be met.");
            var r2 = Rec(o, r, "2", RecommendationScope.Local,
                "Westvale Borough Council should ensure that homelessness officers ask about domestic abuse when a household presents as homeless.",
                ["council"], "Housing");
            r2.Action(o["council"], "Add routine enquiry about domestic abuse to the homelessness assessment.", "Nadia Shah", "Abuse is identified when households present as homeless.", c, Mon(4), o["wa"])
                .Ms("Assessment form changed", Mon(-1), Mon(-1, 3))
                .Update(Day(-20), "Form changed; officer briefings booked.");
            var r3 = Rec(o, r, "3", RecommendationScope.Local,
                "Westvale and District ICB should ensure that GP practices ask about domestic abuse routinely and refer to Westvale Women's Aid.",
                ["icb", "wa"], "Health pathways", "Training");
            r3.Action(o["icb"], "Commission domestic abuse training for all Westvale GP practices.", "Simon Clarke", "Practices recognise and refer.", c, Mon(7), o["wa"])
                .Ms("Training provider chosen", Mon(2));
            r3.Action(o["wa"], "Set up a direct referral route from GP practices to the Women's Aid outreach team.", "Bethan Evans", "Patients who disclose are supported quickly.", c, Mon(3), o["icb"])
                .Ms("Referral form agreed with practices", Mon(-2), Mon(-2, 1))
                .Update(Day(-28), "Referral route live in 6 of 11 practices.");

            Notify(o, References.SecondPartnershipAwaitingDecision, ReviewKind.Dardr, Day(-12), "police", 4, "Adult Y", 30, "Adult Z", 32, Relationship.FormerIntimatePartner,
                "Adult Y was killed by her former partner, Adult Z, who has been charged. Westvale Women's Aid had supported Adult Y after she left him.");
            await SaveAsync();
        }

        // ------------------------------------------------------------------ recommendations and actions

        private async Task MaterialiseAsync(Org org)
        {
            var thresholds = org.Partnership.Settings.Thresholds;
            foreach (var group in org.Plan.GroupBy(r => r.Review))
            {
                var order = 0;
                foreach (var spec in group)
                {
                    var rec = new Recommendation(org.Id, spec.Review.Id, spec.Number, spec.Text, spec.Scope, ++order);
                    rec.AddressTo(spec.Addressees.Select(a => a.Id));
                    rec.Tag(spec.Themes.Select(t => org.Themes[t].Id));
                    db.Recommendations.Add(rec);
                    spec.Entity = rec;
                }
            }

            await SaveAsync();

            var actions = org.Plan.SelectMany(r => r.Actions).ToList();
            foreach (var rec in org.Plan)
            {
                var order = 0;
                foreach (var spec in rec.Actions)
                {
                    var item = new ActionItem(
                        org.Id,
                        rec.Review.Id,
                        rec.Entity!.Id,
                        new ActionDetails(spec.Description, spec.Lead.Id, spec.Supporting.Select(a => a.Id).ToList(), spec.Officer, spec.Target, spec.Outcome),
                        spec.CreatedOn,
                        ++order);
                    foreach (var (description, due, _) in spec.Milestones)
                    {
                        spec.MilestoneEntities.Add(item.AddMilestone(description, due));
                    }

                    db.Actions.Add(item);
                    spec.Entity = item;
                }
            }

            await SaveAsync();

            var revisions = new List<(ActSpec Spec, TargetDateRevision Revision)>();
            foreach (var spec in actions.Where(a => a.Revision is not null))
            {
                var rev = spec.Revision!;
                revisions.Add((spec, spec.Entity!.RequestTargetRevision(rev.NewDate, rev.Reason, rev.By, At(rev.RequestedOn))));
            }

            await SaveAsync();

            foreach (var (spec, revision) in revisions)
            {
                if (spec.Revision!.DecidedOn is { } decided)
                {
                    spec.Entity!.DecideTargetRevision(revision.Id, true, spec.Revision.Note, org.Coordinator, At(decided));
                }
            }

            foreach (var spec in actions)
            {
                var item = spec.Entity!;
                foreach (var step in spec.Steps.OrderBy(s => s.On).ThenBy(s => s.Order))
                {
                    switch (step)
                    {
                        case AchieveStep a:
                            item.MarkMilestoneAchieved(spec.MilestoneEntities[a.Index].Id, a.On, today);
                            break;
                        case UpdateStep u:
                            Post(item, u, thresholds);
                            break;
                        case ProposeStep p:
                            item.ProposeCompletion(p.CompletedOn, p.Evidence, p.By, p.On);
                            break;
                        case ReturnStep ret:
                            item.ReturnCompletion(ret.Reason, ret.On);
                            break;
                        case AcceptStep acc:
                            item.AcceptCompletion(acc.By, acc.On);
                            break;
                        case HistoricStep h:
                            item.RecordHistoricCompletion(h.CompletedOn, h.Evidence, h.By, h.On);
                            break;
                    }
                }
            }

            await SaveAsync();
        }

        /// <summary>
        /// Posts an update as of its own date. The officer's rating is kept when it is allowed (the same as or
        /// worse than the dates, with a reason when worse); otherwise the rating the dates give is used, so the
        /// seed never depends on the exact length of the months between today and the update.
        /// </summary>
        private static void Post(ActionItem item, UpdateStep update, StatusThresholds thresholds)
        {
            var fromDates = ActionStatus.FromDates(item.StatusFacts() with { LastUpdateOn = update.On }, update.On, thresholds).Status;
            Rag? rating = update.Rating;
            var reason = update.Reason;
            if (rating is { } rated && (rated < fromDates || (rated > fromDates && reason is null)))
            {
                rating = fromDates;
                reason = null;
            }

            item.PostUpdate(update.Text, rating, reason, update.By, At(update.On), thresholds);
        }

        // ------------------------------------------------------------------ quarter closures

        private async Task CloseQuartersAsync(Org org)
        {
            var thresholds = org.Partnership.Settings.Thresholds;
            var actions = org.Plan.SelectMany(r => r.Actions).Select(a => a.Entity!).ToList();
            var current = FinancialQuarter.Containing(today);
            foreach (var quarter in new[] { current.Previous.Previous, current.Previous })
            {
                var snapshots = actions.Where(a => a.CreatedOn <= quarter.End).Select(a => SnapshotAsOf(a, quarter.End, thresholds)).ToList();
                if (snapshots.Count == 0)
                {
                    continue;
                }

                var closedOn = quarter.End.AddDays(3) < today ? quarter.End.AddDays(3) : today;
                db.QuarterClosures.Add(new QuarterClosure(org.Id, quarter, org.Coordinator, At(closedOn), snapshots));
            }

            await SaveAsync();
        }

        /// <summary>The action as it stood on <paramref name="asOf"/>: later updates, achievements, acceptances and approved revisions left out.</summary>
        private static ActionSnapshot SnapshotAsOf(ActionItem action, DateOnly asOf, StatusThresholds thresholds)
        {
            var facts = action.StatusFactsAsOf(asOf);
            var latest = action.LatestUpdateAsOf(asOf);
            var latestOn = facts.LastUpdateOn;
            var target = facts.TargetDate;
            var complete = facts.CompletionAcceptedOn is not null;
            var status = ActionStatus.Derive(facts, asOf, thresholds);
            return new ActionSnapshot(
                action.Id,
                action.ReviewId,
                action.RecommendationId,
                action.LeadAgencyId,
                status.Status,
                status.Reason,
                target,
                action.OriginalTargetDate,
                complete ? action.CompletedOn : null,
                latest?.Narrative,
                latestOn);
        }
    }
}
