namespace Hierarchy.Grains.Reform;

[GenerateSerializer]
public enum RestructureStatus
{
    /// <summary>The plan is recorded and being carried out; running the command again finishes it.</summary>
    Started,
    Completed,
}
