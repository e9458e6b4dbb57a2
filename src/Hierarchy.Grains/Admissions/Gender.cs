namespace Hierarchy.Grains.Admissions;

[GenerateSerializer]
public enum Gender
{
    Female,
    Male,
}
