package vn.childsafe.routing.domain;

import java.util.Optional;

/**
 * The kinds of responsible unit (loại cơ quan) a routing rule can name (docs/routing-rules.md, section 3). The jurisdiction of a type is
 * its level: commune, province or national. Fallbacks walk up these levels when no unit is registered.
 */
public enum AgencyType {
    /** Công an tỉnh/thành phố: provincial police. */
    POLICE_PROVINCE(Level.PROVINCE),
    /** Công an xã/phường/đặc khu: commune police. */
    POLICE_COMMUNE(Level.COMMUNE),
    /** Provincial child-protection office (cơ quan bảo vệ trẻ em cấp tỉnh). */
    CHILD_PROTECTION_PROVINCE(Level.PROVINCE),
    /** Sở Giáo dục và Đào tạo: provincial department of education. */
    EDUCATION_PROVINCE(Level.PROVINCE),
    /** Provincial information / online-content department. */
    INFORMATION_PROVINCE(Level.PROVINCE),
    /** UBND xã: the commune people's committee and its child-protection officer. */
    COMMUNE_COMMITTEE(Level.COMMUNE),
    /** Liaison of the national child-protection hotline 111 (Tổng đài 111). */
    HOTLINE_111(Level.NATIONAL),
    /** Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05, Bộ Công an). */
    NATIONAL_CYBER_POLICE(Level.NATIONAL),
    /** Cục An toàn thông tin / VN-COP: national information security authority. */
    NATIONAL_INFOSEC(Level.NATIONAL);

    /** The administrative level an agency of a type answers for. */
    public enum Level {
        COMMUNE,
        PROVINCE,
        NATIONAL
    }

    private final Level level;

    AgencyType(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }

    /** The province type a commune type falls back to when its commune has no registered unit. */
    public Optional<AgencyType> provinceFallback() {
        return switch (this) {
            case POLICE_COMMUNE -> Optional.of(POLICE_PROVINCE);
            case COMMUNE_COMMITTEE -> Optional.of(CHILD_PROTECTION_PROVINCE);
            default -> Optional.empty();
        };
    }

    /**
     * The national type that stands in when a province has no unit of this type, or the location is unknown:
     * police types go to the national cyber police, the information department to the national infosec
     * authority, everything else to the 111 hotline liaison. A national type is its own fallback.
     */
    public AgencyType nationalFallback() {
        return switch (this) {
            case POLICE_PROVINCE, POLICE_COMMUNE, NATIONAL_CYBER_POLICE -> NATIONAL_CYBER_POLICE;
            case INFORMATION_PROVINCE, NATIONAL_INFOSEC -> NATIONAL_INFOSEC;
            default -> HOTLINE_111;
        };
    }
}
