namespace Hierarchy.Grains.Import;

public sealed record IndicatorImportResult(int Rows, int Units);
