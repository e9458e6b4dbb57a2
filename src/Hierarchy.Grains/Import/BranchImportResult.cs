namespace Hierarchy.Grains.Import;

public sealed record BranchImportResult(int Branches, int Wards);
