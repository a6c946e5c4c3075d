package vn.childsafe.intake.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts identity fields at rest with AES-256-GCM. Every value carries the id of the key that encrypted it
 * ({@code <keyId>:<base64(iv ‖ ciphertext ‖ tag)>}), so a new active key encrypts new writes while values
 * written under older keys stay readable as long as those keys stay in the key ring.
 */
public final class FieldCipher {

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

    /** The encrypted form of {@code plaintext}; {@code null} stays {@code null}. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plaintext of a value written by {@link #encrypt}; {@code null} stays {@code null}. */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        String keyId = stored.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Key '" + keyId + "' is no longer in the key ring");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: value tampered with or wrong key", e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }
}
