package vn.childsafe.routing.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import vn.childsafe.commons.problem.ProblemException;

/** The {@code from} and {@code to} query parameters of the case list and the statistics. */
final class TimeParams {

    private TimeParams() {}

    /**
     * {@code value} as an ISO-8601 instant, or as a date (2026-11-01) meaning its first moment in {@code zone};
     * null when absent. Anything else answers 400.
     */
    static Instant parse(String name, String value, ZoneId zone) {
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
