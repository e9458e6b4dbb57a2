using Hierarchy.TestSupport;

namespace Hierarchy.Storage.Tests;

/// <summary>The shared tests again with several writer connections, each committing its own share of the grains.</summary>
[RequiresPostgres]
public sealed class PostgresMultiWriterConformanceTests : PostgresGrainStorageConformanceTests
{
    protected override int WriterConnections => 3;
}
