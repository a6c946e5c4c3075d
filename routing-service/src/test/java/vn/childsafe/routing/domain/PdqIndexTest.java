package vn.childsafe.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class PdqIndexTest {

    private final Random random = new Random(7);

    /** The index answers exactly what comparing with every hash answers, near copies and strangers alike. */
    @Test
    void findsExactlyTheHashesAFullScanFinds() {
        Pdq[] stored = new Pdq[5000];
        PdqIndex.Builder builder = new PdqIndex.Builder(10);
        for (int i = 0; i < stored.length; i++) {
            // Half of them near copies of the first hundred, some within and some beyond the threshold.
            stored[i] = i >= 100 && i % 2 == 0 ? flip(stored[i % 100], random.nextInt(40)) : randomHash();
            builder.add(stored[i], i % 7);
        }
        PdqIndex index = builder.build();
        assertThat(index.size()).isEqualTo(stored.length);
        for (int threshold : new int[] {0, 10, 31, 47}) {
            for (int q = 0; q < 200; q++) {
                Pdq probe =
                        q % 2 == 0 ? flip(stored[random.nextInt(100)], random.nextInt(threshold + 8)) : randomHash();
                Set<Integer> expected = new TreeSet<>();
                for (int i = 0; i < stored.length; i++) {
                    if (stored[i].distance(probe) <= threshold) {
                        expected.add(i);
                    }
                }
                Set<Integer> found = new TreeSet<>();
                index.near(probe, threshold, found::add);
                assertThat(found).as("threshold %d", threshold).isEqualTo(expected);
                found.forEach(e -> {
                    assertThat(index.tag(e)).isEqualTo(e % 7);
                    assertThat(index.distance(e, probe)).isEqualTo(stored[e].distance(probe));
                });
            }
        }
    }

    @Test
    void anEmptyIndexFindsNothing() {
        PdqIndex empty = new PdqIndex.Builder(0).build();
        Set<Integer> found = new TreeSet<>();
        empty.near(randomHash(), 31, found::add);
        assertThat(found).isEmpty();
        assertThat(empty.size()).isZero();
    }

    private Pdq randomHash() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            String word = Long.toHexString(random.nextLong());
            hex.append("0".repeat(16 - word.length())).append(word);
        }
        return Pdq.parse(hex.toString());
    }

    private Pdq flip(Pdq hash, int bits) {
        char[] hex = hash.toString().toCharArray();
        Set<Integer> positions = new TreeSet<>();
        while (positions.size() < bits) {
            positions.add(random.nextInt(256));
        }
        for (int p : positions) {
            int digit = Character.digit(hex[p / 4], 16) ^ (8 >>> (p % 4));
            hex[p / 4] = Character.forDigit(digit, 16);
        }
        return Pdq.parse(new String(hex));
    }
}
