namespace Hierarchy.Silo.Api.Contracts;

/// <summary>The period to close: a year (<c>2026</c>) or the six-month report (<c>2026-H1</c>).</summary>
public sealed class ClosingRequest
{
    public string? Period { get; set; }
}
