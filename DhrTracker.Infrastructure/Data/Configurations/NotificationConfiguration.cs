using DhrTracker.Domain.Common;
using DhrTracker.Domain.Notifications;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DhrTracker.Infrastructure.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.ToAddress).HasMaxLength(TextLimits.Email);
        builder.Property(m => m.ToName).HasMaxLength(TextLimits.Name);
        builder.Property(m => m.DedupKey).HasMaxLength(OutboxMessage.KeyLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectLength);
        builder.Property(m => m.TextBody).HasMaxLength(OutboxMessage.BodyLength);
        builder.Property(m => m.HtmlBody).HasMaxLength(OutboxMessage.BodyLength);
        builder.Property(m => m.LastResult).HasMaxLength(OutboxMessage.ResultLength);
        builder.Property(m => m.LeaseOwner).HasMaxLength(64);

        // One message per person, kind and period, whoever composes it and however often.
        builder.HasIndex(m => m.DedupKey).IsUnique();

        // The sender's question: what is waiting and due?
        builder.HasIndex(m => new { m.State, m.NextAttemptAtUtc });
        builder.HasIndex(m => new { m.PartnershipId, m.CreatedAtUtc });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.DedupKey).HasMaxLength(OutboxMessage.KeyLength);
        builder.Property(n => n.Title).HasMaxLength(OutboxMessage.SubjectLength);
        builder.Property(n => n.Body).HasMaxLength(OutboxMessage.BodyLength);
        builder.Property(n => n.Link).HasMaxLength(TextLimits.ShortText);
        builder.HasIndex(n => n.DedupKey).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(n => n.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PendingEventConfiguration : IEntityTypeConfiguration<PendingEvent>
{
    public void Configure(EntityTypeBuilder<PendingEvent> builder)
    {
        builder.ToTable("PendingEvents");
        builder.Property(e => e.Reference).HasMaxLength(TextLimits.Reference);
        builder.Property(e => e.ActionNumber).HasMaxLength(TextLimits.ShortText);
        builder.HasIndex(e => new { e.GatheredAtUtc, e.AgencyId });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(e => e.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.DeputyUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DigestScheduleConfiguration : IEntityTypeConfiguration<DigestSchedule>
{
    public void Configure(EntityTypeBuilder<DigestSchedule> builder)
    {
        builder.ToTable("DigestSchedules");
        builder.HasIndex(s => s.PartnershipId).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}
