package vn.childsafe.commons.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] K1 = new byte[32];
    private static final byte[] K2 = Base64.getDecoder().decode("HxwdHhsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=");
    private static final String ROW_A = "report/7c0e/victim_name_enc";
    private static final String ROW_B = "report/9f41/victim_name_enc";

    @Test
    void roundTripsVietnameseTextAndHidesIt() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        String stored = cipher.encrypt("Nguyễn Thị Ánh", ROW_A);
        assertThat(stored).startsWith("v2.k1:").doesNotContain("Nguy").doesNotContain("Ánh");
        assertThat(cipher.decrypt(stored, ROW_A)).isEqualTo("Nguyễn Thị Ánh");
        assertThat(cipher.encrypt("Nguyễn Thị Ánh", ROW_A)).isNotEqualTo(stored);
        assertThat(cipher.encrypt(null, ROW_A)).isNull();
        assertThat(cipher.decrypt(null, ROW_A)).isNull();
    }

    @Test
    void aValueMovedToAnotherRowOrFieldNoLongerDecrypts() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        String stored = cipher.encrypt("0912345678", ROW_A);
        assertThatThrownBy(() -> cipher.decrypt(stored, ROW_B)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, "report/7c0e/reporter_phone_enc"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.encrypt("x", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewActiveKeyEncryptsNewValuesWhileOldOnesStayReadableUntilReencrypted() {
        String old = new FieldCipher(Map.of("k1", K1), "k1").encrypt("0912345678", ROW_A);
        FieldCipher rotated = new FieldCipher(Map.of("k1", K1, "k2", K2), "k2");
        assertThat(rotated.decrypt(old, ROW_A)).isEqualTo("0912345678");
        assertThat(rotated.isCurrent(old)).isFalse();
        String again = rotated.reencrypt(old, ROW_A);
        assertThat(again).startsWith("v2.k2:");
        assertThat(rotated.isCurrent(again)).isTrue();
        assertThat(rotated.reencrypt(again, ROW_A)).isSameAs(again);
        assertThat(new FieldCipher(Map.of("k2", K2), "k2").decrypt(again, ROW_A))
                .isEqualTo("0912345678");
        assertThat(rotated.currentPattern()).isEqualTo("v2.k2:%");
        assertThat(new FieldCipher(Map.of("key_1", K1), "key_1").currentPattern())
                .isEqualTo("v2.key\\_1:%");
    }

    @Test
    void valuesWrittenBeforeContextsWereBoundStayReadableAndAreNotCurrent() throws Exception {
        String legacy = legacyEncrypt("k1", K1, "Lê Văn Nam");
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        assertThat(cipher.decrypt(legacy, ROW_A)).isEqualTo("Lê Văn Nam");
        assertThat(cipher.isCurrent(legacy)).isFalse();
        String bound = cipher.reencrypt(legacy, ROW_A);
        assertThat(cipher.decrypt(bound, ROW_A)).isEqualTo("Lê Văn Nam");
        assertThatThrownBy(() -> cipher.decrypt(bound, ROW_B)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void detectsTamperingAndMissingKeys() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        String stored = cipher.encrypt("secret", ROW_A);
        byte[] sealed = Base64.getDecoder().decode(stored.substring("v2.k1:".length()));
        sealed[sealed.length / 2] ^= 1;
        String tampered = "v2.k1:" + Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> cipher.decrypt(tampered, ROW_A)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(Map.of("k2", K2), "k2").decrypt(stored, ROW_A))
                .hasMessageContaining("k1");
        // The key id is authenticated: relabelling a value with another key's id fails.
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", K1, "k3", K1), "k1")
                        .decrypt("v2.k3" + stored.substring("v2.k1".length()), ROW_A))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesWeakOrMissingKeys() {
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", new byte[16]), "k1"))
                .hasMessageContaining("256");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", K1), "k2")).hasMessageContaining("k2");
        assertThatThrownBy(() -> new FieldCipher(Map.of("v2.k", K1), "v2.k")).hasMessageContaining("Key ids");
        FieldCipher parsed = FieldCipher.fromConfig(
                "a:" + Base64.getEncoder().encodeToString(K1) + ", b:"
                        + Base64.getEncoder().encodeToString(K2),
                "b");
        assertThat(parsed.activeKeyId()).isEqualTo("b");
        assertThat(parsed.keyIds()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void encryptedColumnsAcceptOnlyPlainIdentifiers() {
        EncryptedColumn column = new EncryptedColumn("report", "id", "uuid", "victim_name_enc");
        assertThat(column.context("7c0e")).isEqualTo(ROW_A);
        assertThatThrownBy(() -> new EncryptedColumn("report; DROP TABLE report", "id", "uuid", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A value as written before contexts were bound: the key id is the only associated data. */
    private static String legacyEncrypt(String keyId, byte[] key, String plaintext) throws Exception {
        byte[] iv = new byte[12];
        iv[0] = 7;
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return keyId + ":"
                + Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                                .put(iv)
                                .put(sealed)
                                .array());
    }
}
