using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DhrTracker.Infrastructure.Data.Configurations;

public sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.DisplayName).HasMaxLength(TextLimits.Name);
        builder.Property(u => u.Email).HasMaxLength(TextLimits.Email);
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.ExternalObjectId).HasMaxLength(64);
        builder.HasIndex(u => u.ExternalObjectId).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(u => u.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
