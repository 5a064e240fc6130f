using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Domain.Recommendations;

/// <summary>
/// The rules for the partnership's theme list that recommendations are tagged from: names are unique
/// (ignoring case), and a theme in use stays, so that no recommendation loses its tag.
/// </summary>
public static class ThemeList
{
    public static void Rename(Partnership partnership, int themeId, string name)
    {
        var theme = Find(partnership, themeId);
        var trimmed = Guard.Required(name, TextLimits.ShortText, nameof(Theme.Name), "Theme");
        if (partnership.Themes.Any(t => t.Id != themeId && string.Equals(t.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"There is already a theme called \"{trimmed}\".", nameof(Theme.Name));
        }

        theme.Rename(trimmed);
    }

    /// <summary>Checks that a theme may be removed; the caller removes it.</summary>
    public static Theme EnsureRemovable(Partnership partnership, int themeId, int recommendationsTagged)
    {
        var theme = Find(partnership, themeId);
        if (recommendationsTagged > 0)
        {
            throw new DomainException($"\"{theme.Name}\" is a theme of {recommendationsTagged} recommendation(s), so it stays. Rename it if its name is wrong.");
        }

        return theme;
    }

    private static Theme Find(Partnership partnership, int themeId) =>
        partnership.Themes.SingleOrDefault(t => t.Id == themeId) ?? throw new DomainException("That theme no longer exists.");
}
