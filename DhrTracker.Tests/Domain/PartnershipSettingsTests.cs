using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Tests.Domain;

public class PartnershipSettingsTests
{
    private static readonly PartnershipSettings Defaults = PartnershipSettings.Defaults();

    [Fact]
    public void DefaultsAreTheDomainsTimescales()
    {
        Assert.Equal(1, Defaults.DecisionDueMonths);
        Assert.Equal(1, Defaults.HomeOfficeNotificationDueMonths);
        Assert.Equal(6, Defaults.CompletionDueMonths);
        Assert.Equal(42, Defaults.AgencyReportDueDays);
        Assert.Equal(new StatusThresholds(30, 90), Defaults.Thresholds);
        Defaults.Validate();
    }

    [Fact]
    public void ThresholdsComeFromTheSettings()
    {
        Assert.Equal(new StatusThresholds(14, 60), (Defaults with { AmberMilestoneOverdueDays = 14, StaleUpdateDays = 60 }).Thresholds);
    }

    public static TheoryData<string, Func<PartnershipSettings, int, PartnershipSettings>, int, int> Ranges => new()
    {
        { nameof(PartnershipSettings.DecisionDueMonths), (s, v) => s with { DecisionDueMonths = v }, 1, 12 },
        { nameof(PartnershipSettings.HomeOfficeNotificationDueMonths), (s, v) => s with { HomeOfficeNotificationDueMonths = v }, 1, 12 },
        { nameof(PartnershipSettings.CompletionDueMonths), (s, v) => s with { CompletionDueMonths = v }, 1, 36 },
        { nameof(PartnershipSettings.AgencyReportDueDays), (s, v) => s with { AgencyReportDueDays = v }, 7, 365 },
        { nameof(PartnershipSettings.AmberMilestoneOverdueDays), (s, v) => s with { AmberMilestoneOverdueDays = v }, 1, 365 },
        { nameof(PartnershipSettings.StaleUpdateDays), (s, v) => s with { StaleUpdateDays = v }, 7, 365 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void EachSettingIsAcceptedAtTheEndsOfItsRange(string field, Func<PartnershipSettings, int, PartnershipSettings> set, int min, int max)
    {
        var lowest = set(Defaults, min);
        var highest = set(Defaults, max);

        lowest.Validate();
        highest.Validate();
        Assert.Equal(min, typeof(PartnershipSettings).GetProperty(field)!.GetValue(lowest));
        Assert.Equal(max, typeof(PartnershipSettings).GetProperty(field)!.GetValue(highest));
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void EachSettingIsRefusedOutsideItsRange(string field, Func<PartnershipSettings, int, PartnershipSettings> set, int min, int max)
    {
        var below = Assert.Throws<DomainException>(() => set(Defaults, min - 1).Validate());
        var above = Assert.Throws<DomainException>(() => set(Defaults, max + 1).Validate());

        Assert.Equal(field, below.Field);
        Assert.Equal(field, above.Field);
        Assert.EndsWith($"must be between {min} and {max}.", below.Message);
    }

    [Fact]
    public void DefaultHeadingsFollowTheHomeOfficeOverviewReport()
    {
        var headings = Defaults.HeadingList;

        Assert.Equal(19, headings.Count);
        Assert.Equal("Introduction", headings[0]);
        Assert.Equal("Recommendations", headings[^1]);
        Assert.Equal(PartnershipSettings.DefaultOverviewHeadings, headings);
    }

    [Fact]
    public void HeadingListTrimsLinesAndDropsBlankOnes()
    {
        var settings = Defaults with { OverviewReportHeadings = "  Introduction \r\n\r\n   \nTimescales\n\nConclusions  " };

        Assert.Equal(["Introduction", "Timescales", "Conclusions"], settings.HeadingList);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n \r\n ")]
    public void AtLeastOneHeadingIsRequired(string headings)
    {
        var ex = Assert.Throws<DomainException>(() => (Defaults with { OverviewReportHeadings = headings }).Validate());

        Assert.Equal(nameof(PartnershipSettings.OverviewReportHeadings), ex.Field);
    }

    [Fact]
    public void OverlongHeadingsAreRefused()
    {
        var ex = Assert.Throws<DomainException>(() => (Defaults with { OverviewReportHeadings = "Heading\n" + TestData.Text(TextLimits.LongText) }).Validate());

        Assert.Equal(nameof(PartnershipSettings.OverviewReportHeadings), ex.Field);
    }
}
