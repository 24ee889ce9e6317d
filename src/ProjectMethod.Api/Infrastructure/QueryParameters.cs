using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// A query parameter an operation does not take is a 400 naming it and the ones it does take, never silently ignored:
/// <c>?updatedSince=</c> on a collection that cannot filter by it would otherwise answer as if it had. What an operation
/// takes is read from its handler once: every parameter bound from the query (a simple value that is not in the route,
/// or one marked <see cref="FromQueryAttribute"/>).
/// </summary>
public sealed class QueryParameters(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<RouteEndpoint, HashSet<string>?> Taken = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Query.Count == 0 || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            || context.GetEndpoint() is not RouteEndpoint endpoint
            || Taken.GetOrAdd(endpoint, Read) is not { } taken)
        {
            await next(context);
            return;
        }

        var unknown = context.Request.Query.Keys.Where(k => !taken.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            await next(context);
            return;
        }

        var message = taken.Count == 0
            ? "This operation takes no query parameters."
            : $"This operation takes no query parameter by that name; it takes {string.Join(", ", taken.Order(StringComparer.Ordinal))}.";
        await Problems.Validation(unknown.ToDictionary(k => k, _ => new[] { message })).ExecuteAsync(context);
    }

    /// <summary>The names the endpoint's handler binds from the query; null for an endpoint that is no handler of ours.</summary>
    private static HashSet<string>? Read(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return null;
        }

        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return handler.GetParameters()
            .Where(p => p.GetCustomAttribute<FromQueryAttribute>() is not null
                        || (IsSimple(p.ParameterType) && !route.Contains(p.Name!) && !IsBoundElsewhere(p)))
            .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsBoundElsewhere(ParameterInfo parameter) =>
        parameter.GetCustomAttributes().Any(a => a is FromRouteAttribute or FromHeaderAttribute or FromBodyAttribute or FromServicesAttribute or FromFormAttribute);

    private static bool IsSimple(Type type)
    {
        if (type.IsArray)
        {
            return IsSimple(type.GetElementType()!);
        }

        var value = Nullable.GetUnderlyingType(type) ?? type;
        return value.IsPrimitive || value.IsEnum || value == typeof(string) || value == typeof(decimal) || value == typeof(Guid)
               || value.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), value.MakeByRefType()]) is not null
               || value.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), value.MakeByRefType()]) is not null;
    }
}
