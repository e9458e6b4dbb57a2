namespace Hierarchy.Grains.Reform;

/// <summary>The durable record of one restructuring: its plan, decided once, and how far it got.</summary>
[GenerateSerializer]
public sealed class RestructureRecord
{
    [Id(0)]
    public RestructurePlan? Plan { get; set; }

    [Id(1)]
    public RestructureStatus Status { get; set; }

    [Id(2)]
    public string? By { get; set; }

    [Id(3)]
    public DateTimeOffset StartedAt { get; set; }

    [Id(4)]
    public DateTimeOffset? CompletedAt { get; set; }
}
