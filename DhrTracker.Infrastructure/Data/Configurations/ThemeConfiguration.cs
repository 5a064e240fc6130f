using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DhrTracker.Infrastructure.Data.Configurations;

public sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(TextLimits.ShortText);
        builder.HasIndex(t => new { t.PartnershipId, t.Name }).IsUnique();
    }
}
