package vn.childsafe.local.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo agencies the local stack seeds: for provinces 01 Hà Nội, 31 Hải Phòng, 44 Quảng Trị and 75 Đồng Nai the
 * provincial police, child-protection, information and education units, plus the national units and the 111
 * hotline liaison. All their alerts go to the demo inbox.
 */
final class DemoData {

    /** A demo agency as routing-service stores it. */
    record Agency(String code, String name, String type, String provinceCode, String escalationParentCode) {}

    private static final String[][] PROVINCES = {
        {"01", "Thành phố Hà Nội"},
        {"31", "Thành phố Hải Phòng"},
        {"44", "tỉnh Quảng Trị"},
        {"75", "Thành phố Đồng Nai"},
    };

    private DemoData() {}

    static List<Agency> agencies() {
        List<Agency> agencies = new ArrayList<>();
        agencies.add(new Agency(
                "A05",
                "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05)",
                "NATIONAL_CYBER_POLICE",
                null,
                null));
        agencies.add(new Agency("VNCOP", "Cục An toàn thông tin (VN-COP)", "NATIONAL_INFOSEC", null, null));
        agencies.add(new Agency("HOTLINE_111", "Tổng đài quốc gia bảo vệ trẻ em 111", "HOTLINE_111", null, null));
        for (String[] p : PROVINCES) {
            String code = p[0];
            String name = p[1];
            agencies.add(new Agency("CA-" + code, "Công an " + name, "POLICE_PROVINCE", code, "A05"));
            agencies.add(new Agency(
                    "BVTE-" + code,
                    "Phòng Bảo vệ trẻ em, Sở Y tế " + name,
                    "CHILD_PROTECTION_PROVINCE",
                    code,
                    "HOTLINE_111"));
            agencies.add(new Agency(
                    "TTTT-" + code,
                    "Sở Khoa học và Công nghệ " + name + " (quản lý thông tin trên mạng)",
                    "INFORMATION_PROVINCE",
                    code,
                    "VNCOP"));
            agencies.add(new Agency(
                    "GDDT-" + code, "Sở Giáo dục và Đào tạo " + name, "EDUCATION_PROVINCE", code, "BVTE-" + code));
        }
        return agencies;
    }
}
