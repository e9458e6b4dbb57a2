using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Api;

public sealed class SqliteApiContractTests(SqliteSiloFixture fixture) : ApiContractTests(fixture), IClassFixture<SqliteSiloFixture>;
