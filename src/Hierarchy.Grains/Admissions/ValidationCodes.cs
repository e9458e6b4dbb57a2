namespace Hierarchy.Grains.Admissions;

/// <summary>The codes of the domain's validation errors, so that a caller can word them in its own language.</summary>
public static class ValidationCodes
{
    public const string KeyRequired = "idempotencyKey.required";
    public const string KeyTooLong = "idempotencyKey.tooLong";
    public const string KeyReused = "idempotencyKey.reused";
    public const string DateInFuture = "admittedOn.future";
    public const string DateTooEarly = "admittedOn.tooEarly";
    public const string AgeOutOfRange = "birthDate.age";
    public const string UnknownGender = "gender.unknown";
    public const string UnknownEducation = "education.unknown";
    public const string UnknownOccupation = "occupation.unknown";
    public const string NameTooLong = "name.tooLong";
    public const string NotABranch = "unit.notABranch";
    public const string CorrectionNotAtBranch = "correction.notABranch";
    public const string CorrectionReason = "correction.reason";
    public const string AdmissionNotFound = "admission.notFound";
    public const string QuotaOutOfRange = "quota.range";

    public const string FormerUnit = "unit.former";
    public const string YearOutOfRange = "year.range";
    public const string ScenarioName = "scenario.name";
    public const string ScenarioRootRequired = "scenario.rootRequired";
    public const string ScenarioRootMissing = "scenario.rootMissing";
    public const string ScenarioRootIsBranch = "scenario.rootIsBranch";
    public const string ScenarioExists = "scenario.exists";
    public const string ScenarioMissing = "scenario.missing";
    public const string ScenarioApplied = "scenario.applied";
    public const string ScenarioNothingToApply = "scenario.nothingToApply";
    public const string ScenarioNothingToUndo = "scenario.nothingToUndo";
    public const string ScenarioUnitNotIn = "scenario.unitNotIn";
    public const string ScenarioCompareOther = "scenario.compareOther";
    public const string EditUnknownType = "edit.unknownType";
    public const string EditQuotaRange = "edit.quotaRange";
    public const string EditLocked = "edit.locked";
    public const string EditAmount = "edit.amount";
    public const string EditSameUnit = "edit.sameUnit";
    public const string EditLevels = "edit.levels";
    public const string EditFromLocked = "edit.fromLocked";
    public const string EditToLocked = "edit.toLocked";
    public const string EditAmountAboveQuota = "edit.amountAboveQuota";
    public const string EditAboveLargest = "edit.aboveLargest";
    public const string EditMethod = "edit.method";
    public const string EditNoChildren = "edit.noChildren";
    public const string EditAllLocked = "edit.allLocked";
    public const string EditLockedAboveQuota = "edit.lockedAboveQuota";
    public const string EditNoMembers = "edit.noMembers";
    public const string EditNoAdmissions = "edit.noAdmissions";
    public const string EditNoLastYearQuota = "edit.noLastYearQuota";
    public const string EditNoLastYearAdmissions = "edit.noLastYearAdmissions";
    public const string EditUnitRequired = "edit.unitRequired";
    public const string EditUnitNotIn = "edit.unitNotIn";
    public const string EditFromStage = "edit.fromStage";
    public const string EditNoCandidates = "edit.noCandidates";
}
