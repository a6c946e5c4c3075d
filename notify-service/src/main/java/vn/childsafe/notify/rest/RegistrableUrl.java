package vn.childsafe.notify.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import vn.childsafe.notify.domain.ContactPointRules;
import vn.childsafe.notify.domain.Violations;
import vn.childsafe.notify.service.OutboundUrls;

/**
 * A URL that notify may be configured to send to: https to a public address ({@link OutboundUrls}, the SSRF rules of
 * docs/architecture.md); the message says why not. A missing, blank or over-long URL is left to {@code @NotBlank} and
 * {@code @Size}.
 */
@Documented
@Constraint(validatedBy = RegistrableUrl.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface RegistrableUrl {

    String message() default "may not be used as an outbound URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks the configured outbound URL policy, which resolves the host. */
    class Validator implements ConstraintValidator<RegistrableUrl, String> {

        @Inject
        OutboundUrls outboundUrls;

        @Override
        public boolean isValid(String url, ConstraintValidatorContext context) {
            if (url == null || url.isBlank() || url.length() > ContactPointRules.MAX_URL_LENGTH) {
                return true;
            }
            String problem = outboundUrls.registrationProblem(url);
            return problem == null || Violations.replaceMessage(context, problem);
        }
    }
}
