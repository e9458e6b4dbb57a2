namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary><see cref="ClusterStorageScenarios"/> on a fresh SQLite file each.</summary>
public sealed class SqliteClusterStorageTests
{
    [Fact]
    public async Task Our_store_keeps_string_keys_that_read_as_one_number_apart()
    {
        await using var database = new SqliteClusterDatabase();
        await ClusterStorageScenarios.Our_store_keeps_string_keys_that_read_as_one_number_apart(database);
    }

    [Fact]
    public async Task Our_store_keeps_grain_types_with_one_state_name_and_key_apart()
    {
        await using var database = new SqliteClusterDatabase();
        await ClusterStorageScenarios.Our_store_keeps_grain_types_with_one_state_name_and_key_apart(database);
    }

    [Fact]
    public async Task Stock_provider_keeps_a_guid_grains_state_across_a_restart()
    {
        await using var database = new SqliteClusterDatabase();
        await ClusterStorageScenarios.Stock_provider_keeps_a_guid_grains_state_across_a_restart(database);
    }

    [Fact]
    public async Task Stock_provider_refuses_a_stale_write()
    {
        await using var database = new SqliteClusterDatabase();
        await ClusterStorageScenarios.Stock_provider_refuses_a_stale_write(database);
    }

    [Fact]
    public async Task Stock_provider_refuses_a_first_write_over_an_existing_row()
    {
        await using var database = new SqliteClusterDatabase();
        await ClusterStorageScenarios.Stock_provider_refuses_a_first_write_over_an_existing_row(database);
    }

    [Fact]
    public async Task Stock_provider_merges_string_keys_that_read_as_one_number()
    {
        await using var database = new SqliteClusterDatabase();
        await ClusterStorageScenarios.Stock_provider_merges_string_keys_that_read_as_one_number(database);
    }

    [Fact]
    public async Task Stock_provider_shares_a_row_between_grain_types_with_one_state_name()
    {
        await using var database = new SqliteClusterDatabase();
        await ClusterStorageScenarios.Stock_provider_shares_a_row_between_grain_types_with_one_state_name(database);
    }

    [Fact]
    public async Task Stock_provider_deletes_the_row_on_clear_when_asked_to()
    {
        await using var database = new SqliteClusterDatabase();
        await ClusterStorageScenarios.Stock_provider_deletes_the_row_on_clear_when_asked_to(database);
    }
}
