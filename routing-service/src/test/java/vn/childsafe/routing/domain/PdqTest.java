package vn.childsafe.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PdqTest {

    private static final String HASH = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    @Test
    void parsesEitherCaseAndPrintsLowerCase() {
        assertThat(Pdq.parse(HASH.toUpperCase()).toString()).isEqualTo(HASH);
        assertThat(Pdq.parse(HASH)).isEqualTo(Pdq.parse(" " + HASH.toUpperCase() + " "));
        assertThat(Pdq.parse(null)).isNull();
        assertThat(Pdq.parse(" ")).isNull();
        assertThatThrownBy(() -> Pdq.parse(HASH.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pdq.parse("g" + HASH.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Pdq.parse("0".repeat(64)).toString()).isEqualTo("0".repeat(64));
    }

    @Test
    void distanceCountsTheDifferingBits() {
        Pdq zero = Pdq.parse("0".repeat(64));
        assertThat(zero.distance(zero)).isZero();
        assertThat(zero.distance(Pdq.parse("f".repeat(64)))).isEqualTo(256);
        assertThat(zero.distance(Pdq.parse("8" + "0".repeat(62) + "1"))).isEqualTo(2);
    }

    @Test
    void bandKeysAreTheBandNumberAndItsSixteenBits() {
        int[] keys = Pdq.parse(HASH).bandKeys();
        assertThat(keys).hasSize(16);
        assertThat(keys[0]).isEqualTo(0xf8f8);
        assertThat(keys[1]).isEqualTo((1 << 16) | 0xf0ce);
        assertThat(keys[15]).isEqualTo((15 << 16) | 0x9b22);
    }

    @Test
    void probeKeysGrowWithTheThresholdAndRefuseBeyondTheMaximum() {
        Pdq hash = Pdq.parse(HASH);
        assertThat(hash.probeKeys(15)).hasSize(16);
        assertThat(hash.probeKeys(31)).hasSize(16 * 17);
        assertThat(hash.probeKeys(47)).hasSize(16 * (1 + 16 + 120));
        assertThat(hash.probeKeys(31)).contains(hash.bandKeys());
        assertThatThrownBy(() -> hash.probeKeys(48)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hash.probeKeys(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** What the index relies on: every hash within the threshold shares a band key with the probe. */
    @Test
    void everyHashWithinTheThresholdSharesAKeyWithTheProbe() {
        Random random = new Random(20261202);
        for (int threshold : new int[] {0, 15, 16, 31, 47}) {
            for (int trial = 0; trial < 300; trial++) {
                byte[] bits = new byte[32];
                random.nextBytes(bits);
                Pdq hash = Pdq.parse(hex(bits));
                byte[] other = bits.clone();
                Set<Integer> flipped = new HashSet<>();
                while (flipped.size() < threshold) {
                    flipped.add(random.nextInt(256));
                }
                flipped.forEach(p -> other[p / 8] ^= (byte) (0x80 >>> (p % 8)));
                Pdq near = Pdq.parse(hex(other));
                assertThat(hash.distance(near)).isEqualTo(threshold);
                Set<Integer> probe = new HashSet<>();
                Arrays.stream(hash.probeKeys(threshold)).forEach(probe::add);
                assertThat(Arrays.stream(near.bandKeys()).anyMatch(probe::contains))
                        .as("a hash %d bits away is reachable", threshold)
                        .isTrue();
            }
        }
    }

    private static String hex(byte[] bits) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bits) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
