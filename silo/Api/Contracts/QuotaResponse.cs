namespace Hierarchy.Silo.Api.Contracts;

public sealed record QuotaResponse(string Id, int Year, int Quota, long QuotaVersion);
