using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DhrTracker.Infrastructure.Data.Configurations;

public sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.ShortCode).HasMaxLength(TextLimits.ShortCode);
        builder.HasIndex(p => p.ShortCode).IsUnique();
        builder.Property(p => p.Area).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.ContactName).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.ContactEmail).HasMaxLength(TextLimits.Email);
        builder.ComplexProperty(p => p.Settings, s =>
        {
            s.Property(x => x.OverviewReportHeadings).HasMaxLength(TextLimits.LongText);
        });
        builder.HasMany(p => p.Themes).WithOne(t => t.Partnership).HasForeignKey(t => t.PartnershipId);
        builder.Navigation(p => p.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
