using Xunit;

namespace Hierarchy.TestSupport;

/// <summary>A fact that needs the PostgreSQL test server: skipped without one, except on CI where it must run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
