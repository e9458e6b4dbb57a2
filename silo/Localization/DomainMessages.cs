using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Localization;

/// <summary>
/// The domain's validation errors in the caller's language: the domain speaks English and names each error by a code
/// (<see cref="ValidationCodes"/>); the wording for people is chosen here, at the HTTP edge.
/// </summary>
public static class DomainMessages
{
    private static readonly Dictionary<string, LocalizedText> ByCode = new(StringComparer.Ordinal)
    {
        [ValidationCodes.KeyRequired] = Messages.KeyRequired,
        [ValidationCodes.KeyTooLong] = new("Khóa chống trùng dài tối đa {0} ký tự.", "The idempotency key may be at most {0} characters."),
        [ValidationCodes.KeyReused] = Messages.KeyReused,
        [ValidationCodes.DateInFuture] = new("Ngày kết nạp không được ở tương lai.", "The admission date may not be in the future."),
        [ValidationCodes.DateTooEarly] = new(
            "Được báo cáo các lượt kết nạp từ ngày {0} đến hôm nay; ngày {1} sớm hơn.",
            "Admissions dated from {0} to today can be reported; {1} is earlier."),
        [ValidationCodes.AgeOutOfRange] = new(
            "Người được kết nạp phải từ {0} đến {1} tuổi vào ngày kết nạp; người này {2} tuổi.",
            "The person must be {0} to {1} years old at admission; they were {2}."),
        [ValidationCodes.UnknownGender] = new("Giới tính không hợp lệ.", "Unknown gender."),
        [ValidationCodes.UnknownEducation] = new("Trình độ học vấn không hợp lệ.", "Unknown education level."),
        [ValidationCodes.UnknownOccupation] = new("Nghề nghiệp không hợp lệ.", "Unknown occupation."),
        [ValidationCodes.NameTooLong] = new("Họ tên dài tối đa {0} ký tự.", "The name may be at most {0} characters."),
        [ValidationCodes.NotABranch] = Messages.NotABranch,
        [ValidationCodes.CorrectionNotAtBranch] = new("Việc sửa sai được thực hiện tại chi bộ.", "Corrections are made at branches."),
        [ValidationCodes.CorrectionReason] = new("Sửa sai cần có lý do, tối đa 1.000 ký tự.", "A correction needs a reason of at most 1,000 characters."),
        [ValidationCodes.AdmissionNotFound] = new("Chi bộ không có lượt kết nạp '{0}'.", "No admission '{0}' at this branch."),
        [ValidationCodes.FormerUnit] = new("'{0}' là đơn vị cũ, đã sắp xếp ngày {1}; số liệu của đơn vị cũ được giữ nguyên, không sửa đổi.", "'{0}' is a former unit, restructured on {1}; its figures are kept as they were and cannot change."),
        [CandidateCodes.IntroducedInFuture] = new("Ngày giới thiệu không được ở tương lai.", "The introduction date may not be in the future."),
        [CandidateCodes.IntroducedTooEarly] = new(
            "Được ghi nhận quần chúng giới thiệu từ ngày {0}; ngày {1} sớm hơn.",
            "Candidates introduced from {0} on can be recorded; {1} is earlier."),
        [CandidateCodes.AgeOutOfRange] = new(
            "Quần chúng được giới thiệu phải từ {0} đến {1} tuổi; người này {2} tuổi.",
            "A candidate is {0} to {1} years old when introduced; this one was {2}."),
        [CandidateCodes.UnknownIntroducer] = new("Nơi giới thiệu không hợp lệ.", "Unknown introducer."),
        [CandidateCodes.KeyReused] = new("Khóa này đã được dùng cho một quần chúng khác.", "This idempotency key was already used for a different candidate."),
        [CandidateCodes.NotFound] = new("Chi bộ không có quần chúng '{0}'.", "No candidate '{0}' at this branch."),
        [CandidateCodes.OutOfOrder] = new(
            "Quần chúng đang ở bước '{0}'; bước tiếp theo là '{1}', không phải '{2}'.",
            "The candidate is at stage '{0}'; the next stage is '{1}', not '{2}'."),
        [CandidateCodes.Closed] = new("Hồ sơ của quần chúng đã kết thúc ở bước '{0}' từ ngày {1}.", "The candidate's case is closed at stage '{0}' since {1}."),
        [CandidateCodes.AlreadyAtStage] = new("Quần chúng đã ở bước '{0}' từ ngày {1}.", "The candidate is at stage '{0}' since {1}."),
        [CandidateCodes.BeforePrevious] = new("Ngày {0} sớm hơn bước trước, ghi nhận ngày {1}.", "The date {0} is before the previous stage, recorded on {1}."),
        [CandidateCodes.InFuture] = new("Ngày không được ở tương lai.", "The date may not be in the future."),
        [CandidateCodes.CourseExpired] = new(
            "Giấy chứng nhận lớp nhận thức về Đảng ngày {0} đã hết hạn ngày {1}; quần chúng cần học lại trước.",
            "The course certificate of {0} expired on {1}; the candidate attends the course again first."),
        [CandidateCodes.ProbationNotOver] = new(
            "Thời gian dự bị tính từ lễ kết nạp ngày {0} kết thúc ngày {1}; từ ngày đó mới xét công nhận đảng viên chính thức.",
            "Probation from the ceremony on {0} ends on {1}; full membership is considered from then."),
        [CandidateCodes.DropReason] = new("Dừng xem xét quần chúng cần có lý do, tối đa 1.000 ký tự.", "Dropping a candidate needs a reason of at most 1,000 characters."),
        [ValidationCodes.QuotaOutOfRange] = new("Chỉ tiêu phải là số nguyên từ 0 đến 10.000.000.", "The quota must be a whole number from 0 to 10,000,000."),
        [ValidationCodes.YearOutOfRange] = new("Năm nằm ngoài phạm vi.", "The year is out of range."),
        [ValidationCodes.ScenarioName] = Messages.ScenarioName,
        [ValidationCodes.ScenarioRootRequired] = Messages.ScenarioRootRequired,
        [ValidationCodes.ScenarioRootMissing] = new("Không có đơn vị '{0}'.", "Unit '{0}' does not exist."),
        [ValidationCodes.ScenarioRootIsBranch] = new(
            "Kịch bản bao quát một đơn vị có đơn vị cấp dưới; chi bộ không có.",
            "A scenario covers a unit with units below it; a branch has none."),
        [ValidationCodes.ScenarioExists] = new("Kịch bản '{0}' đã có.", "Scenario '{0}' exists already."),
        [ValidationCodes.ScenarioMissing] = Messages.ScenarioMissing,
        [ValidationCodes.ScenarioApplied] = new(
            "Kịch bản đã được áp dụng nên không sửa được nữa; hãy lập kịch bản mới.",
            "The scenario has been applied and can no longer change; create a new one."),
        [ValidationCodes.ScenarioNothingToApply] = new(
            "Kịch bản không thay đổi chỉ tiêu nào; không có gì để áp dụng.",
            "The scenario changes no quota; there is nothing to apply."),
        [ValidationCodes.ScenarioNothingToUndo] = new("Không có thao tác nào để hoàn tác.", "There is no edit to undo."),
        [ValidationCodes.ScenarioUnitNotIn] = new("Đơn vị '{0}' không thuộc kịch bản này.", "Unit '{0}' is not in this scenario."),
        [ValidationCodes.ScenarioCompareOther] = new(
            "Kịch bản '{0}' thuộc đơn vị hoặc năm khác; chỉ so sánh từng đơn vị giữa các kịch bản cùng đơn vị và cùng năm.",
            "Scenario '{0}' covers another unit or year; only scenarios over the same unit and year compare unit by unit."),
        [ValidationCodes.EditUnknownType] = new(
            "Loại thao tác không hợp lệ; dùng setQuota, move, redistribute, lock, unlock hoặc undo.",
            "Unknown edit type; use setQuota, move, redistribute, lock, unlock or undo."),
        [ValidationCodes.EditQuotaRange] = new("Chỉ tiêu phải là số nguyên từ 0 đến {0}.", "The quota must be a whole number from 0 to {0}."),
        [ValidationCodes.EditLocked] = new("'{0}' đang bị khóa; hãy mở khóa để đổi chỉ tiêu.", "'{0}' is locked; unlock it to change its quota."),
        [ValidationCodes.EditAmount] = new("Số chỉ tiêu chuyển phải là số nguyên dương.", "The amount to move must be a positive whole number."),
        [ValidationCodes.EditSameUnit] = new("Chỉ tiêu chỉ chuyển được giữa hai đơn vị khác nhau.", "Quota can only move between two different units."),
        [ValidationCodes.EditLevels] = new(
            "Chỉ tiêu chỉ chuyển giữa các đơn vị cùng cấp; '{0}' là {1} còn '{2}' là {3}.",
            "Quota moves between units of one level; '{0}' is a {1} and '{2}' a {3}."),
        [ValidationCodes.EditFromLocked] = new("'{0}' đang bị khóa; hãy mở khóa để chuyển chỉ tiêu đi.", "'{0}' is locked; unlock it to move quota from it."),
        [ValidationCodes.EditToLocked] = new("'{0}' đang bị khóa; hãy mở khóa để chuyển chỉ tiêu đến.", "'{0}' is locked; unlock it to move quota to it."),
        [ValidationCodes.EditAmountAboveQuota] = new("'{0}' có chỉ tiêu {1}, ít hơn {2}.", "'{0}' has a quota of {1}, less than {2}."),
        [ValidationCodes.EditAboveLargest] = new("'{0}' sẽ vượt chỉ tiêu lớn nhất, {1}.", "'{0}' would exceed the largest quota, {1}."),
        [ValidationCodes.EditMethod] = new(
            "Chọn cách phân bổ: even, members, admissions, lastYearAttainment hoặc candidates.",
            "Choose how to redistribute: even, members, admissions, lastYearAttainment or candidates."),
        [ValidationCodes.EditNoChildren] = new("'{0}' không có đơn vị cấp dưới để phân bổ.", "'{0}' has no units below it to redistribute among."),
        [ValidationCodes.EditAllLocked] = new("Mọi đơn vị dưới '{0}' đều bị khóa.", "Every unit below '{0}' is locked."),
        [ValidationCodes.EditLockedAboveQuota] = new(
            "Các đơn vị bị khóa dưới '{0}' giữ {1}, nhiều hơn chỉ tiêu {2} của nó.",
            "The locked units below '{0}' hold {1}, more than its quota of {2}."),
        [ValidationCodes.EditNoMembers] = new(
            "Không đơn vị chưa khóa nào dưới '{0}' có đảng viên đầu năm để làm căn cứ; hãy chọn cách khác.",
            "No unlocked unit below '{0}' has any members at the start of the year to weigh by; choose another method."),
        [ValidationCodes.EditNoAdmissions] = new(
            "Không đơn vị chưa khóa nào dưới '{0}' có kết nạp năm nay để làm căn cứ; hãy chọn cách khác.",
            "No unlocked unit below '{0}' has any admissions this year to weigh by; choose another method."),
        [ValidationCodes.EditNoLastYearQuota] = new(
            "Không đơn vị nào dưới '{0}' có chỉ tiêu năm trước, nên không có tỷ lệ hoàn thành để làm căn cứ; hãy chọn cách khác.",
            "No unit below '{0}' had a quota last year, so there is no attainment to weigh by; choose another method."),
        [ValidationCodes.EditFromStage] = new(
            "Chọn một bước trên đường vào Đảng, từ được giới thiệu đến đảng viên chính thức.",
            "Weigh by a stage on the way to membership, from introduced to official."),
        [ValidationCodes.EditNoCandidates] = new(
            "Không đơn vị nào chưa khóa dưới '{0}' có nguồn ở bước '{1}' trở đi để phân bổ theo; hãy chọn cách khác hoặc một bước sớm hơn.",
            "No unlocked unit below '{0}' has candidates at stage '{1}' or past it to weigh by; choose another method or an earlier stage."),
        [ValidationCodes.EditNoLastYearAdmissions] = new(
            "Không đơn vị nào dưới '{0}' kết nạp được ai năm trước, nên không có tỷ lệ hoàn thành để làm căn cứ; hãy chọn cách khác.",
            "No unit below '{0}' admitted anyone last year, so there is no attainment to weigh by; choose another method."),
        [ValidationCodes.EditUnitRequired] = new("Cần mã đơn vị.", "A unit id is required."),
        [ValidationCodes.EditUnitNotIn] = new(
            "Đơn vị '{0}' không thuộc kịch bản này: không tồn tại hoặc nằm ngoài phạm vi '{1}'.",
            "Unit '{0}' is not in this scenario: it does not exist or is outside the subtree of '{1}'."),
    };

    /// <summary>The error worded for the current request; one without a code (worded by the silo already) as it is.</summary>
    public static ValidationError Localize(ValidationError error) =>
        ClosingMessages.Localize(error) ?? IndicatorMessages.Localize(error) ?? (error.Code is { } code && ByCode.TryGetValue(code, out var text)
            ? new ValidationError(error.Field, text.Format([.. (error.Arguments ?? []).Select(LevelName).Select(CandidateStageNames.Of)]))
            : error);

    /// <summary>A level's name as the domain writes it in a message ("ward"), in the caller's language.</summary>
    public static string LevelName(string argument)
    {
        foreach (var level in Enum.GetValues<UnitLevel>())
        {
            if (JsonNames.Of(level) == argument)
            {
                return LevelName(level);
            }
        }

        return argument;
    }

    public static string LevelName(UnitLevel level) => SiloCultures.IsEnglish
        ? JsonNames.Of(level)
        : level switch
        {
            UnitLevel.Province => "cấp tỉnh",
            UnitLevel.District => "cấp huyện",
            UnitLevel.Ward => "cấp xã",
            UnitLevel.Organisation => "tổ chức đảng",
            _ => "chi bộ",
        };
}
