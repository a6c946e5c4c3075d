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

/** A platform's domain name such as {@code tiktok.com}; {@code null} is invalid. */
@Documented
@Constraint(validatedBy = DomainName.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface DomainName {

    String message() default "must be a domain name such as tiktok.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** {@link PlatformDomains#isValidDomain}. */
    class Validator implements ConstraintValidator<DomainName, String> {

        @Override
        public boolean isValid(String domain, ConstraintValidatorContext context) {
            return PlatformDomains.isValidDomain(domain);
        }
    }
}
