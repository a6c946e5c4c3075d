package vn.childsafe.commons.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void matchesTheStandardWebhooksReferenceVector() {
        // Test vector published with the Standard Webhooks specification's reference libraries.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verifiesOwnSignatureAndRejectsTampering() {
        String secret = WebhookSignature.newSecret();
        Instant now = Instant.parse("2026-11-20T03:00:00Z");
        String ts = String.valueOf(now.getEpochSecond());
        String header = WebhookSignature.sign(secret, "id-1", now.getEpochSecond(), "{\"a\":1}");

        assertThat(WebhookSignature.verify(secret, "id-1", ts, "{\"a\":1}", header, now, TOLERANCE))
                .isTrue();
        assertThat(WebhookSignature.verify(secret, "id-1", ts, "{\"a\":2}", header, now, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify(secret, "id-2", ts, "{\"a\":1}", header, now, TOLERANCE))
                .isFalse();
        assertThat(WebhookSignature.verify(
                        WebhookSignature.newSecret(), "id-1", ts, "{\"a\":1}", header, now, TOLERANCE))
                .isFalse();
    }

    @Test
    void rejectsStaleTimestamps() {
        String secret = WebhookSignature.newSecret();
        Instant signedAt = Instant.parse("2026-11-20T03:00:00Z");
        String header = WebhookSignature.sign(secret, "id", signedAt.getEpochSecond(), "x");
        assertThat(WebhookSignature.verify(
                        secret,
                        "id",
                        String.valueOf(signedAt.getEpochSecond()),
                        "x",
                        header,
                        signedAt.plus(Duration.ofMinutes(6)),
                        TOLERANCE))
                .isFalse();
    }

    @Test
    void acceptsAnyOfSeveralSignaturesDuringRotation() {
        String oldSecret = WebhookSignature.newSecret();
        String newSecret = WebhookSignature.newSecret();
        Instant now = Instant.now();
        String header = WebhookSignature.signAll(List.of(oldSecret, newSecret), "id", now.getEpochSecond(), "b");
        assertThat(header.split(" ")).hasSize(2);
        String ts = String.valueOf(now.getEpochSecond());
        assertThat(WebhookSignature.verify(oldSecret, "id", ts, "b", header, now, TOLERANCE))
                .isTrue();
        assertThat(WebhookSignature.verify(newSecret, "id", ts, "b", header, now, TOLERANCE))
                .isTrue();
    }
}
