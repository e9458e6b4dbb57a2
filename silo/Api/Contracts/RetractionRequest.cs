namespace Hierarchy.Silo.Api.Contracts;

/// <summary>Why an admission is retracted; the reason may also come as <c>?reason=</c>.</summary>
public sealed class RetractionRequest
{
    public string? Reason { get; set; }
}
