namespace Hierarchy.Grains.Admissions;

/// <summary>The form's age bands at admission; the party admits people aged 18 to 60.</summary>
public static class AgeBands
{
    public const int MinimumAge = 18;
    public const int MaximumAge = 60;

    public static IReadOnlyList<string> Labels { get; } = ["18-30", "31-35", "36-40", "41-45", "46-50", "51-55", "56-60"];

    public static int IndexOf(int age) => age <= 30 ? 0 : Math.Min((age - 31) / 5 + 1, Labels.Count - 1);

    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        if (on < birthDate.AddYears(age))
        {
            age--;
        }

        return age;
    }
}
