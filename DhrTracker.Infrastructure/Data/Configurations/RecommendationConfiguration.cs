using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DhrTracker.Infrastructure.Data.Configurations;

public sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(TextLimits.RecommendationNumber);
        builder.Property(r => r.Text).HasMaxLength(TextLimits.LongText);
        builder.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ReviewId, r.SortOrder });
        builder.HasIndex(r => new { r.PartnershipId, r.Scope });
        builder.HasMany(r => r.Addressees).WithOne().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Themes).WithOne().HasForeignKey(t => t.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Addressees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class RecommendationAddresseeConfiguration : IEntityTypeConfiguration<RecommendationAddressee>
{
    public void Configure(EntityTypeBuilder<RecommendationAddressee> builder)
    {
        builder.HasKey(a => new { a.RecommendationId, a.AgencyId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AgencyId);
    }
}

public sealed class RecommendationThemeConfiguration : IEntityTypeConfiguration<RecommendationTheme>
{
    public void Configure(EntityTypeBuilder<RecommendationTheme> builder)
    {
        builder.HasKey(t => new { t.RecommendationId, t.ThemeId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.ThemeId);
    }
}
