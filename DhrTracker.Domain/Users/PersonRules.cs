using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Users;

/// <summary>What a person's name and work e-mail must look like, whichever form or list they come from.</summary>
public static class PersonRules
{
    public static string Name(string? value, string field = nameof(UserAccount.DisplayName)) =>
        Guard.Required(value ?? string.Empty, TextLimits.Name, field, "Name");

    /// <summary>A work e-mail address, lower-cased: one @, something either side, no spaces.</summary>
    public static string Email(string? value, string field = nameof(UserAccount.Email))
    {
        var email = Guard.Required(value ?? string.Empty, TextLimits.Email, field, "E-mail").ToLowerInvariant();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || !email[(at + 1)..].Contains('.', StringComparison.Ordinal)
            || email.Any(char.IsWhiteSpace))
        {
            throw new DomainException($"\"{email}\" is not an e-mail address.", field);
        }

        return email;
    }
}
