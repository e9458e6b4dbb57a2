namespace Hierarchy.Grains.Reform;

public sealed record RestructureResult(int FormerUnits, int NewUnits, int Moved, int QuotasSet, bool Resumed);
