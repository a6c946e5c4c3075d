package vn.childsafe.notify.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, non-reversible name for a signing secret, so that admins can tell which secrets are configured (and
 * compare with the unit's copy) without the API ever showing a secret again after it was written.
 */
public final class SecretFingerprint {

    private SecretFingerprint() {}

    /** {@code sha256:} and the first 16 hex digits of the secret's SHA-256. */
    public static String of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
