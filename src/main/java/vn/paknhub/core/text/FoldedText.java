package vn.paknhub.core.text;

import java.util.Arrays;

/**
 * The folded form of a text ({@link VietnameseText#fold}) that remembers where each folded
 * character came from. Matching is done on the folded form so that "Khiếu nại" and "khieu nai"
 * look alike, but what is shown back to a person must be their own words with their own
 * diacritics, hence the way back to the source.
 */
public final class FoldedText {

    private final String source;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    private FoldedText(String source, String text, int[] starts, int[] ends) {
        this.source = source;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** The folded text: lower case, no diacritics, đ as d, whitespace collapsed and trimmed. */
    public String text() {
        return text;
    }

    /**
     * The stretch of the source from which the folded characters {@code [from, to)} were made,
     * including combining marks that belonged to the last of them.
     */
    public String sourceSpan(int from, int to) {
        if (from < 0 || to > text.length() || from >= to) {
            throw new IndexOutOfBoundsException("span [" + from + ", " + to + ") of " + text.length());
        }
        return source.substring(starts[from], ends[to - 1]);
    }

    /** Collects folded characters with their source ranges. */
    static final class Builder {

        private final String source;
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Builder(String source) {
            this.source = source;
            this.text = new StringBuilder(source.length());
            this.starts = new int[source.length()];
            this.ends = new int[source.length()];
        }

        boolean isEmpty() {
            return text.length() == 0;
        }

        /** Adds {@code c}, made from the source range {@code [start, end)}. */
        void append(char c, int start, int end) {
            int at = text.length();
            if (at == starts.length) {
                // Rare: a code point can fold to several characters (a Hangul syllable into its jamo).
                starts = Arrays.copyOf(starts, 2 * at + 8);
                ends = Arrays.copyOf(ends, 2 * at + 8);
            }
            starts[at] = start;
            ends[at] = end;
            text.append(c);
        }

        /** Stretches the source range of the last character to {@code end}; nothing to stretch is fine. */
        void extendLast(int end) {
            if (!isEmpty()) {
                ends[text.length() - 1] = end;
            }
        }

        FoldedText build() {
            return new FoldedText(source, text.toString(), starts, ends);
        }
    }
}
