package vn.childsafe.intake.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import vn.childsafe.commons.geo.ProvinceTable;

/**
 * A province code that is one of today's 34 provinces or one of the 63 before the 1 July 2025 reform; {@code null}
 * is valid (the location is optional).
 */
@Documented
@Constraint(validatedBy = KnownProvinceCode.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownProvinceCode {

    String message() default "is not a province code (neither one of the 34 current nor of the 63 legacy provinces)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the code against the built-in province table. */
    class Validator implements ConstraintValidator<KnownProvinceCode, String> {

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            if (code == null || !code.matches("\\d{2}")) {
                return true; // absent, or already reported by @Pattern
            }
            ProvinceTable table = ProvinceTable.builtIn();
            return table.current(code).isPresent() || table.legacy(code).isPresent();
        }
    }
}
