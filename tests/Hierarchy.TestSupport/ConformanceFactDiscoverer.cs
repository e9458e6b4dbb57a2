using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hierarchy.TestSupport;

/// <summary>Discovers <see cref="ConformanceFactAttribute"/> tests, skipping them in PostgreSQL classes without a server.</summary>
public sealed class ConformanceFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class
            .GetCustomAttributes(typeof(RequiresPostgresAttribute).AssemblyQualifiedName)
            .Any();
        if (needsPostgres && PostgresTestEnvironment.SkipReason is { } reason)
        {
            return new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod,
                reason);
        }

        return base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
