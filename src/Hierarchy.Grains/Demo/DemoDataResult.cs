namespace Hierarchy.Grains.Demo;

public sealed record DemoDataResult(int Provinces, int Districts, int Wards, int Branches, long Members, int Admissions, int Candidates = 0);
