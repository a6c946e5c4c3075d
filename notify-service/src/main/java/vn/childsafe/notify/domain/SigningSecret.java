package vn.childsafe.notify.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A Standard Webhooks signing secret {@code whsec_<base64 of 24 to 64 bytes>}; {@code null} is invalid. */
@Documented
@Constraint(validatedBy = SigningSecret.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface SigningSecret {

    String message() default "must be whsec_ followed by the base64 of 24 to 64 random bytes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** {@link ContactPointRules#isValidSecret}. */
    class Validator implements ConstraintValidator<SigningSecret, String> {

        @Override
        public boolean isValid(String secret, ConstraintValidatorContext context) {
            return ContactPointRules.isValidSecret(secret);
        }
    }
}
