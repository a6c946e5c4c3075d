package vn.childsafe.commons.geo;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in province table (docs/routing-rules.md, section 1): the 34 provinces in force since 1 July 2025 (Nghị quyết
 * 202/2025/QH15) and the 63 provinces before it, each legacy province mapped to exactly the one current
 * province it was merged into. Communes and the legacy ward mapping are reference data loaded by routing-service, not code. Intake uses
 * this table to check codes, routing to resolve them.
 *
 * <p>Every current code was also a legacy code (the merged province kept one of its members' codes), so a code
 * such as {@code 44} means "Quảng Trị" today and "Quảng Bình" in a legacy report; {@link LocationResolver}
 * decides which reading applies.
 */
public final class ProvinceTable {

    /** A province in force today (tỉnh, thành phố trực thuộc trung ương). */
    public record CurrentProvince(String code, String name) {}

    /** A province of the 63-province geography (before 1 July 2025) and the current province it became part of. */
    public record LegacyProvince(String code, String name, String currentCode) {}

    private static final ProvinceTable BUILT_IN = create();

    private final Map<String, CurrentProvince> current;
    private final Map<String, LegacyProvince> legacy;

    private ProvinceTable(Map<String, CurrentProvince> current, Map<String, LegacyProvince> legacy) {
        this.current = Collections.unmodifiableMap(current);
        this.legacy = Collections.unmodifiableMap(legacy);
        for (LegacyProvince province : legacy.values()) {
            if (!current.containsKey(province.currentCode())) {
                throw new IllegalStateException(
                        "Legacy province " + province.code() + " maps to unknown current " + province.currentCode());
            }
        }
    }

    /** The table shipped with the service. */
    public static ProvinceTable builtIn() {
        return BUILT_IN;
    }

    private static ProvinceTable create() {
        Map<String, CurrentProvince> current = new LinkedHashMap<>();
        Map<String, LegacyProvince> legacy = new LinkedHashMap<>();
        // Current province, then the legacy provinces merged into it ("code name" pairs).
        Object[][] rows = {
            {"01", "Hà Nội", List.of("01 Hà Nội")},
            {"04", "Cao Bằng", List.of("04 Cao Bằng")},
            {"08", "Tuyên Quang", List.of("02 Hà Giang", "08 Tuyên Quang")},
            {"11", "Điện Biên", List.of("11 Điện Biên")},
            {"12", "Lai Châu", List.of("12 Lai Châu")},
            {"14", "Sơn La", List.of("14 Sơn La")},
            {"15", "Lào Cai", List.of("10 Lào Cai", "15 Yên Bái")},
            {"19", "Thái Nguyên", List.of("06 Bắc Kạn", "19 Thái Nguyên")},
            {"20", "Lạng Sơn", List.of("20 Lạng Sơn")},
            {"22", "Quảng Ninh", List.of("22 Quảng Ninh")},
            {"24", "Bắc Ninh", List.of("24 Bắc Giang", "27 Bắc Ninh")},
            {"25", "Phú Thọ", List.of("17 Hoà Bình", "25 Phú Thọ", "26 Vĩnh Phúc")},
            {"31", "Hải Phòng", List.of("30 Hải Dương", "31 Hải Phòng")},
            {"33", "Hưng Yên", List.of("33 Hưng Yên", "34 Thái Bình")},
            {"37", "Ninh Bình", List.of("35 Hà Nam", "36 Nam Định", "37 Ninh Bình")},
            {"38", "Thanh Hoá", List.of("38 Thanh Hoá")},
            {"40", "Nghệ An", List.of("40 Nghệ An")},
            {"42", "Hà Tĩnh", List.of("42 Hà Tĩnh")},
            {"44", "Quảng Trị", List.of("44 Quảng Bình", "45 Quảng Trị")},
            {"46", "Huế", List.of("46 Huế")},
            {"48", "Đà Nẵng", List.of("48 Đà Nẵng", "49 Quảng Nam")},
            {"51", "Quảng Ngãi", List.of("51 Quảng Ngãi", "62 Kon Tum")},
            {"52", "Gia Lai", List.of("52 Bình Định", "64 Gia Lai")},
            {"56", "Khánh Hoà", List.of("56 Khánh Hoà", "58 Ninh Thuận")},
            {"66", "Đắk Lắk", List.of("54 Phú Yên", "66 Đắk Lắk")},
            {"68", "Lâm Đồng", List.of("60 Bình Thuận", "67 Đắk Nông", "68 Lâm Đồng")},
            {"75", "Đồng Nai", List.of("70 Bình Phước", "75 Đồng Nai")},
            {"79", "Hồ Chí Minh", List.of("74 Bình Dương", "77 Bà Rịa - Vũng Tàu", "79 Hồ Chí Minh")},
            {"80", "Tây Ninh", List.of("72 Tây Ninh", "80 Long An")},
            {"82", "Đồng Tháp", List.of("82 Tiền Giang", "87 Đồng Tháp")},
            {"86", "Vĩnh Long", List.of("83 Bến Tre", "84 Trà Vinh", "86 Vĩnh Long")},
            {"91", "An Giang", List.of("89 An Giang", "91 Kiên Giang")},
            {"92", "Cần Thơ", List.of("92 Cần Thơ", "93 Hậu Giang", "94 Sóc Trăng")},
            {"96", "Cà Mau", List.of("95 Bạc Liêu", "96 Cà Mau")},
        };
        for (Object[] row : rows) {
            String code = (String) row[0];
            current.put(code, new CurrentProvince(code, (String) row[1]));
            @SuppressWarnings("unchecked")
            List<String> members = (List<String>) row[2];
            for (String member : members) {
                String legacyCode = member.substring(0, 2);
                if (legacy.put(legacyCode, new LegacyProvince(legacyCode, member.substring(3), code)) != null) {
                    throw new IllegalStateException("Legacy province " + legacyCode + " listed twice");
                }
            }
        }
        return new ProvinceTable(current, legacy);
    }

    /** The current province with this code, if there is one. */
    public Optional<CurrentProvince> current(String code) {
        return Optional.ofNullable(code == null ? null : current.get(code));
    }

    /** The legacy province with this code, if there is one. */
    public Optional<LegacyProvince> legacy(String code) {
        return Optional.ofNullable(code == null ? null : legacy.get(code));
    }

    /** The 34 current provinces, in code order. */
    public Collection<CurrentProvince> currentProvinces() {
        return current.values();
    }

    /** The 63 legacy provinces, grouped by the current province they became part of. */
    public Collection<LegacyProvince> legacyProvinces() {
        return legacy.values();
    }
}
