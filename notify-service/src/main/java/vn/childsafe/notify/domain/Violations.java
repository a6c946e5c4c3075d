package vn.childsafe.notify.domain;

import jakarta.validation.ConstraintValidatorContext;

/** Helpers for constraint validators whose message depends on what is wrong. */
public final class Violations {

    private Violations() {}

    /**
     * Reports {@code message} instead of the constraint's default, taken literally (not as a message template).
     *
     * @return {@code false}, for {@code isValid} to return
     */
    public static boolean replaceMessage(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
        return false;
    }

    /** {@code message} escaped so that message interpolation leaves it as it is. */
    static String literal(String message) {
        return message.replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$");
    }
}
