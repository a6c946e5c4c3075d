package vn.childsafe.routing.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * A PDQ perceptual hash: 256 bits that Meta's PDQ algorithm computes from an image (or a video frame) so that the
 * same picture, re-encoded, resized or lightly edited, gets a hash a few bits away. Two hashes match when their
 * Hamming distance is at most a threshold (31 is the published one; docs/routing-rules.md, section 7).
 *
 * <p>To find near hashes without comparing against every stored one, a hash is cut into {@value #BANDS} bands of 16
 * bits, each stored as one index key ({@link #bandKeys()}). Two hashes within distance {@code d} share at least one
 * band within distance {@code d / 16} (if every band differed in more bits, the total would exceed {@code d}), so
 * {@link #probeKeys(int)}, every band with up to {@code d / 16} bits flipped, reaches every candidate through an
 * index; the exact distance is then computed on the few candidates.
 */
public final class Pdq {

    /** Bands a hash is cut into for its index keys. */
    public static final int BANDS = 16;
    /** The largest threshold accepted: beyond it each probe flips three bits per band and lookups get slow. */
    public static final int MAX_DISTANCE = 47;

    private final long[] words;

    private Pdq(long[] words) {
        this.words = words;
    }

    /** Parses 64 hex digits (either case); {@code null} for null or blank. */
    public static Pdq parse(String hex) {
        if (hex == null || hex.isBlank()) {
            return null;
        }
        String text = hex.strip();
        if (!isHex(text)) {
            throw new IllegalArgumentException("a PDQ hash is 64 hex digits");
        }
        long[] words = new long[4];
        for (int i = 0; i < 4; i++) {
            words[i] = Long.parseUnsignedLong(text.substring(i * 16, i * 16 + 16), 16);
        }
        return new Pdq(words);
    }

    /** Whether the text is 64 hex digits. */
    public static boolean isHex(String text) {
        return text != null && text.length() == 64 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The number of bits in which the two hashes differ (0-256). */
    public int distance(Pdq other) {
        int bits = 0;
        for (int i = 0; i < 4; i++) {
            bits += Long.bitCount(words[i] ^ other.words[i]);
        }
        return bits;
    }

    /** The index keys of this hash: band number times 65,536 plus the band's 16 bits. */
    public int[] bandKeys() {
        int[] keys = new int[BANDS];
        for (int band = 0; band < BANDS; band++) {
            keys[band] = key(band, band(band));
        }
        return keys;
    }

    /**
     * The index keys that reach every stored hash within {@code maxDistance}: each band as is and with every
     * combination of up to {@code maxDistance / 16} of its bits flipped.
     */
    public int[] probeKeys(int maxDistance) {
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("the PDQ distance must be 0-" + MAX_DISTANCE);
        }
        int flips = maxDistance / BANDS;
        int perBand = 1 + 16 + (flips >= 2 ? 120 : 0);
        int[] keys = new int[BANDS * perBand];
        int n = 0;
        for (int band = 0; band < BANDS; band++) {
            int value = band(band);
            keys[n++] = key(band, value);
            for (int i = 0; i < 16 && flips >= 1; i++) {
                keys[n++] = key(band, value ^ (1 << i));
                for (int j = i + 1; j < 16 && flips >= 2; j++) {
                    keys[n++] = key(band, value ^ (1 << i) ^ (1 << j));
                }
            }
        }
        return n == keys.length ? keys : Arrays.copyOf(keys, n);
    }

    /** One of the four 64-bit words, most significant first. */
    long word(int i) {
        return words[i];
    }

    int band(int band) {
        return (int) (words[band / 4] >>> (48 - 16 * (band % 4))) & 0xFFFF;
    }

    private static int key(int band, int value) {
        return (band << 16) | value;
    }

    /** 64 lower-case hex digits. */
    @Override
    public String toString() {
        StringBuilder hex = new StringBuilder(64);
        for (long word : words) {
            String part = Long.toHexString(word);
            hex.append("0".repeat(16 - part.length())).append(part);
        }
        return hex.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdq other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }
}
