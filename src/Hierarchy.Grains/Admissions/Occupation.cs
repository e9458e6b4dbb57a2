namespace Hierarchy.Grains.Admissions;

/// <summary>Occupation at admission as the admission statistics form counts it.</summary>
[GenerateSerializer]
public enum Occupation
{
    StateCadre,
    PublicService,
    EnterpriseWorker,
    Farmer,
    ArmedForces,
    Student,
    Other,
}
