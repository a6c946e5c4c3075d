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

/**
 * An absolute http or https URL with a host, without credentials or fragment, of at most 2000 characters
 * ({@link ContactPointRules#webhookUrlProblem}); the message says which rule it breaks. {@code null} is valid (no
 * webhook).
 */
@Documented
@Constraint(validatedBy = WebhookUrl.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface WebhookUrl {

    String message() default "is not a valid webhook URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports the first rule the URL breaks. */
    class Validator implements ConstraintValidator<WebhookUrl, String> {

        @Override
        public boolean isValid(String url, ConstraintValidatorContext context) {
            String problem = url == null ? null : ContactPointRules.webhookUrlProblem(url);
            return problem == null || Violations.replaceMessage(context, problem);
        }
    }
}
