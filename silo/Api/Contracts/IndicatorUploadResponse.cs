namespace Hierarchy.Silo.Api.Contracts;

/// <summary>An imported file of indicators: how many rows it had and how many units they changed.</summary>
public sealed record IndicatorUploadResponse(int Rows, int Units);
