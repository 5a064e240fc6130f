using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Themes.ManageThemes;

[Requires(Operation.ManageSettings)]
public sealed record GetThemeListQuery : IQuery<ThemeListView>;

/// <summary>The partnership's theme list; <see cref="Version"/> is the partnership's, which guards the list.</summary>
public sealed record ThemeListView(int Version, IReadOnlyList<ThemeListItem> Themes);

public sealed record ThemeListItem(int Id, string Name, int Recommendations);

/// <summary>The themes recommendations are tagged from, as the administrator keeps them, with how often each is used.</summary>
public sealed class GetThemeListHandler(AppDb appDb) : IQueryHandler<GetThemeListQuery, ThemeListView>
{
    public async ValueTask<ThemeListView> Handle(GetThemeListQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ManageSettings);

        var version = await db.Partnerships.AsNoTracking().Select(p => p.Version).SingleAsync(cancellationToken);
        var usage = await db.Recommendations.AsNoTracking()
            .SelectMany(r => r.Themes)
            .GroupBy(t => t.ThemeId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return new ThemeListView(version, themes.Select(t => new ThemeListItem(t.Id, t.Name, usage.GetValueOrDefault(t.Id))).ToList());
    }
}
