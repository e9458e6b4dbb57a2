using Xunit;

namespace Hierarchy.TestSupport;

/// <summary>A theory that needs the PostgreSQL test server: skipped without one, except on CI where it must run.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresTestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
