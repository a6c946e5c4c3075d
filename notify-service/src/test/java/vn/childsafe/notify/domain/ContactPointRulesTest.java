package vn.childsafe.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import vn.childsafe.commons.problem.ProblemExceptionMappers;
import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.notify.rest.ContactPointRequest;

/** The rules of a contact point, as the Bean Validation constraints of {@link ContactPointRequest} apply them. */
class ContactPointRulesTest {

    private static final String SECRET = WebhookSignature.newSecret();
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    /** The JSON Pointers of the violations of a contact point request; {@code null} lists are absent fields. */
    private static List<String> validate(
            String webhookUrl, List<String> secrets, List<String> emails, List<String> smsNumbers) {
        ContactPointRequest request = new ContactPointRequest();
        request.webhookUrl = webhookUrl;
        request.secrets = secrets;
        request.emails = emails;
        request.smsNumbers = smsNumbers;
        return VALIDATOR.validate(request).stream()
                .map(ProblemExceptionMappers::pointer)
                .toList();
    }

    @Test
    void aWebhookWithASecretAndContactsIsValid() {
        assertThat(validate(
                        "https://cand.hanoi.gov.vn/hooks?x=1",
                        List.of(SECRET),
                        List.of("truc-ban@cand.hanoi.gov.vn"),
                        List.of("+84912345678")))
                .isEmpty();
        assertThat(validate("http://127.0.0.1:8089/hooks/CA-01", List.of(SECRET), null, null))
                .isEmpty();
    }

    @Test
    void aContactPointWithoutWebhookNeedsNoSecret() {
        assertThat(validate(null, null, List.of("a@b.vn"), null)).isEmpty();
    }

    @Test
    void webhookUrlMustBeAbsoluteHttpWithoutCredentials() {
        for (String url : List.of(
                "ftp://host/x",
                "/hooks/relative",
                "not a url",
                "http://",
                "",
                "https://user:pw@host/x",
                "https://host/x#frag")) {
            assertThat(validate(url, List.of(SECRET), null, null)).as(url).containsExactly("/webhookUrl");
            assertThat(ContactPointRules.webhookUrlProblem(url)).as(url).isNotNull();
        }
    }

    @Test
    void aWebhookNeedsAtLeastOneSecret() {
        assertThat(validate("https://host/x", List.of(), null, null)).containsExactly("/secrets");
        assertThat(validate("https://host/x", null, null, null)).containsExactly("/secrets");
    }

    @Test
    void secretsMustBeWhsecBase64OfEnoughBytes() {
        String tooShort = "whsec_" + Base64.getEncoder().encodeToString(new byte[8]);
        List<String> violations =
                validate("https://host/x", List.of(SECRET, "secret", "whsec_!!notbase64!!", tooShort), null, null);
        assertThat(violations).containsExactlyInAnyOrder("/secrets/1", "/secrets/2", "/secrets/3");
        assertThat(ContactPointRules.isValidSecret(SECRET)).isTrue();
    }

    @Test
    void everyInvalidEntryIsReportedAtOnce() {
        List<String> violations =
                validate("gopher://x", List.of(), List.of("ok@a.vn", "no-at-sign"), List.of("+84912345678", "12ab"));
        assertThat(violations).containsExactlyInAnyOrder("/webhookUrl", "/secrets", "/emails/1", "/smsNumbers/1");
    }

    @Test
    void agencyCodesAreRestrictedToSafeCharacters() {
        assertThat(ContactPointRules.AGENCY_CODE.matcher("HOTLINE_111").matches())
                .isTrue();
        assertThat(ContactPointRules.AGENCY_CODE.matcher("CA-01.X").matches()).isTrue();
        assertThat(ContactPointRules.AGENCY_CODE.matcher("../etc").matches()).isFalse();
        assertThat(ContactPointRules.AGENCY_CODE.matcher("a b").matches()).isFalse();
    }

    @Test
    void fingerprintIsStableShortAndDoesNotRevealTheSecret() {
        String fingerprint = SecretFingerprint.of(SECRET);
        assertThat(fingerprint)
                .matches("sha256:[0-9a-f]{16}")
                .isEqualTo(SecretFingerprint.of(SECRET))
                .isNotEqualTo(SecretFingerprint.of(WebhookSignature.newSecret()));
    }
}
