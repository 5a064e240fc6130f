using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DhrTracker.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnershipId = table.Column<int>(type: "int", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<int>(type: "int", nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ReviewId = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Changes = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ShortCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Settings_AgencyReportDueDays = table.Column<int>(type: "int", nullable: false),
                    Settings_AmberMilestoneOverdueDays = table.Column<int>(type: "int", nullable: false),
                    Settings_CompletionDueMonths = table.Column<int>(type: "int", nullable: false),
                    Settings_DecisionDueMonths = table.Column<int>(type: "int", nullable: false),
                    Settings_HomeOfficeNotificationDueMonths = table.Column<int>(type: "int", nullable: false),
                    Settings_OverviewReportHeadings = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Settings_StaleUpdateDays = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnershipId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agencies_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuarterClosures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnershipId = table.Column<int>(type: "int", nullable: false),
                    StartYear = table.Column<int>(type: "int", nullable: false),
                    QuarterNumber = table.Column<int>(type: "int", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClosedByUserId = table.Column<int>(type: "int", nullable: false),
                    ClosedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterClosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarterClosures_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnershipId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnershipId = table.Column<int>(type: "int", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NotifyingAgencyId = table.Column<int>(type: "int", nullable: true),
                    DateOfDeath = table.Column<DateOnly>(type: "date", nullable: false),
                    VictimPseudonym = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    VictimAge = table.Column<int>(type: "int", nullable: true),
                    PerpetratorPseudonym = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PerpetratorAge = table.Column<int>(type: "int", nullable: true),
                    Relationship = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Circumstances = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    HomeOfficeNotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HomeOfficeNotifiedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    IndependentChairName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    IndependentChairOrganisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ChairAppointedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    TermsOfReferenceAgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodUnderReviewFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodUnderReviewTo = table.Column<DateOnly>(type: "date", nullable: true),
                    TermsOfReferenceSummary = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    OverviewDraftedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PanelSignedOffOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CspSignedOffOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedWhere = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CommissionerCopySentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SecretaryOfStateCopySentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosureNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_Agencies_NotifyingAgencyId",
                        column: x => x.NotifyingAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reviews_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnershipId = table.Column<int>(type: "int", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    ExternalObjectId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Role = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Users_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Users_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionSnapshot",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    QuarterClosureId = table.Column<int>(type: "int", nullable: false),
                    ActionItemId = table.Column<int>(type: "int", nullable: false),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    RecommendationId = table.Column<int>(type: "int", nullable: false),
                    LeadAgencyId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OriginalTargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LatestUpdate = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    LatestUpdateOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionSnapshot", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionSnapshot_QuarterClosures_QuarterClosureId",
                        column: x => x.QuarterClosureId,
                        principalTable: "QuarterClosures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgencyReport",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReceivedRecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyReport_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyReport_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FamilyContact",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContactOfferedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Response = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Advocacy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyContact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyContact_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelMember",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PanelRole = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMember_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelMember_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QaSubmission",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PanelMeetingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FeedbackLetterOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    FeedbackSummary = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaSubmission", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaSubmission_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnershipId = table.Column<int>(type: "int", nullable: false),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Recommendations_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewDecision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    VictimAged16OrOver = table.Column<bool>(type: "bit", nullable: false),
                    RelationshipCriterionMet = table.Column<bool>(type: "bit", nullable: false),
                    DeathFromAbuseCriterionMet = table.Column<bool>(type: "bit", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    JointWith = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    JointReviewReference = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Rationale = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedByUserId = table.Column<int>(type: "int", nullable: false),
                    DecidedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CorrectsDecisionId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDecision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDecision_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewPause",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    HomeOfficeToldOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewPause", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewPause_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StageRecord",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<int>(type: "int", nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageRecord_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PartnershipId = table.Column<int>(type: "int", nullable: false),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    RecommendationId = table.Column<int>(type: "int", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    LeadAgencyId = table.Column<int>(type: "int", nullable: false),
                    LeadOfficerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OutcomeSought = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OriginalTargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ProposedCompletionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProposedEvidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ProposedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletionEvidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CompletionAcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletionAcceptedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LastReturnReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    LastReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastUpdateOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_Agencies_LeadAgencyId",
                        column: x => x.LeadAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Actions_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationAddressee",
                columns: table => new
                {
                    RecommendationId = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationAddressee", x => new { x.RecommendationId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_RecommendationAddressee_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecommendationAddressee_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationTheme",
                columns: table => new
                {
                    RecommendationId = table.Column<int>(type: "int", nullable: false),
                    ThemeId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationTheme", x => new { x.RecommendationId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_RecommendationTheme_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecommendationTheme_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionSupportingAgency",
                columns: table => new
                {
                    ActionItemId = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionSupportingAgency", x => new { x.ActionItemId, x.AgencyId });
                    table.ForeignKey(
                        name: "FK_ActionSupportingAgency_Actions_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionSupportingAgency_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Milestone",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActionItemId = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AchievedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestone", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestone_Actions_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressUpdate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActionItemId = table.Column<int>(type: "int", nullable: false),
                    AuthorUserId = table.Column<int>(type: "int", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PostedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Narrative = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Assessment = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AssessmentReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressUpdate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressUpdate_Actions_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TargetDateRevision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ActionItemId = table.Column<int>(type: "int", nullable: false),
                    PreviousDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    DecidedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetDateRevision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetDateRevision_Actions_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_LeadAgencyId",
                table: "Actions",
                column: "LeadAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_PartnershipId_LeadAgencyId",
                table: "Actions",
                columns: new[] { "PartnershipId", "LeadAgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_RecommendationId_SortOrder",
                table: "Actions",
                columns: new[] { "RecommendationId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ReviewId",
                table: "Actions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionSnapshot_QuarterClosureId_ActionItemId",
                table: "ActionSnapshot",
                columns: new[] { "QuarterClosureId", "ActionItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionSupportingAgency_AgencyId",
                table: "ActionSupportingAgency",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_PartnershipId_Name",
                table: "Agencies",
                columns: new[] { "PartnershipId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyReport_AgencyId_ReceivedOn",
                table: "AgencyReport",
                columns: new[] { "AgencyId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyReport_ReviewId",
                table: "AgencyReport",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PartnershipId_ReviewId_OccurredAtUtc",
                table: "AuditEntries",
                columns: new[] { "PartnershipId", "ReviewId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PartnershipId_UserId_OccurredAtUtc",
                table: "AuditEntries",
                columns: new[] { "PartnershipId", "UserId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContact_ReviewId",
                table: "FamilyContact",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestone_ActionItemId_DueOn",
                table: "Milestone",
                columns: new[] { "ActionItemId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelMember_AgencyId",
                table: "PanelMember",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMember_ReviewId",
                table: "PanelMember",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_ShortCode",
                table: "Partnerships",
                column: "ShortCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdate_ActionItemId_PostedAtUtc",
                table: "ProgressUpdate",
                columns: new[] { "ActionItemId", "PostedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QaSubmission_ReviewId",
                table: "QaSubmission",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterClosures_PartnershipId_StartYear_QuarterNumber",
                table: "QuarterClosures",
                columns: new[] { "PartnershipId", "StartYear", "QuarterNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationAddressee_AgencyId",
                table: "RecommendationAddressee",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_PartnershipId_Scope",
                table: "Recommendations",
                columns: new[] { "PartnershipId", "Scope" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ReviewId_SortOrder",
                table: "Recommendations",
                columns: new[] { "ReviewId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationTheme_ThemeId",
                table: "RecommendationTheme",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecision_ReviewId",
                table: "ReviewDecision",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewPause_ReviewId",
                table: "ReviewPause",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_NotifyingAgencyId",
                table: "Reviews",
                column: "NotifyingAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_PartnershipId_NotifiedOn",
                table: "Reviews",
                columns: new[] { "PartnershipId", "NotifiedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_PartnershipId_Reference",
                table: "Reviews",
                columns: new[] { "PartnershipId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StageRecord_ReviewId_Stage",
                table: "StageRecord",
                columns: new[] { "ReviewId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetDateRevision_ActionItemId_State",
                table: "TargetDateRevision",
                columns: new[] { "ActionItemId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Themes_PartnershipId_Name",
                table: "Themes",
                columns: new[] { "PartnershipId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_AgencyId",
                table: "Users",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_Email",
                table: "Users",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_ExternalObjectId",
                table: "Users",
                column: "ExternalObjectId",
                unique: true,
                filter: "[ExternalObjectId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Users_PartnershipId",
                table: "Users",
                column: "PartnershipId");

            // The audit trail and progress updates are append-only: the database itself refuses rewrites.
            migrationBuilder.Sql(@"EXEC(N'CREATE TRIGGER [dbo].[AuditEntries_AppendOnly] ON [dbo].[AuditEntries] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 51000, ''The audit trail is append-only.'', 1; END')");
            migrationBuilder.Sql(@"EXEC(N'CREATE TRIGGER [dbo].[ProgressUpdates_AppendOnly] ON [dbo].[ProgressUpdate] INSTEAD OF UPDATE AS BEGIN SET NOCOUNT ON; THROW 51000, ''Progress updates are append-only.'', 1; END')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS [dbo].[AuditEntries_AppendOnly];");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS [dbo].[ProgressUpdates_AppendOnly];");

            migrationBuilder.DropTable(
                name: "ActionSnapshot");

            migrationBuilder.DropTable(
                name: "ActionSupportingAgency");

            migrationBuilder.DropTable(
                name: "AgencyReport");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "FamilyContact");

            migrationBuilder.DropTable(
                name: "Milestone");

            migrationBuilder.DropTable(
                name: "PanelMember");

            migrationBuilder.DropTable(
                name: "ProgressUpdate");

            migrationBuilder.DropTable(
                name: "QaSubmission");

            migrationBuilder.DropTable(
                name: "RecommendationAddressee");

            migrationBuilder.DropTable(
                name: "RecommendationTheme");

            migrationBuilder.DropTable(
                name: "ReviewDecision");

            migrationBuilder.DropTable(
                name: "ReviewPause");

            migrationBuilder.DropTable(
                name: "StageRecord");

            migrationBuilder.DropTable(
                name: "TargetDateRevision");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "QuarterClosures");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropTable(
                name: "Partnerships");
        }
    }
}
