namespace Hierarchy.Silo.Api.Contracts;

/// <summary>What an uploaded CSV did, row by row (line numbers are the file's).</summary>
public sealed record UploadResponse(int Rows, int Created, int Repeated, int Conflicts, IReadOnlyList<UploadRowResult> Results);
