package vn.childsafe.commons.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts single database fields with AES-256-GCM under a key ring held outside the database (docs/security.md,
 * "Encryption at rest"). A value is written {@code v2.<keyId>:<base64(iv ‖ ciphertext ‖ tag)>} and sealed with
 * the key id and a <em>context</em> naming its table, row and field as associated data: a value copied into another
 * row or field no longer decrypts, so someone who can write to the database cannot swap identities between reports
 * or secrets between agencies.
 * <p>
 * Values written before contexts were bound ({@code <keyId>:<base64>}, the key id as the only associated data) are
 * still read; {@link #isCurrent} is false for them and for values under a key other than the active one, and the
 * re-encryption job rewrites both, after which an old key can leave the ring.
 */
public final class FieldCipher {

    private static final String VERSION = "v2.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    /**
     * @param keys        key id → 256-bit key
     * @param activeKeyId the key new values are encrypted with; must be in {@code keys}
     */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active key '" + activeKeyId + "' is not in the key ring");
        }
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!id.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("Key ids are letters, digits, '-' and '_': " + id);
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("Key '" + id + "' must be 256 bits, is " + key.length * 8);
            }
            ring.put(id, new SecretKeySpec(key, "AES"));
        });
        this.keys = Map.copyOf(ring);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Parses a key ring written as {@code id:base64key,id2:base64key2}.
     */
    public static FieldCipher fromConfig(String keyRing, String activeKeyId) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : keyRing.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("Key ring entries are written id:base64key");
            }
            keys.put(parts[0], Base64.getDecoder().decode(parts[1]));
        }
        return new FieldCipher(keys, activeKeyId);
    }

    /**
     * The encrypted form of {@code plaintext}, bound to {@code context}; {@code null} stays {@code null}.
     *
     * @param context where the value is stored, e.g. {@code report/<id>/victim_name}; the same context must be
     *                given to {@link #decrypt}
     */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(activeKeyId, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return VERSION + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * The plaintext of a value written by {@link #encrypt} with the same {@code context}; {@code null} stays
     * {@code null}.
     *
     * @throws IllegalStateException when the value was tampered with, belongs to another context, or its key has
     *                               left the ring
     */
    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        boolean bound = stored.startsWith(VERSION);
        String keyId = stored.substring(bound ? VERSION.length() : 0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Key '" + keyId + "' is no longer in the key ring");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(bound ? associatedData(keyId, context) : keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: value tampered with, moved, or wrong key", e);
        }
    }

    /**
     * Whether {@code stored} is already written the way {@link #encrypt} writes today: bound to its context and
     * under the active key. {@code null} is current.
     */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(VERSION + activeKeyId + ":");
    }

    /** {@code stored} decrypted and encrypted again under the active key, bound to {@code context}. */
    public String reencrypt(String stored, String context) {
        return isCurrent(stored) ? stored : encrypt(decrypt(stored, context), context);
    }

    /** The key that encrypts new values. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Every key id in the ring. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** The SQL {@code LIKE} pattern matching current values, to find those that need re-encryption. */
    public String currentPattern() {
        // '_' is a LIKE wildcard and allowed in key ids: escaped, so that key_1 does not also match keyX1.
        return VERSION + activeKeyId.replace("_", "\\_") + ":%";
    }

    private static byte[] associatedData(String keyId, String context) {
        if (context == null || context.isEmpty()) {
            throw new IllegalArgumentException("A context is required");
        }
        return (VERSION + keyId + "\u0000" + context).getBytes(StandardCharsets.UTF_8);
    }
}
