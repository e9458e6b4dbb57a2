namespace Hierarchy.Silo.Localization;

/// <summary>Every message the HTTP API sends, in Vietnamese and English, keyed by what it says.</summary>
public static class Messages
{
    // Titles of problem details.
    public static readonly LocalizedText InvalidRequest = new("Yêu cầu không hợp lệ.", "The request is not valid.");
    public static readonly LocalizedText ConflictTitle = new("Xung đột", "Conflict");
    public static readonly LocalizedText NotFoundTitle = new("Không tìm thấy", "Not found");
    public static readonly LocalizedText ForbiddenTitle = new("Ngoài phạm vi của bạn", "Outside your scope");
    public static readonly LocalizedText UnauthorizedTitle = new("Cần đăng nhập", "Sign-in required");
    public static readonly LocalizedText PreconditionTitle = new("Thiếu điều kiện", "Precondition required");
    public static readonly LocalizedText TooLargeTitle = new("Nội dung yêu cầu quá lớn", "Request body too large");
    public static readonly LocalizedText MethodNotAllowedTitle = new("Phương thức không được hỗ trợ", "Method not allowed");
    public static readonly LocalizedText UnsupportedMediaTypeTitle = new("Kiểu nội dung không được hỗ trợ", "Unsupported media type");
    public static readonly LocalizedText ServerErrorTitle = new("Máy chủ gặp lỗi khi xử lý yêu cầu", "An error occurred while processing your request");
    public static readonly LocalizedText DatabaseUnavailableTitle = new("Cơ sở dữ liệu không truy cập được", "The database is unavailable");
    public static readonly LocalizedText SiloUnavailableTitle = new("Máy chủ đang giữ đơn vị này tạm thời không truy cập được", "The silo holding this unit is unavailable");
    public static readonly LocalizedText DatabaseUnavailable = new(
        "Chưa có gì được ghi nhận. Hãy gửi lại đúng yêu cầu đó; khóa chống trùng (idempotency key) bảo đảm nó không bị tính hai lần.",
        "Nothing was recorded. Send the same request again; its idempotency key keeps it from counting twice.");

    // Sign-in and scope.
    public static readonly LocalizedText BearerFormat = new("Gửi tiêu đề Authorization dạng 'Bearer <token>'.", "Use the Authorization header as 'Bearer <token>'.");
    public static readonly LocalizedText TokenInvalid = new("Mã truy cập không hợp lệ hoặc đã bị thu hồi.", "The token is not valid or has been revoked.");
    public static readonly LocalizedText TokenRequiredForReads = new(
        "Cần mã truy cập (chỉ được đọc không cần mã trên cơ sở dữ liệu demo, từ chính máy này).",
        "A bearer token is required (reads without one are allowed only on a demo database from this machine).");
    public static readonly LocalizedText TokenRequiredForChanges = new("Mọi thay đổi đều cần mã truy cập.", "A bearer token is required for every change.");
    public static readonly LocalizedText AdminReadsNoUnits = new(
        "Mã quản trị chỉ mở bảng điều khiển Orleans, không đọc dữ liệu đơn vị.",
        "An admin token opens the Orleans dashboard and reads no unit data.");
    public static readonly LocalizedText OutsideSubtree = new("Đơn vị '{0}' nằm ngoài phạm vi đơn vị của bạn.", "Unit '{0}' is outside the subtree of your unit.");
    public static readonly LocalizedText NotABranch = new(
        "Kết nạp được báo cáo tại chi bộ; '{0}' là {1}.",
        "Admissions are reported at branches; '{0}' is a {1}.");
    public static readonly LocalizedText OnlyTheSecretary = new(
        "Chỉ bí thư chi bộ '{0}' được báo cáo hoặc sửa kết nạp của chi bộ.",
        "Only the secretary of branch '{0}' may report or correct its admissions.");
    public static readonly LocalizedText OnlyBoardsSetQuotas = new("Chỉ Ban Tổ chức được giao chỉ tiêu.", "Only an organisation board sets quotas.");
    public static readonly LocalizedText QuotaSetAbove = new(
        "Chỉ tiêu của '{0}' do Ban Tổ chức của cấp trên giao, không phải cấp của bạn.",
        "The quota of '{0}' is set by the board of a unit above it, and yours is not.");
    public static readonly LocalizedText AdminSignIn = new(
        "Đăng nhập bằng mã quản trị: nhập làm mật khẩu khi trình duyệt hỏi, hoặc gửi 'Authorization: Bearer <token>'.",
        "Sign in with an admin token: as the password of the browser's prompt, or as 'Authorization: Bearer <token>'.");
    public static readonly LocalizedText AdminOnly = new(
        "Chỉ mã quản trị mở được bảng điều khiển Orleans; tạo mã bằng lệnh: users add --role admin --name NAME",
        "Only an admin token opens the Orleans dashboard; create one with: users add --role admin --name NAME");
    public static readonly LocalizedText GrainStateOff = new(
        "Trang trạng thái grain bị tắt: trạng thái grain là dữ liệu đơn vị, mà mã quản trị không được đọc.",
        "The grain-state browser is off: grain state is unit data, which an admin token does not read.");

    // Units.
    public static readonly LocalizedText UnitNotFound = new("Không có đơn vị '{0}'.", "There is no unit '{0}'.");
    public static readonly LocalizedText SearchTooLong = new("Từ khóa tìm kiếm dài tối đa 200 ký tự.", "The search may be at most 200 characters.");

    // Request bodies and query strings.
    public static readonly LocalizedText BodyTooLarge = new("Nội dung yêu cầu tối đa {0:N0} byte.", "The body may be at most {0:N0} bytes.");
    public static readonly LocalizedText SendJson = new("Gửi nội dung dạng application/json.", "Send the body as application/json.");
    public static readonly LocalizedText JsonObjectRequired = new("Cần một đối tượng JSON.", "A JSON object is required.");
    public static readonly LocalizedText UnknownField = new("'{0}' không phải là trường của yêu cầu này; hãy kiểm tra chính tả.", "'{0}' is not a field of this request; check its spelling.");
    public static readonly LocalizedText InvalidJson = new("Nội dung không phải JSON hợp lệ.", "The body is not valid JSON.");
    public static readonly LocalizedText WrongType = new(
        "Giá trị này sai kiểu hoặc không phải JSON hợp lệ (dòng {0}).",
        "This value has the wrong type or is not valid JSON (line {0}).");
    public static readonly LocalizedText WholeNumberRange = new("Cần một số nguyên từ {0} đến {1}.", "Expected a whole number from {0} to {1}.");
    public static readonly LocalizedText YearRange = new("Năm phải từ {0} đến {1}.", "The year must be from {0} to {1}.");
    public static readonly LocalizedText DateRequired = new("Cần nhập ngày (yyyy-MM-dd).", "A date (yyyy-MM-dd) is required.");
    public static readonly LocalizedText DateFormat = new("'{0}' không phải ngày dạng yyyy-MM-dd.", "'{0}' is not a date in the form yyyy-MM-dd.");
    public static readonly LocalizedText OneOfRequired = new("Bắt buộc; một trong: {0}.", "Required; one of {0}.");
    public static readonly LocalizedText NotOneOf = new("'{0}' không thuộc: {1}.", "'{0}' is not one of {1}.");

    // Admissions.
    public static readonly LocalizedText KeyRequired = new(
        "Cần khóa chống trùng (idempotency key) để một báo cáo gửi lại chỉ được tính một lần.",
        "An idempotency key is required so that a retried report counts once.");
    public static readonly LocalizedText AdmissionNotFound = new("Không có lượt kết nạp '{0}' tại '{1}'.", "No admission '{0}' at '{1}'.");
    public static readonly LocalizedText CorrectionNeedsReason = new("Sửa sai cần có lý do.", "A correction needs a reason.");
    public static readonly LocalizedText KeyReused = new("Khóa này đã được dùng cho một lượt kết nạp khác.", "This idempotency key was already used for a different admission.");
    public static readonly LocalizedText AdmissionRefused = new("Lượt kết nạp bị từ chối.", "The admission was refused.");

    // CSV upload.
    public static readonly LocalizedText AttachCsv = new("Hãy đính kèm tệp CSV.", "Attach the CSV file.");
    public static readonly LocalizedText FileNotImported = new("Tệp chưa được nhập: hãy sửa các dòng này rồi tải lên lại.", "The file was not imported: fix these rows and upload it again.");
    public static readonly LocalizedText FileEmpty = new("Tệp trống; dòng đầu tiên phải là dòng tiêu đề.", "The file is empty; the first line must be the header.");
    public static readonly LocalizedText HeaderMissingColumn = new("Dòng 1: tiêu đề thiếu cột '{0}'.", "Line 1: the header has no '{0}' column.");
    public static readonly LocalizedText TooManyRows = new("Mỗi tệp tối đa {0:N0} dòng.", "At most {0:N0} rows per file.");
    public static readonly LocalizedText NoRows = new("Tệp có dòng tiêu đề nhưng không có dòng dữ liệu.", "The file has a header but no rows.");
    public static readonly LocalizedText CsvLine = new("Dòng {0}: {1}", "Line {0}: {1}");
    public static readonly LocalizedText NotYesOrNo = new("'{0}' không phải có hoặc không (true/false, 1/0).", "'{0}' is not yes or no (true/false, 1/0).");
    public static readonly LocalizedText NotUtf8 = new(
        "Tệp không phải văn bản UTF-8 nên tên tiếng Việt sẽ bị lỗi. Trong Excel, chọn File › Save As với kiểu \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi tải tệp đó lên.",
        "The file is not UTF-8 text, so its Vietnamese names would be corrupted. In Excel, choose File › Save As and the type \"CSV UTF-8 (Comma delimited) (*.csv)\", then upload that file.");

    // Quotas.
    public static readonly LocalizedText IfMatchRequired = new(
        "Gửi If-Match với quotaVersion của đơn vị (ETag của GET /api/units/{{id}}) để không ghi đè một thay đổi đồng thời.",
        "Send If-Match with the unit's quotaVersion (the ETag of GET /api/units/{{id}}) so that a concurrent change is not overwritten.");
    public static readonly LocalizedText IfMatchFormat = new(
        "'{0}' không phải phiên bản chỉ tiêu; hãy gửi ETag của GET /api/units/{{id}}, ví dụ \"3\".",
        "'{0}' is not a quota version; send the ETag of GET /api/units/{{id}}, e.g. \"3\".");
    public static readonly LocalizedText QuotaRequired = new("Cần nhập chỉ tiêu kết nạp.", "The quota of admissions is required.");
    public static readonly LocalizedText QuotaNegative = new("Chỉ tiêu không được âm.", "The quota cannot be negative.");
    public static readonly LocalizedText QuotaAboveMembers = new(
        "Chỉ tiêu {0:N0} lớn hơn số đảng viên đầu năm {2} ({1:N0}); gửi kèm \"confirm\": true nếu đúng là như vậy.",
        "The quota of {0:N0} is larger than the {1:N0} members at the start of {2}; send \"confirm\": true if that is meant.");
    public static readonly LocalizedText QuotaChanged = new(
        "Chỉ tiêu của '{0}' đã thay đổi từ khi bạn đọc (phiên bản {1}, nay là {2}); hãy đọc lại rồi thử lại.",
        "The quotas of '{0}' changed since you read them (version {1}, now {2}); read them again and retry.");
    public static readonly LocalizedText QuotaRefused = new("Chỉ tiêu bị từ chối.", "The quota was refused.");

    // Reports.
    public static readonly LocalizedText PeriodReversed = new("Ngày kết thúc kỳ trước ngày bắt đầu.", "The end of the period is before its start.");
    public static readonly LocalizedText PeriodOutOfRange = new("Kỳ báo cáo nằm ngoài phạm vi.", "The period is out of range.");
    public static readonly LocalizedText PeriodEndsToday = new("Kỳ báo cáo kết thúc muộn nhất là hôm nay ({0}).", "The period may end today ({0}) at the latest.");
    public static readonly LocalizedText PeriodAtMostAYear = new(
        "Kỳ báo cáo dài tối đa một năm, để không trùng với cùng kỳ năm trước.",
        "The period may be at most a year long, so that it does not overlap the same period last year.");

    // What-if scenarios.
    public static readonly LocalizedText OnlyBoardsCreateScenarios = new("Chỉ Ban Tổ chức được lập kịch bản.", "Only an organisation board creates scenarios.");
    public static readonly LocalizedText ScenarioName = new("Cần tên dài từ 1 đến {0} ký tự.", "A name of 1 to {0} characters is required.");
    public static readonly LocalizedText ScenarioRootRequired = new("Cần chọn đơn vị mà kịch bản bao quát.", "The unit the scenario covers is required.");
    public static readonly LocalizedText ScenarioRootAbove = new(
        "Kịch bản trên '{0}' dành cho Ban Tổ chức của đơn vị đó hoặc cấp trên, không phải của bạn.",
        "Scenarios over '{0}' are for the board of that unit or one above it, and yours is not.");
    public static readonly LocalizedText ScenarioRefused = new("Kịch bản bị từ chối.", "The scenario was refused.");
    public static readonly LocalizedText ScenariosForBoards = new(
        "Kịch bản dành cho Ban Tổ chức và Ban Thường vụ.",
        "Scenarios are for organisation boards and standing committees.");
    public static readonly LocalizedText ScenarioMissing = new("Không có kịch bản '{0}'.", "Scenario '{0}' does not exist.");
    public static readonly LocalizedText ScenarioNotFound = new("Không có kịch bản '{0}'.", "There is no scenario '{0}'.");
    public static readonly LocalizedText ScenarioUnreadable = new("Không đọc được kịch bản.", "The scenario cannot be read.");
    public static readonly LocalizedText ScenarioApplied = new("Kịch bản đã được áp dụng.", "The scenario has been applied.");
    public static readonly LocalizedText EditRefused = new("Thao tác bị từ chối.", "The edit was refused.");
    public static readonly LocalizedText ScenarioNotApplicable = new("Không áp dụng được kịch bản.", "The scenario cannot be applied.");
    public static readonly LocalizedText ApplyConflicts = new(
        "Chưa áp dụng gì: chỉ tiêu thực tế của {0} đơn vị đã thay đổi từ khi lập kịch bản ({1}). Hãy lập kịch bản mới từ số liệu hiện tại.",
        "Nothing was applied: the live quotas of {0} unit(s) changed since the scenario was taken ({1}). Create a new scenario from the live figures.");
    public static readonly LocalizedText ScenarioOutsideSubtree = new(
        "Kịch bản '{0}' gồm cả đơn vị ngoài phạm vi đơn vị của bạn.",
        "Scenario '{0}' covers units outside the subtree of your unit.");
    public static readonly LocalizedText ScenarioBoardAbove = new(
        "Chỉ Ban Tổ chức của '{0}' hoặc cấp trên được sửa kịch bản '{1}'.",
        "Only the board of '{0}' or of a unit above it may change scenario '{1}'.");
    public static readonly LocalizedText EditTypeOneOf = new("Loại thao tác phải là một trong: {0}.", "The edit type must be one of {0}.");
    public static readonly LocalizedText MethodOneOf = new("Cách phân bổ phải là một trong: {0}.", "The method must be one of {0}.");
}
