namespace Hierarchy.Grains.Admissions;

public enum Gender
{
    Female,
    Male,
}
