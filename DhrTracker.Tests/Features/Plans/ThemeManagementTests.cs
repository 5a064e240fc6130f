using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Features.Themes.ManageThemes;
using DhrTracker.Web.Security;

namespace DhrTracker.Tests.Features.Plans;

/// <summary>The administrator keeps the partnership's list of themes that recommendations are tagged from.</summary>
public sealed class ThemeManagementTests : IAsyncLifetime
{
    private HandlerHarness _app = default!;

    public async Task InitializeAsync() => _app = await HandlerHarness.CreateAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AdministratorAddsAndRenamesThemes()
    {
        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var list = await _app.SendAsync(new GetThemeListQuery());
        Assert.Contains(list.Themes, t => t.Name == "Training" && t.Recommendations > 5);

        var added = await _app.SendAsync(new AddThemeCommand(list.Version, "Economic abuse"));
        list = await _app.SendAsync(new GetThemeListQuery());
        await _app.SendAsync(new RenameThemeCommand(added.Id, list.Version, "Economic and financial abuse"));

        var after = await _app.SendAsync(new GetThemeListQuery());
        Assert.Contains(after.Themes, t => t.Id == added.Id && t.Name == "Economic and financial abuse" && t.Recommendations == 0);
    }

    [Fact]
    public async Task DuplicateNameIsRefusedNextToTheName()
    {
        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var list = await _app.SendAsync(new GetThemeListQuery());
        var housing = list.Themes.Single(t => t.Name == "Housing");

        var add = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new AddThemeCommand(list.Version, "training")));
        var rename = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new RenameThemeCommand(housing.Id, list.Version, "TRAINING")));

        Assert.Equal("Name", add.Field);
        Assert.Equal("Name", rename.Field);
        Assert.Equal(list.Themes.Count, (await _app.SendAsync(new GetThemeListQuery())).Themes.Count);
    }

    [Fact]
    public async Task ThemeInUseStaysAndAnUnusedOneGoes()
    {
        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var list = await _app.SendAsync(new GetThemeListQuery());
        var training = list.Themes.Single(t => t.Name == "Training");
        var added = await _app.SendAsync(new AddThemeCommand(list.Version, "Stalking"));
        list = await _app.SendAsync(new GetThemeListQuery());

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new RemoveThemeCommand(training.Id, list.Version)));
        await _app.SendAsync(new RemoveThemeCommand(added.Id, list.Version));

        Assert.StartsWith("\"Training\" is a theme of", ex.Message, StringComparison.Ordinal);
        var after = await _app.SendAsync(new GetThemeListQuery());
        Assert.Contains(after.Themes, t => t.Id == training.Id);
        Assert.DoesNotContain(after.Themes, t => t.Id == added.Id);
    }

    [Fact]
    public async Task ChangeFromAStaleListIsAConflict()
    {
        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var list = await _app.SendAsync(new GetThemeListQuery());

        await _app.SendAsync(new AddThemeCommand(list.Version, "Stalking"));
        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsync(new AddThemeCommand(list.Version, "Honour-based abuse")));

        var names = (await _app.SendAsync(new GetThemeListQuery())).Themes.Select(t => t.Name).ToList();
        Assert.Contains("Stalking", names);
        Assert.DoesNotContain("Honour-based abuse", names);
    }

    [Theory]
    [InlineData(DemoData.Emails.Coordinator)]
    [InlineData(DemoData.Emails.Chair)]
    [InlineData(DemoData.Emails.PoliceOfficer)]
    [InlineData(DemoData.Emails.Scrutiny)]
    public async Task OnlyTheAdministratorKeepsTheList(string email)
    {
        await _app.SignInAsAsync(email);

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new GetThemeListQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new AddThemeCommand(0, "Stalking")));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(new RemoveThemeCommand(1, 0)));
    }

    [Fact]
    public async Task AnotherPartnershipsThemeIsNotFoundInTheList()
    {
        await _app.SignInAsAsync(DemoData.Emails.Administrator);
        var eastshire = await _app.SendAsync(new GetThemeListQuery());
        var westvaleTraining = await _app.ThemeIdAsync("Training", DemoData.SecondPartnershipCode);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _app.SendAsync(new RenameThemeCommand(westvaleTraining, eastshire.Version, "Renamed")));

        Assert.Equal("That theme no longer exists.", ex.Message);
        Assert.Equal(westvaleTraining, await _app.ThemeIdAsync("Training", DemoData.SecondPartnershipCode));
    }
}
