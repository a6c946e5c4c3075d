package vn.childsafe.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.notify.domain.ContactPointRules.Violation;

class ContactPointRulesTest {

    private static final String SECRET = WebhookSignature.newSecret();

    private static List<String> pointers(List<Violation> violations) {
        return violations.stream().map(Violation::pointer).toList();
    }

    @Test
    void aWebhookWithASecretAndContactsIsValid() {
        assertThat(ContactPointRules.validate("https://cand.hanoi.gov.vn/hooks?x=1", List.of(SECRET),
                List.of("truc-ban@cand.hanoi.gov.vn"), List.of("+84912345678"))).isEmpty();
        assertThat(ContactPointRules.validate("http://127.0.0.1:8089/hooks/CA-01", List.of(SECRET), null, null))
                .isEmpty();
    }

    @Test
    void aContactPointWithoutWebhookNeedsNoSecret() {
        assertThat(ContactPointRules.validate(null, null, List.of("a@b.vn"), null)).isEmpty();
    }

    @Test
    void webhookUrlMustBeAbsoluteHttpWithoutCredentials() {
        for (String url : List.of("ftp://host/x", "/hooks/relative", "not a url", "http://", "",
                "https://user:pw@host/x", "https://host/x#frag")) {
            assertThat(pointers(ContactPointRules.validate(url, List.of(SECRET), null, null)))
                    .as(url).containsExactly("/webhookUrl");
        }
    }

    @Test
    void aWebhookNeedsAtLeastOneSecret() {
        assertThat(pointers(ContactPointRules.validate("https://host/x", List.of(), null, null)))
                .containsExactly("/secrets");
        assertThat(pointers(ContactPointRules.validate("https://host/x", null, null, null)))
                .containsExactly("/secrets");
    }

    @Test
    void secretsMustBeWhsecBase64OfEnoughBytes() {
        String tooShort = "whsec_" + Base64.getEncoder().encodeToString(new byte[8]);
        List<Violation> violations = ContactPointRules.validate("https://host/x",
                List.of(SECRET, "secret", "whsec_!!notbase64!!", tooShort), null, null);
        assertThat(pointers(violations)).containsExactly("/secrets/1", "/secrets/2", "/secrets/3");
        assertThat(ContactPointRules.isValidSecret(SECRET)).isTrue();
    }

    @Test
    void everyInvalidEntryIsReportedAtOnce() {
        List<Violation> violations = ContactPointRules.validate("gopher://x", List.of(), List.of("ok@a.vn",
                "no-at-sign"), List.of("+84912345678", "12ab"));
        assertThat(pointers(violations)).containsExactly("/webhookUrl", "/secrets", "/emails/1", "/smsNumbers/1");
    }

    @Test
    void agencyCodesAreRestrictedToSafeCharacters() {
        assertThat(ContactPointRules.AGENCY_CODE.matcher("HOTLINE_111").matches()).isTrue();
        assertThat(ContactPointRules.AGENCY_CODE.matcher("CA-01.X").matches()).isTrue();
        assertThat(ContactPointRules.AGENCY_CODE.matcher("../etc").matches()).isFalse();
        assertThat(ContactPointRules.AGENCY_CODE.matcher("a b").matches()).isFalse();
    }

    @Test
    void fingerprintIsStableShortAndDoesNotRevealTheSecret() {
        String fingerprint = SecretFingerprint.of(SECRET);
        assertThat(fingerprint).matches("sha256:[0-9a-f]{16}").isEqualTo(SecretFingerprint.of(SECRET))
                .isNotEqualTo(SecretFingerprint.of(WebhookSignature.newSecret()));
    }
}
