using Hierarchy.Grains.Import;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Reform;

/// <summary>
/// Decides a restructuring from the old tree, the new catalogue and the conversion table, changing nothing. A branch
/// (or an organisation) of an old ward that went whole into one new unit moves there; one of a split ward, or of a
/// ward the table does not list, moves where the mapping says or stays unresolved with its candidates. The new
/// provinces formed are those the old ones went into, with all their communes.
/// </summary>
public static class RestructurePlanner
{
    public static RestructureProposal Plan(
        IReadOnlyList<UnitInfo> oldUnits,
        IReadOnlyList<UnitDefinition> catalogue,
        ConversionTable conversion,
        BranchMapping mapping,
        DateOnly on)
    {
        var lastDay = on.AddDays(-1);
        var newById = catalogue.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var territorial = oldUnits.Where(u => u.Level is UnitLevel.Province or UnitLevel.District or UnitLevel.Ward).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var childrenOf = oldUnits.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!, StringComparer.Ordinal);
        string ArchiveId(string id) => newById.ContainsKey(id) ? RestructurePlan.ArchiveIdOf(id, lastDay) : id;
        UnitLink NewLink(string id) => new(id, newById[id].Name, newById[id].Level);
        UnitLink FormerLink(UnitInfo u) => new(ArchiveId(u.Id), u.Name, u.Level, lastDay);

        var successors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var unit in territorial.Values.Where(u => u.Level == UnitLevel.Ward))
        {
            successors[unit.Id] = conversion.ByOldWard[unit.Id].Select(r => r.NewUnitId).Where(newById.ContainsKey).Distinct().ToList();
        }

        foreach (var unit in territorial.Values.Where(u => u.Level == UnitLevel.District))
        {
            successors[unit.Id] = childrenOf[unit.Id].Where(c => c.Level == UnitLevel.Ward).SelectMany(w => successors[w.Id])
                .Concat(conversion.ByOldDistrict[unit.Id].Select(r => r.NewUnitId).Where(newById.ContainsKey))
                .Distinct().ToList();
        }

        foreach (var unit in territorial.Values.Where(u => u.Level == UnitLevel.Province))
        {
            successors[unit.Id] = conversion.ByOldProvince[unit.Id].Select(r => r.NewProvinceId).Where(newById.ContainsKey).Distinct().ToList();
        }

        var wardsWithoutRow = territorial.Values
            .Where(u => (u.Level == UnitLevel.Ward || (u.Level == UnitLevel.District && !childrenOf[u.Id].Any(c => c.Level == UnitLevel.Ward))) && successors[u.Id].Count == 0)
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .Select(u => new UnitLink(u.Id, u.Name, u.Level, lastDay))
            .ToList();

        var former = territorial.Values.OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => new FormerUnit(
            u.Id,
            u.Name,
            u.Level,
            ArchiveId(u.Id),
            u.ParentId is { } parent && territorial.ContainsKey(parent) ? ArchiveId(parent) : null,
            successors[u.Id].Select(NewLink).ToList(),
            childrenOf[u.Id].Where(c => territorial.ContainsKey(c.Id) && ArchiveId(c.Id) != c.Id).ToDictionary(c => c.Id, c => ArchiveId(c.Id), StringComparer.Ordinal))).ToList();

        var newProvinces = territorial.Values.Where(u => u.Level == UnitLevel.Province).SelectMany(u => successors[u.Id]).ToHashSet(StringComparer.Ordinal);
        var predecessors = new Dictionary<string, List<UnitLink>>(StringComparer.Ordinal);
        foreach (var unit in territorial.Values.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            var into = unit.Level == UnitLevel.District && childrenOf[unit.Id].Any(c => c.Level == UnitLevel.Ward) ? [] : successors[unit.Id];
            foreach (var id in into)
            {
                (predecessors.TryGetValue(id, out var list) ? list : predecessors[id] = []).Add(FormerLink(unit));
            }
        }

        var formed = catalogue
            .Where(u => u.ParentId is null ? newProvinces.Contains(u.Id) : newProvinces.Contains(u.ParentId))
            .Select(u => new SuccessorUnit(u, predecessors.GetValueOrDefault(u.Id) ?? []))
            .ToList();
        var formedIds = formed.Select(f => f.Definition.Id).ToHashSet(StringComparer.Ordinal);

        var movers = oldUnits.Where(u => !territorial.ContainsKey(u.Id) && u.ParentId is not null && territorial.ContainsKey(u.ParentId)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var errors = new List<CsvLineError>();
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, unitId, target) in mapping.Rows)
        {
            if (!movers.ContainsKey(unitId))
            {
                errors.Add(new CsvLineError(line, "branchId", $"'{unitId}' is not a branch or organisation of a unit of the old tree."));
            }
            else if (!chosen.TryAdd(unitId, target))
            {
                errors.Add(new CsvLineError(line, "branchId", $"Branch '{unitId}' appears twice in the file."));
            }

            if (!formedIds.Contains(target))
            {
                errors.Add(new CsvLineError(line, "newUnitId", $"'{target}' is not a unit of the new tree this restructuring forms."));
            }
        }

        var moves = new List<PlannedMove>();
        var unresolved = new List<UnresolvedMove>();
        foreach (var unit in movers.Values.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            var parent = territorial[unit.ParentId!];
            var candidates = parent.Level == UnitLevel.Ward
                ? successors[parent.Id]
                : successors[parent.Id].Select(id => newById[id].ParentId ?? id).Distinct().ToList();
            if (chosen.TryGetValue(unit.Id, out var target))
            {
                moves.Add(new PlannedMove(unit.Id, parent.Id, target));
            }
            else if (candidates.Count == 1)
            {
                moves.Add(new PlannedMove(unit.Id, parent.Id, candidates[0]));
            }
            else
            {
                unresolved.Add(new UnresolvedMove(unit.Id, unit.Name, parent.Id, parent.Name, candidates.Select(NewLink).ToList()));
            }
        }

        var oldNames = oldUnits.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        return new RestructureProposal(new RestructurePlan(on, former, formed, moves), unresolved, errors, wardsWithoutRow, oldNames);
    }
}
