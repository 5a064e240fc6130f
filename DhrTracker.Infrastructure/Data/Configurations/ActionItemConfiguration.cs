using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DhrTracker.Infrastructure.Data.Configurations;

public sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("Actions");
        builder.Property(a => a.Description).HasMaxLength(TextLimits.LongText);
        builder.Property(a => a.LeadOfficerName).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.OutcomeSought).HasMaxLength(TextLimits.Narrative);
        builder.Property(a => a.ProposedEvidence).HasMaxLength(TextLimits.Narrative);
        builder.Property(a => a.ProposedByName).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.CompletionEvidence).HasMaxLength(TextLimits.Narrative);
        builder.Property(a => a.CompletionAcceptedByName).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.LastReturnReason).HasMaxLength(TextLimits.Reason);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Review>().WithMany().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RecommendationId, a.SortOrder });
        builder.HasIndex(a => new { a.PartnershipId, a.LeadAgencyId });
        builder.HasIndex(a => a.ReviewId);

        builder.HasMany(a => a.Milestones).WithOne().HasForeignKey(m => m.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.TargetRevisions).WithOne().HasForeignKey(r => r.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.SupportingAgencies).WithOne().HasForeignKey(s => s.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.TargetRevisions).HasField("_revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.SupportingAgencies).HasField("_supporting").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.LatestUpdate);
        builder.Ignore(a => a.PendingRevision);
    }
}

public sealed class ActionSupportingAgencyConfiguration : IEntityTypeConfiguration<ActionSupportingAgency>
{
    public void Configure(EntityTypeBuilder<ActionSupportingAgency> builder)
    {
        builder.HasKey(s => new { s.ActionItemId, s.AgencyId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Description).HasMaxLength(TextLimits.ShortText);
        builder.HasIndex(m => new { m.ActionItemId, m.DueOn });
    }
}

public sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> builder)
    {
        builder.Property(u => u.AuthorName).HasMaxLength(TextLimits.Name);
        builder.Property(u => u.Narrative).HasMaxLength(TextLimits.Narrative);
        builder.Property(u => u.AssessmentReason).HasMaxLength(TextLimits.Reason);
        builder.HasIndex(u => new { u.ActionItemId, u.PostedAtUtc });
    }
}

public sealed class TargetDateRevisionConfiguration : IEntityTypeConfiguration<TargetDateRevision>
{
    public void Configure(EntityTypeBuilder<TargetDateRevision> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(TextLimits.Reason);
        builder.Property(r => r.RequestedByName).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.DecidedByName).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.DecisionNote).HasMaxLength(TextLimits.Reason);
        builder.HasIndex(r => new { r.ActionItemId, r.State });
    }
}
