using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

[RequiresPostgres]
public sealed class PostgresApiContractTests(PostgresSiloFixture fixture) : ApiContractTests(fixture), IClassFixture<PostgresSiloFixture>;
