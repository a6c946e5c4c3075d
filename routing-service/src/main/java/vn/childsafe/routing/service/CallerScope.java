package vn.childsafe.routing.service;

/**
 * What a caller may see: admins and ops see everything; a unit (đơn vị) sees only what concerns its own agency,
 * named by the {@code agency} claim of its token. Anything outside the scope is answered as if it did not exist.
 *
 * @param seesAll    whether the caller sees every agency and case
 * @param agencyCode the caller's agency, for unit callers; {@code null} otherwise
 */
public record CallerScope(boolean seesAll, String agencyCode) {

    public static CallerScope everything() {
        return new CallerScope(true, null);
    }

    /** A unit caller; a token without an agency claim sees nothing. */
    public static CallerScope unit(String agencyCode) {
        return new CallerScope(false, agencyCode == null || agencyCode.isBlank() ? null : agencyCode);
    }

    /** Whether the caller may see the agency with this code. */
    public boolean maySee(String code) {
        return seesAll || (agencyCode != null && agencyCode.equals(code));
    }
}
