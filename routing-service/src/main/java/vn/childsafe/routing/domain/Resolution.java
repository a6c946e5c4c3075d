package vn.childsafe.routing.domain;

import java.util.List;

/**
 * Where a report is routed, in today's geography: the resolved province and, where known, commune, plus notes
 * that say how the codes as sent were read (legacy mapping, ignored or unknown codes). The notes are recorded on
 * the case so that a unit can see why it got it.
 *
 * @param provinceCode today's province code, {@code null} when no province could be resolved
 * @param provinceName its Vietnamese name, {@code null} with the code
 * @param communeCode  today's commune code (5 digits) or {@code null}
 * @param level        the finest level resolved
 * @param notes        how the location was resolved, one human-readable line each
 */
public record Resolution(
        String provinceCode, String provinceName, String communeCode, Level level, List<String> notes) {

    /** How precisely a location was resolved. */
    public enum Level {
        /** Today's commune (xã, phường, đặc khu) is known. */
        COMMUNE,
        /** Only today's province is known. */
        PROVINCE,
        /** No usable location: routing goes to national units. */
        NONE
    }

    public Resolution {
        notes = List.copyOf(notes);
    }

    /** No location could be resolved. */
    public static Resolution none(List<String> notes) {
        return new Resolution(null, null, null, Level.NONE, notes);
    }

    /** Whether a province was resolved. */
    public boolean hasProvince() {
        return provinceCode != null;
    }
}
