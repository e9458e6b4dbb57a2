using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Import;

/// <summary>
/// Imports party organisations that no catalogue lists — a province's Đảng bộ các cơ quan Đảng, its Đảng bộ Ủy ban
/// nhân dân, their grassroots organisations and branches — from CSV with the header <c>parentId,unitId,name,kind</c>.
/// A kind starting with "Chi bộ" makes a branch, any other an organisation that may hold units of its own, to any
/// depth. A parent is a unit already in the database or one defined anywhere in the file. Every row is checked before
/// anything is written, so a bad file imports nothing; it returns once the rollup has settled.
/// </summary>
public sealed class UnitCsvImporter(HierarchyService hierarchy, RollupSettler settler)
{
    private const string BranchKind = "Chi bộ";
    private static readonly string[] Columns = ["parentId", "unitId", "name", "kind"];

    public async Task<UnitImportResult> ImportAsync(TextReader csv, string by)
    {
        var rows = CsvLines.Read(csv).ToList();
        var header = CsvHeader.Read(rows, Columns);
        var (parentColumn, unitColumn, nameColumn, kindColumn) = (header.Column("parentId"), header.Column("unitId"), header.Column("name"), header.Column("kind"));

        // The file's own units first, so a row may name a parent defined further down.
        var inFile = new Dictionary<string, (int Line, UnitLevel Level, string? ParentId)>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (unitColumn < fields.Count && fields[unitColumn] is { Length: > 0 } id && !inFile.ContainsKey(id))
            {
                var kind = kindColumn < fields.Count ? fields[kindColumn] : "";
                inFile[id] = (line, LevelOf(kind), parentColumn < fields.Count ? fields[parentColumn] : null);
            }
        }

        var errors = new List<CsvLineError>();
        var known = new Dictionary<string, UnitInfo>(StringComparer.Ordinal);
        async Task<UnitInfo> InfoAsync(string id)
        {
            if (!known.TryGetValue(id, out var info))
            {
                info = await hierarchy.Unit(id).GetInfoAsync();
                known[id] = info;
            }

            return info;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var imports = new List<(UnitDefinition Unit, IReadOnlyList<YearPlan> Years)>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            var before = errors.Count;
            var row = new CsvRow(line, fields, errors);
            void Fail(string field, string reason) => row.Fail(field, reason);
            string? Field(int index, string name) => row.Field(index, name);

            var parentId = Field(parentColumn, "parentId");
            var unitId = Field(unitColumn, "unitId");
            var name = Field(nameColumn, "name");
            var kind = Field(kindColumn, "kind");
            var level = LevelOf(kind ?? "");

            if (unitId is { Length: 0 or > 64 } || (unitId is not null && unitId.Any(c => char.IsWhiteSpace(c) || c == '/')))
            {
                Fail("unitId", "The unit id must have 1 to 64 characters, without spaces or '/'.");
            }
            else if (unitId is not null && !seen.Add(unitId))
            {
                Fail("unitId", $"Unit '{unitId}' appears twice in the file.");
            }
            else if (unitId is not null)
            {
                var existing = await InfoAsync(unitId);
                if (existing.Exists && existing.ParentId != parentId)
                {
                    Fail("unitId", $"'{unitId}' already exists under '{existing.ParentId}'; move it instead of importing it again.");
                }
                else if (existing.Exists && existing.Level != level)
                {
                    Fail("unitId", $"'{unitId}' already exists as a {JsonNames.Of(existing.Level)}.");
                }
            }

            if (parentId is { Length: 0 })
            {
                Fail("parentId", "The parent id is empty; an organisation sits under a unit of the tree.");
            }
            else if (parentId is not null)
            {
                var parent = inFile.ContainsKey(parentId) ? null : await InfoAsync(parentId);
                var parentLevel = inFile.TryGetValue(parentId, out var fromFile) ? fromFile.Level : parent is { Exists: true } ? parent.Level : (UnitLevel?)null;
                if (parentLevel is null)
                {
                    Fail("parentId", $"'{parentId}' is not a known unit and is not defined in this file.");
                }
                else if (parent?.RetiredOn is { } lastDay)
                {
                    Fail("parentId", $"'{parentId}' is a former unit (its last day was {lastDay:yyyy-MM-dd}); units go under the units of today.");
                }
                else if (!LevelNames.CanHold(parentLevel.Value, level))
                {
                    Fail("parentId", $"'{parentId}' is a {JsonNames.Of(parentLevel.Value)}, which cannot hold a {JsonNames.Of(level)}.");
                }
                else if (unitId is not null && IsOwnAncestor(unitId, parentId, inFile))
                {
                    Fail("parentId", $"'{parentId}' lies inside '{unitId}' in this file, so it cannot be its parent.");
                }
            }

            if (name is { Length: 0 or > 200 })
            {
                Fail("name", "The name must have 1 to 200 characters.");
            }

            if (kind is { Length: 0 or > 100 })
            {
                Fail("kind", "The kind must have 1 to 100 characters (Đảng bộ khối, Đảng bộ cơ sở, Chi bộ …).");
            }

            if (errors.Count == before)
            {
                imports.Add((new UnitDefinition(unitId!, name!, level, parentId, kind), []));
            }
        }

        if (errors.Count > 0)
        {
            throw new CsvImportException(errors);
        }

        await hierarchy.ImportUnitsAsync(imports, by);
        await settler.SettleAsync(imports.Select(i => new UnitInfo(i.Unit.Id, i.Unit.Name, i.Unit.Level, i.Unit.ParentId, true, Kind: i.Unit.Kind)).ToList(), RollupSettler.DefaultTimeout);
        return new UnitImportResult(imports.Count(i => i.Unit.Level != UnitLevel.Branch), imports.Count(i => i.Unit.Level == UnitLevel.Branch));
    }

    private static UnitLevel LevelOf(string kind) =>
        kind.StartsWith(BranchKind, StringComparison.OrdinalIgnoreCase) ? UnitLevel.Branch : UnitLevel.Organisation;

    private static bool IsOwnAncestor(string unitId, string parentId, Dictionary<string, (int Line, UnitLevel Level, string? ParentId)> inFile)
    {
        var at = parentId;
        for (var steps = 0; steps <= inFile.Count; steps++)
        {
            if (at == unitId)
            {
                return true;
            }

            if (!inFile.TryGetValue(at, out var row) || row.ParentId is null)
            {
                return false;
            }

            at = row.ParentId;
        }

        return true;
    }
}
