package vn.childsafe.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] K1 = new byte[32];
    private static final byte[] K2 = Base64.getDecoder().decode("HxwdHhsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=");

    @Test
    void roundTripsVietnameseTextAndHidesIt() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        String stored = cipher.encrypt("Nguyễn Thị Ánh");
        assertThat(stored).startsWith("k1:").doesNotContain("Nguy").doesNotContain("Ánh");
        assertThat(cipher.decrypt(stored)).isEqualTo("Nguyễn Thị Ánh");
        assertThat(cipher.encrypt("Nguyễn Thị Ánh")).isNotEqualTo(stored);
    }

    @Test
    void aNewActiveKeyEncryptsNewValuesWhileOldOnesStayReadable() {
        String old = new FieldCipher(Map.of("k1", K1), "k1").encrypt("0912345678");
        FieldCipher rotated = new FieldCipher(Map.of("k1", K1, "k2", K2), "k2");
        assertThat(rotated.decrypt(old)).isEqualTo("0912345678");
        assertThat(rotated.encrypt("x")).startsWith("k2:");
    }

    @Test
    void detectsTamperingAndMissingKeys() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        String stored = cipher.encrypt("secret");
        byte[] sealed = Base64.getDecoder().decode(stored.substring(3));
        sealed[sealed.length / 2] ^= 1;
        String tampered = "k1:" + Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(Map.of("k2", K2), "k2").decrypt(stored))
                .hasMessageContaining("k1");
        // The key id is authenticated: relabelling a value with another key's id fails.
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", K1, "k3", K1), "k1").decrypt("k3" + stored.substring(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesWeakOrMissingKeys() {
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", new byte[16]), "k1")).hasMessageContaining("256");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", K1), "k2")).hasMessageContaining("k2");
        assertThat(FieldCipher.fromConfig("a:" + Base64.getEncoder().encodeToString(K1) + ", b:"
                + Base64.getEncoder().encodeToString(K2), "b").activeKeyId()).isEqualTo("b");
    }
}
