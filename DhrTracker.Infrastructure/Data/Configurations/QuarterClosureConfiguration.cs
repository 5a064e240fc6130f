using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DhrTracker.Infrastructure.Data.Configurations;

public sealed class QuarterClosureConfiguration : IEntityTypeConfiguration<QuarterClosure>
{
    public void Configure(EntityTypeBuilder<QuarterClosure> builder)
    {
        builder.Property(q => q.ClosedByName).HasMaxLength(TextLimits.Name);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(q => q.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.PartnershipId, q.StartYear, q.QuarterNumber });
        // One current closure a quarter: two co-ordinators closing it at once cannot both succeed. (Superseded closures
        // from before re-closing was refused stay beside it.) The filter is plain SQL both providers read.
        builder.HasIndex(q => new { q.PartnershipId, q.StartYear, q.QuarterNumber, q.SupersededAtUtc })
            .IsUnique()
            .HasFilter("SupersededAtUtc IS NULL")
            .HasDatabaseName("IX_QuarterClosures_OneCurrentPerQuarter");
        builder.HasMany(q => q.Snapshots).WithOne().HasForeignKey(s => s.QuarterClosureId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Snapshots).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ActionSnapshotConfiguration : IEntityTypeConfiguration<ActionSnapshot>
{
    public void Configure(EntityTypeBuilder<ActionSnapshot> builder)
    {
        builder.Property(s => s.Reason).HasMaxLength(TextLimits.Reason);
        builder.Property(s => s.LatestUpdate).HasMaxLength(TextLimits.Narrative);
        builder.HasIndex(s => new { s.QuarterClosureId, s.ActionItemId });
    }
}
