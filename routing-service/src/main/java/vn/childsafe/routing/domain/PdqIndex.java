package vn.childsafe.routing.domain;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * An in-memory index of many PDQ hashes for near-neighbour lookups (multi-index hashing): for each of the
 * {@value Pdq#BANDS} bands, the entries sorted by that band's 16 bits, so that the entries whose band equals a
 * probe value are one contiguous run. A lookup visits the runs of {@link Pdq#probeKeys(int)} and computes the exact
 * distance of each entry found; by the pigeonhole argument of {@link Pdq} it finds every entry within the distance.
 *
 * <p>About 100 bytes per entry (32 for the hash, 4 per band, 4 for the tag). Immutable once built: a change of
 * the hashes is a new index.
 */
public final class PdqIndex {

    private static final int VALUES = 1 << 16;

    private final long[] words;
    private final int[] tags;
    private final int[][] starts;
    private final int[][] entries;

    private PdqIndex(long[] words, int[] tags, int[][] starts, int[][] entries) {
        this.words = words;
        this.tags = tags;
        this.starts = starts;
        this.entries = entries;
    }

    /** Collects hashes with a tag each (e.g. which list they belong to), then builds the index. */
    public static final class Builder {
        private long[] words;
        private int[] tags;
        private int size;

        public Builder(int expected) {
            words = new long[4 * Math.max(expected, 1)];
            tags = new int[Math.max(expected, 1)];
        }

        public Builder add(Pdq hash, int tag) {
            if (size == tags.length) {
                words = Arrays.copyOf(words, words.length * 2);
                tags = Arrays.copyOf(tags, tags.length * 2);
            }
            for (int i = 0; i < 4; i++) {
                words[4 * size + i] = hash.word(i);
            }
            tags[size++] = tag;
            return this;
        }

        public PdqIndex build() {
            long[] w = size == tags.length ? words : Arrays.copyOf(words, 4 * size);
            int[] t = size == tags.length ? tags : Arrays.copyOf(tags, size);
            int[][] starts = new int[Pdq.BANDS][];
            int[][] entries = new int[Pdq.BANDS][];
            for (int band = 0; band < Pdq.BANDS; band++) {
                // Counting sort of the entries by this band's value.
                int[] start = new int[VALUES + 1];
                for (int e = 0; e < size; e++) {
                    start[bandOf(w, e, band) + 1]++;
                }
                for (int v = 0; v < VALUES; v++) {
                    start[v + 1] += start[v];
                }
                int[] next = Arrays.copyOf(start, VALUES);
                int[] sorted = new int[size];
                for (int e = 0; e < size; e++) {
                    sorted[next[bandOf(w, e, band)]++] = e;
                }
                starts[band] = start;
                entries[band] = sorted;
            }
            return new PdqIndex(w, t, starts, entries);
        }
    }

    /** How many hashes the index holds. */
    public int size() {
        return tags.length;
    }

    /**
     * Calls {@code found} with the entry number of every hash within {@code maxDistance} of {@code probe} (an entry
     * may be reported more than once, once per band it is found by).
     */
    public void near(Pdq probe, int maxDistance, IntConsumer found) {
        for (int key : probe.probeKeys(maxDistance)) {
            int band = key >>> 16;
            int value = key & 0xFFFF;
            int[] sorted = entries[band];
            for (int i = starts[band][value], end = starts[band][value + 1]; i < end; i++) {
                if (distance(sorted[i], probe) <= maxDistance) {
                    found.accept(sorted[i]);
                }
            }
        }
    }

    /** The tag given to an entry. */
    public int tag(int entry) {
        return tags[entry];
    }

    /** The distance between an entry and a hash. */
    public int distance(int entry, Pdq hash) {
        int base = 4 * entry;
        return Long.bitCount(words[base] ^ hash.word(0))
                + Long.bitCount(words[base + 1] ^ hash.word(1))
                + Long.bitCount(words[base + 2] ^ hash.word(2))
                + Long.bitCount(words[base + 3] ^ hash.word(3));
    }

    private static int bandOf(long[] words, int entry, int band) {
        return (int) (words[4 * entry + band / 4] >>> (48 - 16 * (band % 4))) & 0xFFFF;
    }
}
