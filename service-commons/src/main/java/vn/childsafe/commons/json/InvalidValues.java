package vn.childsafe.commons.json;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonStreamContext;

import vn.childsafe.commons.problem.Problem;

/**
 * The invalid enum values met while one request body is read, so that all of them are named in one 400 together
 * with every other violation, instead of the first one alone ({@link AllViolationsReader}). Active only on the thread
 * reading a request body; elsewhere (Kafka records) an invalid value fails the read at once, as before.
 */
public final class InvalidValues {

    private static final ThreadLocal<List<Problem.FieldError>> CURRENT = new ThreadLocal<>();

    private InvalidValues() {}

    static void start() {
        CURRENT.set(new ArrayList<>());
    }

    static List<Problem.FieldError> finish() {
        List<Problem.FieldError> found = CURRENT.get();
        CURRENT.remove();
        return found == null ? List.of() : found;
    }

    /** Records an invalid value if a body is being read; {@code false} if not (the caller then fails as usual). */
    static boolean record(JsonStreamContext where, String message) {
        List<Problem.FieldError> found = CURRENT.get();
        if (found == null) {
            return false;
        }
        found.add(new Problem.FieldError(pointer(where), message));
        return true;
    }

    /** The JSON Pointer of the value the parser is at, e.g. {@code /content/0/platform}. */
    static String pointer(JsonStreamContext where) {
        List<String> tokens = new ArrayList<>();
        for (JsonStreamContext c = where; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                tokens.add(0, c.getCurrentName().replace("~", "~0").replace("/", "~1"));
            } else if (c.inArray()) {
                tokens.add(0, String.valueOf(Math.max(c.getCurrentIndex(), 0)));
            }
        }
        return tokens.isEmpty() ? "" : "/" + String.join("/", tokens);
    }
}
