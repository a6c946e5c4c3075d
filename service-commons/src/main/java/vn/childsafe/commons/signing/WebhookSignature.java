package vn.childsafe.commons.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): {@code webhook-signature: v1,<base64 HMAC-SHA256>} over
 * {@code webhook-id.webhook-timestamp.body}, keyed with the secret's bytes ({@code whsec_<base64>}). Pure JDK,
 * so the demo unit inbox and unit-side examples can use it too.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {}

    /** A new random secret in the {@code whsec_} format. */
    public static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code v1,<signature>} value for one secret. */
    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes(secret), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal((webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The header value signed with every secret, space-separated (several while a secret is rotated). */
    public static String signAll(Collection<String> secrets, String webhookId, long timestampSeconds, String body) {
        return String.join(
                " ",
                secrets.stream()
                        .map(s -> sign(s, webhookId, timestampSeconds, body))
                        .toList());
    }

    /**
     * Whether {@code signatureHeader} holds a valid signature by {@code secret} and the timestamp is within
     * {@code tolerance} of {@code now} (replay protection).
     */
    public static boolean verify(
            String secret,
            String webhookId,
            String timestamp,
            String body,
            String signatureHeader,
            Instant now,
            Duration tolerance) {
        if (webhookId == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, webhookId, seconds, body).getBytes(StandardCharsets.UTF_8);
        for (String candidate : signatureHeader.trim().split("\\s+")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] keyBytes(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
