using Xunit;
using Xunit.Sdk;

namespace Hierarchy.TestSupport;

/// <summary>
/// A fact declared once in an abstract test class and run by each derived class (memory, SQLite, PostgreSQL).
/// An attribute on a base method cannot know which derived class runs it, so the discoverer decides: in a
/// class marked <see cref="RequiresPostgresAttribute"/> the test is skipped when PostgreSQL is not configured.
/// </summary>
[XunitTestCaseDiscoverer("Hierarchy.TestSupport.ConformanceFactDiscoverer", "Hierarchy.TestSupport")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute;
