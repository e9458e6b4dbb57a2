using System.Data.Common;
using Hierarchy.Grains.Admissions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hierarchy.Silo.Bench;

/// <summary>
/// The obvious alternatives to grains, built in the same database from the same data: admissions in a plain table
/// aggregated up the unit tree at read time (a recursive query), and counters kept on every ancestor by a trigger.
/// </summary>
public sealed class AlternativeDatabase(BenchDatabase database)
{
    private bool IsPostgres => database.Provider == "postgres";

    public DbConnection Open()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection($"Data Source={database.SqlitePath};Pooling=False");
        connection.Open();
        if (!IsPostgres)
        {
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
        }

        return connection;
    }

    public void Load(IReadOnlyList<(string Id, string? ParentId)> units, IReadOnlyList<(string BranchId, AdmissionRecord Record)> admissions)
    {
        using var connection = Open();
        var serial = IsPostgres ? "bigserial" : "integer";
        Execute(connection, $"""
            DROP TABLE IF EXISTS alt_admission; DROP TABLE IF EXISTS alt_unit; DROP TABLE IF EXISTS alt_counter; DROP TABLE IF EXISTS alt_ancestor; DROP TABLE IF EXISTS alt_trigger_admission;
            CREATE TABLE alt_unit (id text PRIMARY KEY, parent_id text);
            CREATE INDEX alt_unit_parent ON alt_unit (parent_id);
            CREATE TABLE alt_admission (id {serial} PRIMARY KEY, branch_id text NOT NULL, admitted_on date NOT NULL, female integer NOT NULL, youth_union integer NOT NULL,
                ethnic_minority integer NOT NULL, religious integer NOT NULL, private_owner integer NOT NULL, age integer NOT NULL, education integer NOT NULL, occupation integer NOT NULL);
            CREATE INDEX alt_admission_branch ON alt_admission (branch_id);
            """);
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = Command(connection, "INSERT INTO alt_unit (id, parent_id) VALUES (@id, @parent)", transaction);
            foreach (var (id, parent) in units)
            {
                Bind(insert, ("id", id), ("parent", (object?)parent ?? DBNull.Value));
                insert.ExecuteNonQuery();
            }

            using var admission = Command(connection, "INSERT INTO alt_admission (branch_id, admitted_on, female, youth_union, ethnic_minority, religious, private_owner, age, education, occupation) VALUES (@b, @d, @f, @y, @e, @r, @p, @a, @ed, @o)", transaction);
            foreach (var (branch, record) in admissions)
            {
                BindAdmission(admission, branch, record);
                admission.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Execute(connection, IsPostgres ? "ANALYZE" : "ANALYZE");
    }

    /// <summary>The overview of one unit computed at read time: each child's admissions and breakdown for the year.</summary>
    public int AggregateOverview(DbConnection connection, string rootId, int year)
    {
        using var query = Command(connection, """
            WITH RECURSIVE sub(id, top) AS (
                SELECT id, id FROM alt_unit WHERE parent_id = @root
                UNION ALL
                SELECT u.id, sub.top FROM alt_unit u JOIN sub ON u.parent_id = sub.id)
            SELECT sub.top, count(*), sum(a.female), sum(a.youth_union), sum(a.ethnic_minority), sum(a.religious), sum(a.private_owner), avg(a.age)
            FROM alt_admission a JOIN sub ON a.branch_id = sub.id
            WHERE a.admitted_on >= @from AND a.admitted_on <= @to
            GROUP BY sub.top
            """);
        Bind(query, ("root", rootId), ("from", new DateOnly(year, 1, 1)), ("to", new DateOnly(year, 12, 31)));
        using var reader = query.ExecuteReader();
        var total = 0;
        while (reader.Read())
        {
            total += Convert.ToInt32(reader.GetValue(1));
        }

        return total;
    }

    /// <summary>Counters on every ancestor row, kept by a trigger on each inserted admission.</summary>
    public void CreateTriggerCounters(IReadOnlyList<(string Id, string? ParentId)> units)
    {
        using var connection = Open();
        Execute(connection, $"""
            DROP TABLE IF EXISTS alt_trigger_admission; DROP TABLE IF EXISTS alt_counter; DROP TABLE IF EXISTS alt_ancestor;
            CREATE TABLE alt_counter (unit_id text PRIMARY KEY, admitted bigint NOT NULL);
            CREATE TABLE alt_ancestor (branch_id text NOT NULL, ancestor_id text NOT NULL, PRIMARY KEY (branch_id, ancestor_id));
            CREATE TABLE alt_trigger_admission (id {(IsPostgres ? "bigserial" : "integer")} PRIMARY KEY, branch_id text NOT NULL, admitted_on date NOT NULL, female integer NOT NULL, youth_union integer NOT NULL,
                ethnic_minority integer NOT NULL, religious integer NOT NULL, private_owner integer NOT NULL, age integer NOT NULL, education integer NOT NULL, occupation integer NOT NULL);
            """);
        Execute(connection, IsPostgres
            ? """
              CREATE OR REPLACE FUNCTION alt_count() RETURNS trigger AS $$
              BEGIN
                UPDATE alt_counter SET admitted = admitted + 1 WHERE unit_id IN (SELECT ancestor_id FROM alt_ancestor WHERE branch_id = NEW.branch_id);
                RETURN NEW;
              END $$ LANGUAGE plpgsql;
              CREATE TRIGGER alt_count AFTER INSERT ON alt_trigger_admission FOR EACH ROW EXECUTE FUNCTION alt_count();
              """
            : """
              CREATE TRIGGER alt_count AFTER INSERT ON alt_trigger_admission BEGIN
                UPDATE alt_counter SET admitted = admitted + 1 WHERE unit_id IN (SELECT ancestor_id FROM alt_ancestor WHERE branch_id = NEW.branch_id);
              END;
              """);
        var parents = units.ToDictionary(u => u.Id, u => u.ParentId);
        using var transaction = connection.BeginTransaction();
        using var counter = Command(connection, "INSERT INTO alt_counter (unit_id, admitted) VALUES (@id, 0)", transaction);
        using var ancestor = Command(connection, "INSERT INTO alt_ancestor (branch_id, ancestor_id) VALUES (@b, @a)", transaction);
        foreach (var (id, _) in units)
        {
            Bind(counter, ("id", id));
            counter.ExecuteNonQuery();
            for (string? up = id; up is not null; up = parents.GetValueOrDefault(up))
            {
                Bind(ancestor, ("b", id), ("a", up));
                ancestor.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    public void InsertWithTrigger(DbConnection connection, DbCommand? prepared, string branch, AdmissionRecord record)
    {
        BindAdmission(prepared!, branch, record);
        prepared!.ExecuteNonQuery();
    }

    public DbCommand PrepareTriggerInsert(DbConnection connection) =>
        Command(connection, "INSERT INTO alt_trigger_admission (branch_id, admitted_on, female, youth_union, ethnic_minority, religious, private_owner, age, education, occupation) VALUES (@b, @d, @f, @y, @e, @r, @p, @a, @ed, @o)");

    public long Counter(string unitId)
    {
        using var connection = Open();
        using var query = Command(connection, "SELECT admitted FROM alt_counter WHERE unit_id = @id");
        Bind(query, ("id", unitId));
        return Convert.ToInt64(query.ExecuteScalar());
    }

    private static void BindAdmission(DbCommand command, string branch, AdmissionRecord record)
    {
        var report = record.Report;
        Bind(command, ("b", branch), ("d", report.AdmittedOn), ("f", report.Gender == Gender.Female ? 1 : 0), ("y", report.YouthUnion ? 1 : 0),
            ("e", report.EthnicMinority ? 1 : 0), ("r", report.Religious ? 1 : 0), ("p", report.PrivateBusinessOwner ? 1 : 0), ("a", record.Age),
            ("ed", (int)report.Education), ("o", (int)report.Occupation));
    }

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        return command;
    }

    private static void Bind(DbCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value is DateOnly date && command is SqliteCommand ? date.ToString("yyyy-MM-dd") : value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }
}
