using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DhrTracker.Infrastructure.Data.Configurations;

public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(TextLimits.Reference);
        builder.HasIndex(r => new { r.PartnershipId, r.Reference }).IsUnique();
        builder.HasIndex(r => new { r.PartnershipId, r.NotifiedOn });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.NotifyingAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.VictimPseudonym).HasMaxLength(TextLimits.Pseudonym);
        builder.Property(r => r.PerpetratorPseudonym).HasMaxLength(TextLimits.Pseudonym);
        builder.Property(r => r.Circumstances).HasMaxLength(TextLimits.LongText);
        builder.Property(r => r.HomeOfficeNotifiedBy).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.IndependentChairName).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.IndependentChairOrganisation).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.AuthorName).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.TermsOfReferenceSummary).HasMaxLength(TextLimits.LongText);
        builder.Property(r => r.PublishedWhere).HasMaxLength(TextLimits.ShortText);
        builder.Property(r => r.ClosureNote).HasMaxLength(TextLimits.Reason);

        builder.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Panel).WithOne().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.AgencyReports).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.FamilyContacts).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Pauses).WithOne().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.QaSubmissions).WithOne().HasForeignKey(q => q.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.StageRecords).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Panel).HasField("_panel").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.AgencyReports).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.FamilyContacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Pauses).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.QaSubmissions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.StageRecords).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.CurrentDecision);
        builder.Ignore(r => r.LatestQaSubmission);
    }
}

public sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.Property(d => d.Rationale).HasMaxLength(TextLimits.LongText);
        builder.Property(d => d.JointReviewReference).HasMaxLength(TextLimits.Reference);
        builder.Property(d => d.DecidedByName).HasMaxLength(TextLimits.Name);
    }
}

public sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.PanelRole).HasMaxLength(TextLimits.ShortText);
        builder.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AgencyReportConfiguration : IEntityTypeConfiguration<AgencyReport>
{
    public void Configure(EntityTypeBuilder<AgencyReport> builder)
    {
        builder.Property(a => a.ReceivedRecordedBy).HasMaxLength(TextLimits.Name);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AgencyId, a.ReceivedOn });
    }
}

public sealed class FamilyContactConfiguration : IEntityTypeConfiguration<FamilyContact>
{
    public void Configure(EntityTypeBuilder<FamilyContact> builder)
    {
        builder.Property(f => f.Description).HasMaxLength(TextLimits.ShortText);
        builder.Property(f => f.Advocacy).HasMaxLength(TextLimits.ShortText);
        builder.Property(f => f.Notes).HasMaxLength(TextLimits.Narrative);
    }
}

public sealed class ReviewPauseConfiguration : IEntityTypeConfiguration<ReviewPause>
{
    public void Configure(EntityTypeBuilder<ReviewPause> builder)
    {
        builder.Property(p => p.Notes).HasMaxLength(TextLimits.Reason);
    }
}

public sealed class QaSubmissionConfiguration : IEntityTypeConfiguration<QaSubmission>
{
    public void Configure(EntityTypeBuilder<QaSubmission> builder)
    {
        builder.Property(q => q.FeedbackSummary).HasMaxLength(TextLimits.LongText);
    }
}

public sealed class StageRecordConfiguration : IEntityTypeConfiguration<StageRecord>
{
    public void Configure(EntityTypeBuilder<StageRecord> builder)
    {
        builder.Property(s => s.RecordedByName).HasMaxLength(TextLimits.Name);
        builder.HasIndex(s => new { s.ReviewId, s.Stage }).IsUnique();
    }
}
