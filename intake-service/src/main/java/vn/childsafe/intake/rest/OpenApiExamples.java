package vn.childsafe.intake.rest;

/** Realistic examples shown in the OpenAPI document. */
final class OpenApiExamples {

    static final String REPORT = """
            {
              "source": {"channel": "HOTLINE_111", "reference": "111-2026-000123"},
              "category": "GROOMING",
              "urgency": "HIGH",
              "description": "Mẹ của cháu gọi tổng đài 111: một tài khoản lạ trên Facebook liên tục nhắn tin dụ dỗ cháu gửi ảnh nhạy cảm và hẹn gặp.",
              "occurredAt": "2026-11-20T10:00:00+07:00",
              "location": {"provinceCode": "01", "communeCode": "00004", "address": "Phường Ba Đình, Hà Nội"},
              "victim": {"ageYears": 12, "gender": "FEMALE", "name": "Nguyễn Thị A", "school": "Trường THCS Ba Đình"},
              "reporter": {"anonymous": false, "name": "Trần Thị B", "phone": "0912345678", "email": "me.chau@example.vn", "relationship": "PARENT"},
              "content": [{"url": "https://www.facebook.com/profile.php?id=100000000000001", "platform": "facebook"}]
            }""";

    static final String ACCEPTED = """
            {"reportId": "0f8c2a57-4f0e-4d55-9a53-3f1d6f3a9b21", "trackingCode": "CS-7KQ4-MX2P",
             "status": "RECEIVED", "receivedAt": "2026-11-20T03:05:12.345Z"}""";

    static final String PROBLEM_400 = """
            {"type": "https://childsafe.gov.vn/problems/validation", "title": "Invalid request", "status": 400,
             "detail": "2 field(s) of the request are invalid.", "instance": "/api/v1/reports",
             "errors": [{"pointer": "/description", "message": "must not be blank"},
                        {"pointer": "/location/provinceCode", "message": "must be 2 digits"}]}""";

    static final String PROBLEM_403 = """
            {"title": "Forbidden", "status": 403, "detail": "Your role does not allow this operation.",
             "instance": "/api/v1/reports"}""";

    static final String PROBLEM_404 = """
            {"title": "Not Found", "status": 404,
             "detail": "No report 0f8c2a57-4f0e-4d55-9a53-3f1d6f3a9b21 was submitted by you.",
             "instance": "/api/v1/reports/0f8c2a57-4f0e-4d55-9a53-3f1d6f3a9b21"}""";

    static final String PROBLEM_409 = """
            {"type": "https://childsafe.gov.vn/problems/idempotency-in-progress", "title": "Conflict", "status": 409,
             "detail": "A request with this Idempotency-Key is still being processed; retry in a moment.",
             "instance": "/api/v1/reports"}""";

    static final String PROBLEM_413 = """
            {"title": "Content Too Large", "status": 413, "detail": "The request body is larger than 65536 bytes.",
             "instance": "/api/v1/reports"}""";

    static final String PROBLEM_415 = """
            {"title": "Unsupported Media Type", "status": 415,
             "detail": "The request media type is not supported; send application/json.", "instance": "/api/v1/reports"}""";

    static final String PROBLEM_422 = """
            {"type": "https://childsafe.gov.vn/problems/idempotency-key-reused", "title": "Unprocessable Content",
             "status": 422, "detail": "This Idempotency-Key was already used with a different request body.",
             "instance": "/api/v1/reports"}""";

    static final String STATUS = """
            {"reportId": "0f8c2a57-4f0e-4d55-9a53-3f1d6f3a9b21", "trackingCode": "CS-7KQ4-MX2P", "status": "ROUTED",
             "caseId": "6a1d9a0e-3c55-4a53-a7d5-2b9a3d1c7e10", "leadAgencyCode": "CA-01",
             "leadAgencyName": "Công an Thành phố Hà Nội", "receivedAt": "2026-11-20T03:05:12.345Z",
             "statusChangedAt": "2026-11-20T03:05:12.911Z"}""";

    private OpenApiExamples() {}
}
