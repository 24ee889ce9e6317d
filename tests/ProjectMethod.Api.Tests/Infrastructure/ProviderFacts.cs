using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>A fact that runs on every provider its class is bound to; reported as skipped where that provider is absent.</summary>
[XunitTestCaseDiscoverer("ProjectMethod.Api.Tests.Infrastructure.ProviderFactDiscoverer", "ProjectMethod.Api.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory that runs on every provider its class is bound to; reported as skipped where that provider is absent.</summary>
[XunitTestCaseDiscoverer("ProjectMethod.Api.Tests.Infrastructure.ProviderTheoryDiscoverer", "ProjectMethod.Api.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

internal static class ProviderSkip
{
    /// <summary>Why a test of this class cannot run here, or null when it can.</summary>
    public static string? Reason(ITestMethod method)
    {
        var type = method.TestClass.Class.ToRuntimeType();
        if (type?.IsDefined(typeof(UsesMailServerAttribute), inherit: true) == true && SmtpSink.Missing is { } missing)
        {
            return missing;
        }

        var fixtures = type?.GetInterfaces() ?? [];
        if (fixtures.Contains(typeof(IClassFixture<PostgresApi>)) && TestDatabases.PostgresAdmin is null)
        {
            return $"PostgreSQL is not configured: set {TestDatabases.PostgresVariable} (see README) to run this part of the suite.";
        }

        return fixtures.Contains(typeof(IClassFixture<SqlServerApi>)) && TestDatabases.SqlServerAdmin is null
            ? $"SQL Server is not configured: set {TestDatabases.SqlServerVariable} (see README) to run this part of the suite."
            : null;
    }

    public static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason);
}

public sealed class ProviderFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    private readonly IMessageSink sink = sink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.Reason(testMethod) is { } reason
            ? [ProviderSkip.Skipped(sink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    private readonly IMessageSink sink = sink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderSkip.Reason(testMethod) is { } reason
            ? [ProviderSkip.Skipped(sink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
