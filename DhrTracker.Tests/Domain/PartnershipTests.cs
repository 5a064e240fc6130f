using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Tests.Domain;

public class PartnershipTests
{
    private static Partnership Norfolk() => new("Norfolk County Community Safety Partnership", "NCCSP", "Cara Coordinator", "cara@example.org");

    [Fact]
    public void NewPartnershipStartsWithTheDefaultSettings()
    {
        Assert.Equal(PartnershipSettings.Defaults(), Norfolk().Settings);
    }

    [Fact]
    public void NameIsRequired()
    {
        var ex = Assert.Throws<DomainException>(() => new Partnership(" ", "X", null, null));

        Assert.Equal(nameof(Partnership.Name), ex.Field);
    }

    [Fact]
    public void ThemeIsAddedTrimmed()
    {
        var partnership = Norfolk();

        var theme = partnership.AddTheme("  Information sharing ");

        Assert.Equal("Information sharing", theme.Name);
        Assert.Same(theme, Assert.Single(partnership.Themes));
        Assert.Same(partnership, theme.Partnership);
    }

    [Theory]
    [InlineData("Training")]
    [InlineData("TRAINING")]
    [InlineData("  training ")]
    public void DuplicateThemeIsRefused(string name)
    {
        var partnership = Norfolk();
        partnership.AddTheme("Training");

        var ex = Assert.Throws<DomainException>(() => partnership.AddTheme(name));

        Assert.Equal("Name", ex.Field);
        Assert.Equal($"There is already a theme called \"{name.Trim()}\".", ex.Message);
        Assert.Single(partnership.Themes);
    }

    [Fact]
    public void BlankThemeIsRefused()
    {
        var partnership = Norfolk();

        Assert.Throws<DomainException>(() => partnership.AddTheme("  "));

        Assert.Empty(partnership.Themes);
    }

    [Fact]
    public void ValidSettingsReplaceTheOldOnes()
    {
        var partnership = Norfolk();
        var settings = PartnershipSettings.Defaults() with { CompletionDueMonths = 9 };

        partnership.ChangeSettings(settings);

        Assert.Equal(9, partnership.Settings.CompletionDueMonths);
    }

    [Fact]
    public void InvalidSettingsAreRefusedAndTheOldOnesKept()
    {
        var partnership = Norfolk();

        Assert.Throws<DomainException>(() => partnership.ChangeSettings(PartnershipSettings.Defaults() with { CompletionDueMonths = 0 }));

        Assert.Equal(6, partnership.Settings.CompletionDueMonths);
    }
}
