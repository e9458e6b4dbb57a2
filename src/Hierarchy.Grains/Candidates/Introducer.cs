namespace Hierarchy.Grains.Candidates;

/// <summary>Who introduced a candidate to the branch: the youth union, a mass organisation, or two party members.</summary>
public enum Introducer
{
    YouthUnion,
    MassOrganisation,
    Members,
}
