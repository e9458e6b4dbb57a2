using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Indicators;

/// <summary>What an entry of indicators must satisfy: counts within range, parts no larger than their wholes, shares within 0–100 %.</summary>
public static class IndicatorRules
{
    public const long MaxPopulation = 200_000_000;

    public const int MaxCount = 10_000_000;

    public static List<ValidationError> Validate(IndicatorFigures? figures, IndicatorTargets? targets)
    {
        var errors = new List<ValidationError>();
        if (figures is not null)
        {
            if (figures.Population is < 0 or > MaxPopulation)
            {
                errors.Add(ValidationError.Coded("population", IndicatorCodes.CountOutOfRange, "The figure must be a whole number from 0 to {0}.", MaxPopulation));
            }

            Count(errors, "residentialGroups", figures.ResidentialGroups);
            Count(errors, "groupsWithoutMembers", figures.GroupsWithoutMembers);
            Count(errors, "groupLeaders", figures.GroupLeaders);
            Count(errors, "leadersWhoAreMembers", figures.LeadersWhoAreMembers);
            PartOf(errors, "groupsWithoutMembers", figures.GroupsWithoutMembers, "residentialGroups", figures.ResidentialGroups);
            PartOf(errors, "groupLeaders", figures.GroupLeaders, "residentialGroups", figures.ResidentialGroups);
            PartOf(errors, "leadersWhoAreMembers", figures.LeadersWhoAreMembers, "groupLeaders", figures.GroupLeaders);
        }

        if (targets is not null)
        {
            Percent(errors, "targets.membersPerPopulationPercent", targets.MembersPerPopulationPercent);
            Percent(errors, "targets.leaderSharePercent", targets.LeaderSharePercent);
            Count(errors, "targets.groupsWithoutMembers", targets.GroupsWithoutMembers);
            Count(errors, "targets.youthUnionIntroductions", targets.YouthUnionIntroductions);
        }

        return errors;
    }

    private static void Count(List<ValidationError> errors, string field, int? value)
    {
        if (value is < 0 or > MaxCount)
        {
            errors.Add(ValidationError.Coded(field, IndicatorCodes.CountOutOfRange, "The figure must be a whole number from 0 to {0}.", MaxCount));
        }
    }

    private static void Percent(List<ValidationError> errors, string field, decimal? value)
    {
        if (value is < 0 or > 100)
        {
            errors.Add(ValidationError.Coded(field, IndicatorCodes.PercentOutOfRange, "A share is a percentage from 0 to 100."));
        }
    }

    private static void PartOf(List<ValidationError> errors, string partField, int? part, string wholeField, int? whole)
    {
        if (part is { } p && whole is { } w && p > w)
        {
            errors.Add(ValidationError.Coded(partField, IndicatorCodes.PartAboveWhole, "{0} ({1}) cannot exceed {2} ({3}).", partField, p, wholeField, w));
        }
    }
}
