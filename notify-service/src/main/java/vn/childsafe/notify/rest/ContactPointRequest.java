package vn.childsafe.notify.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.notify.domain.ContactPointRules;
import vn.childsafe.notify.domain.SigningSecret;
import vn.childsafe.notify.domain.WebhookUrl;

/**
 * Body of {@code PUT /api/v1/contact-points/{agencyCode}}: the whole contact point (create or replace). Unknown
 * fields are collected and rejected, so that a misspelt field never silently leaves an agency unreachable. Where it
 * may send to (public addresses) is checked by the service once the body is valid.
 */
@ContactPointRequest.SecretWithWebhook
@Schema(name = "ContactPointRequest", description = "How to reach an agency. Replaces the whole contact point.")
public class ContactPointRequest extends StrictRequest {

    private static final String EMAIL_MESSAGE = "must be an e-mail address";
    private static final String SMS_MESSAGE = "must be a phone number of 8 to 15 digits, optionally starting with +";

    @Schema(
            description =
                    "Absolute https URL that receives Standard Webhooks-signed POSTs; omit or null for "
                            + "none. Private, link-local and loopback addresses are refused (http only to loopback in dev/test).",
            examples = "https://cand.hanoi.gov.vn/childsafe/hooks",
            maxLength = 2000)
    @WebhookUrl
    public String webhookUrl;

    @Schema(
            description = "Signing secrets whsec_<base64 of 24-64 bytes>; required with a webhookUrl. Every "
                    + "secret signs each request, so a new secret can be added before the old one is removed.",
            maxItems = 5)
    @Size(max = ContactPointRules.MAX_SECRETS, message = "at most " + ContactPointRules.MAX_SECRETS + " secrets")
    public List<@SigningSecret String> secrets;

    @Schema(
            description = "E-mail addresses; each receives every alert as a Vietnamese e-mail (a delivery of its own).",
            maxItems = 20)
    @Size(max = ContactPointRules.MAX_EMAILS, message = "at most " + ContactPointRules.MAX_EMAILS + " entries")
    public List<
                    @NotNull(message = EMAIL_MESSAGE)
                    @Pattern(regexp = ContactPointRules.EMAIL_REGEX, message = EMAIL_MESSAGE) String>
            emails;

    @Schema(
            description = "Phone numbers for SMS, 8-15 digits, optional leading +; each receives every alert by "
                    + "SMS through the configured gateway (a delivery of its own).",
            maxItems = 20)
    @Size(
            max = ContactPointRules.MAX_SMS_NUMBERS,
            message = "at most " + ContactPointRules.MAX_SMS_NUMBERS + " entries")
    public List<
                    @NotNull(message = SMS_MESSAGE)
                    @Pattern(regexp = ContactPointRules.SMS_NUMBER_REGEX, message = SMS_MESSAGE) String>
            smsNumbers;

    /** A webhook URL needs at least one signing secret; reported at {@code /secrets}. */
    @Documented
    @Constraint(validatedBy = SecretWithWebhook.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface SecretWithWebhook {

        String message() default "at least one signing secret is required with a webhookUrl";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Checks the request as a whole, and names {@code secrets} as the field to fix. */
        class Validator implements ConstraintValidator<SecretWithWebhook, ContactPointRequest> {

            @Override
            public boolean isValid(ContactPointRequest request, ConstraintValidatorContext context) {
                if (request == null
                        || request.webhookUrl == null
                        || (request.secrets != null && !request.secrets.isEmpty())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("secrets")
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
