using System.Reflection;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Security;

namespace DhrTracker.Web.Features.Pipeline;

/// <summary>
/// Declares what a request needs of the person sending it: any one of these operations of <see cref="Permissions"/>.
/// The pipeline checks it before the handler runs; the handler then applies the condition to the data (own agency,
/// published reviews), reading anything that fails it as "not found". Every request declares one of
/// <see cref="RequiresAttribute"/>, <see cref="RequiresSignedInAttribute"/> or <see cref="IDecidesItsOperation"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresAttribute(params Operation[] anyOf) : Attribute
{
    public IReadOnlyList<Operation> AnyOf { get; } = anyOf.Length > 0 ? anyOf : throw new ArgumentException("Name at least one operation.", nameof(anyOf));
}

/// <summary>For requests about the sender's own things (their notifications, their preferences): anyone signed in.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresSignedInAttribute : Attribute;

/// <summary>A request whose operation depends on what it asks for (the board or the scrutiny edition of a paper).</summary>
public interface IDecidesItsOperation
{
    Operation RequiredOperation { get; }
}

/// <summary>The requirement a request type declares, read once per type.</summary>
public static class Requirement
{
    /// <summary>Throws <see cref="ForbiddenException"/> unless <paramref name="user"/> may send <paramref name="request"/>.</summary>
    public static void Check<TRequest>(TRequest request, UserContext? user)
        where TRequest : notnull
    {
        if (user is null)
        {
            throw new ForbiddenException();
        }

        var declared = Declared<TRequest>.Value;
        var allowed = declared switch
        {
            Kind.SignedIn => true,
            Kind.AnyOf => Declared<TRequest>.Operations.Any(user.Can),
            Kind.Decided => user.Can(((IDecidesItsOperation)request).RequiredOperation),
            _ => throw new InvalidOperationException($"{typeof(TRequest).Name} declares no requirement: add [Requires(...)], [RequiresSignedIn] or IDecidesItsOperation."),
        };
        if (!allowed)
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>The operations a request type names statically (empty for signed-in and decided ones).</summary>
    public static IReadOnlyList<Operation> OperationsOf(Type requestType) =>
        requestType.GetCustomAttribute<RequiresAttribute>()?.AnyOf ?? [];

    /// <summary>True when the type declares one of the three forms (used by the test that every request does).</summary>
    public static bool IsDeclared(Type requestType) => KindOf(requestType) != Kind.None;

    private enum Kind
    {
        None,
        AnyOf,
        SignedIn,
        Decided,
    }

    private static Kind KindOf(Type type) =>
        type.GetCustomAttribute<RequiresAttribute>() is not null ? Kind.AnyOf
        : type.GetCustomAttribute<RequiresSignedInAttribute>() is not null ? Kind.SignedIn
        : typeof(IDecidesItsOperation).IsAssignableFrom(type) ? Kind.Decided
        : Kind.None;

    private static class Declared<T>
    {
        public static readonly Kind Value = KindOf(typeof(T));
        public static readonly IReadOnlyList<Operation> Operations = OperationsOf(typeof(T));
    }
}
