namespace Hierarchy.Grains.Admissions;

/// <summary>General education as the admission statistics form counts it.</summary>
[GenerateSerializer]
public enum Education
{
    LowerSecondary,
    UpperSecondary,
    Vocational,
    University,
    Postgraduate,
}
