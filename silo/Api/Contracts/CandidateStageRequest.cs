namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A stage a candidate reached: its name, the day (<c>yyyy-MM-dd</c>), and for <c>dropped</c> the reason.</summary>
public sealed class CandidateStageRequest
{
    /// <summary>introduced, course, verified, resolution, decision, admitted, probationary, official or dropped.</summary>
    public string? Stage { get; set; }

    public string? On { get; set; }

    public string? Reason { get; set; }
}
