using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Themes.ManageThemes;

/// <summary>Adds a theme to the partnership's list. <see cref="Version"/> is the partnership's, as loaded.</summary>
[Requires(Operation.ManageSettings)]
public sealed record AddThemeCommand(int Version, string Name) : ICommand<Saved>;

/// <summary>Renames a theme; every recommendation tagged with it keeps the tag.</summary>
[Requires(Operation.ManageSettings)]
public sealed record RenameThemeCommand(int ThemeId, int Version, string Name) : ICommand<Saved>;

/// <summary>Removes a theme no recommendation uses.</summary>
[Requires(Operation.ManageSettings)]
public sealed record RemoveThemeCommand(int ThemeId, int Version) : ICommand<Saved>;

public sealed class ChangeThemesHandler(AppDb appDb) :
    ICommandHandler<AddThemeCommand, Saved>,
    ICommandHandler<RenameThemeCommand, Saved>,
    ICommandHandler<RemoveThemeCommand, Saved>
{
    public async ValueTask<Saved> Handle(AddThemeCommand command, CancellationToken cancellationToken)
    {
        var (db, partnership) = await OpenAsync(cancellationToken);
        await using var _ = db;
        var theme = partnership.AddTheme(command.Name ?? string.Empty);
        await PlanData.SaveAsync(db, partnership, command.Version, cancellationToken);
        return new Saved(theme.Id);
    }

    public async ValueTask<Saved> Handle(RenameThemeCommand command, CancellationToken cancellationToken)
    {
        var (db, partnership) = await OpenAsync(cancellationToken);
        await using var _ = db;
        ThemeList.Rename(partnership, command.ThemeId, command.Name ?? string.Empty);
        await PlanData.SaveAsync(db, partnership, command.Version, cancellationToken);
        return new Saved(command.ThemeId);
    }

    public async ValueTask<Saved> Handle(RemoveThemeCommand command, CancellationToken cancellationToken)
    {
        var (db, partnership) = await OpenAsync(cancellationToken);
        await using var _ = db;
        var used = await db.Recommendations.SelectMany(r => r.Themes).CountAsync(t => t.ThemeId == command.ThemeId, cancellationToken);
        var theme = ThemeList.EnsureRemovable(partnership, command.ThemeId, used);
        db.Themes.Remove(theme);
        await PlanData.SaveAsync(db, partnership, command.Version, cancellationToken);
        return new Saved(command.ThemeId);
    }

    private async Task<(DhrDbContext Db, Partnership Partnership)> OpenAsync(CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        try
        {
            user.Require(Operation.ManageSettings);
            var partnership = await db.Partnerships.Include(p => p.Themes).SingleAsync(cancellationToken);
            return (db, partnership);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
