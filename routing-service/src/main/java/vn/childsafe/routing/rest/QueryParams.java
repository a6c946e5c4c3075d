package vn.childsafe.routing.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import vn.childsafe.commons.problem.ProblemException;

/**
 * The resources' query parameters: absent or blank means null, anything that cannot be read answers 400 naming the
 * parameter.
 */
final class QueryParams {

    private QueryParams() {}

    /** {@code value} trimmed, or null when absent or blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code value} as a constant of {@code type}, case-insensitively; {@code name} says what it is in the 400. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Unknown " + name + " '" + value + "'.", null);
        }
    }

    /** {@code value} as a date (2025-07-01). */
    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be a date like 2025-07-01.", null);
        }
    }

    /**
     * {@code value} as an ISO-8601 instant, or as a date (2026-11-01) meaning its first moment in {@code zone}: the
     * {@code from} and {@code to} of the case list and the statistics.
     */
    static Instant instant(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(zone).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant or date, e.g. 2026-11-01.", null);
        }
    }
}
