package vn.paknhub.core.text;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text handling every input channel needs before Vietnamese text is stored, compared or checked.
 * Browsers, mail clients and OCR deliver the same words in different Unicode shapes (NFC or NFD,
 * with stray zero-width characters, with the Icelandic Eth instead of Đ); unless they are made
 * equal first, duplicate detection, search and validation silently miss.
 */
public final class VietnameseText {

    /**
     * Share of words that must carry a Vietnamese letter for {@link #looksVietnamese} to say yes.
     * Tuned on samples: no sentence of the regulation itself, dense with abbreviations (PAKN, SKGP,
     * KH, CN), falls below 0.57; Vietnamese with a run of English technical terms ("Kubernetes,
     * Docker và pipeline CI/CD cho cloud platform") scores 0.47; English naming Hà Nội and Đà Nẵng
     * scores 0.21 to 0.29. French scores 0.43, which is why a Vietnamese-only letter is also required.
     */
    private static final double MIN_VIETNAMESE_WORD_SHARE = 0.40;

    /** Below this many words the share says nothing about the language. */
    private static final int MIN_WORDS = 4;

    /** Addresses are not language: a Vietnamese text with a link must not look less Vietnamese. */
    private static final Pattern LINKS_AND_ADDRESSES =
            Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\S+@\\S+");

    /** Tone marks of Vietnamese: huyền, sắc, ngã, hỏi, nặng. */
    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    private static final String VOWELS = "aăâeêioôơuưy";

    /** Lower-case letters that occur in Vietnamese but not in English or unaccented "khong dau" text, by code point. */
    private static final boolean[] IS_VIETNAMESE_LETTER = vietnameseLetters();

    /** Below U+2000 (Latin, the Vietnamese block, combining marks), each code point's fold, made once. */
    private static final String[] FOLDED = foldTable(0x2000);

    private VietnameseText() {
    }

    /**
     * Canonical form for storing and comparing input: NFC; Eth mis-decodings (U+00D0, U+00F0) turned
     * into Đ/đ; CR and CRLF into LF; control characters other than LF and TAB, and zero-width
     * characters, removed; surrounding whitespace trimmed. Idempotent; null stays null.
     */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        // CR must become LF before control characters are dropped, or line breaks would vanish.
        String text = s.replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u00D0', '\u0110')
                .replace('\u00F0', '\u0111');
        // Invisible characters go before NFC: a zero-width space between a vowel and its combining
        // tone mark would otherwise keep them apart and the second pass would compose them.
        return Normalizer.normalize(withoutInvisible(text), Normalizer.Form.NFC).strip();
    }

    /**
     * {@link #normalize} for a one-line value (a title, a name, an address): line breaks, tabs and line or
     * paragraph separators become one space, so that nothing typed or pasted into it can start a new
     * line in a partner's message, a mail header or a screen.
     */
    public static String singleLine(String s) {
        String text = normalize(s);
        if (text == null || text.indexOf('\n') < 0 && text.indexOf('\t') < 0 && text.indexOf('\u2028') < 0
                && text.indexOf('\u2029') < 0) {
            return text;
        }
        return LINE_BREAKS.matcher(text).replaceAll(" ");
    }

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\s*[\\n\\t\u2028\u2029]+\\s*");

    /** The text without zero-width characters and controls other than LF and TAB; itself when it has none. */
    private static String withoutInvisible(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    private static boolean isInvisible(char c) {
        return (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t')
                || (c >= '\u200B' && c <= '\u200D') || c == '\uFEFF';
    }

    /**
     * Key for keyword matching and duplicate detection: lower case, diacritics removed, đ/Đ as d,
     * whitespace collapsed to single spaces and trimmed. Old and new tone placement (hoà/hòa,
     * thuỷ/thủy), which NFC keeps apart, fold to the same key. Null stays null.
     */
    public static String fold(String s) {
        return s == null ? null : foldTracked(s).text();
    }

    /** {@link #fold} that also keeps the way back from each folded character to the source. */
    public static FoldedText foldTracked(String s) {
        FoldedText.Builder out = new FoldedText.Builder(s);
        boolean pendingSpace = false;
        int spaceStart = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!pendingSpace && !out.isEmpty()) {
                    pendingSpace = true;
                    spaceStart = i;
                }
            } else {
                String folded = foldCodePoint(cp);
                if (folded.isEmpty()) {
                    // A combining mark in decomposed input: it belongs to the letter before it.
                    if (!pendingSpace) {
                        out.extendLast(next);
                    }
                } else {
                    if (pendingSpace) {
                        out.append(' ', spaceStart, i);
                        pendingSpace = false;
                    }
                    for (int k = 0; k < folded.length(); k++) {
                        out.append(folded.charAt(k), i, next);
                    }
                }
            }
            i = next;
        }
        return out.build();
    }

    private static String foldCodePoint(int cp) {
        return cp < FOLDED.length ? FOLDED[cp] : foldWithoutTable(cp);
    }

    private static String[] foldTable(int size) {
        String[] table = new String[size];
        for (int cp = 0; cp < size; cp++) {
            table[cp] = foldWithoutTable(cp).intern();
        }
        return table;
    }

    private static String foldWithoutTable(int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) Character.toLowerCase(cp));
        }
        int lower = Character.toLowerCase(cp);
        // Đ has no decomposition, so stripping marks leaves it alone; Eth is its mis-decoded twin.
        if (lower == '\u0111' || lower == '\u00F0') {
            return "d";
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(lower)), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !isMark(c)).forEach(base::appendCodePoint);
        return base.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Whether the text is written in Vietnamese with diacritics (Art. 8.1): at least
     * {@value #MIN_WORDS} words, a share of at least {@value #MIN_VIETNAMESE_WORD_SHARE} of them containing a
     * Vietnamese letter (ă â đ ê ô ơ ư or a vowel with a tone mark), and at least one letter that
     * only Vietnamese uses among Latin-script languages (ă đ ơ ư ĩ ũ, or the hook-above, dot-below
     * and double-mark vowels). The last condition keeps French or Portuguese, whose é, à, ô, ã also
     * count as Vietnamese letters, from passing.
     */
    public static boolean looksVietnamese(String text) {
        if (text == null) {
            return false;
        }
        String prose = normalize(text).toLowerCase(Locale.ROOT);
        if (prose.contains("://") || prose.contains("www.") || prose.indexOf('@') >= 0) {
            prose = LINKS_AND_ADDRESSES.matcher(prose).replaceAll(" ");
        }
        // one pass over the code points: a word is a run of letters, marks and numbers; a run with a digit
        // (5G, 125, hex in a reference code) is no word
        int words = 0;
        int vietnameseWords = 0;
        boolean distinctive = false;
        boolean inToken = false;
        boolean digit = false;
        boolean vietnamese = false;
        boolean onlyVietnamese = false;
        for (int i = 0; i <= prose.length(); ) {
            int cp = i < prose.length() ? prose.codePointAt(i) : ' ';
            if (isTokenPart(cp)) {
                inToken = true;
                digit |= Character.isDigit(cp);
                vietnamese |= isVietnameseLetter(cp);
                onlyVietnamese |= isOnlyVietnamese(cp);
            } else if (inToken) {
                if (!digit) {
                    words++;
                    vietnameseWords += vietnamese ? 1 : 0;
                    distinctive |= onlyVietnamese;
                }
                inToken = digit = vietnamese = onlyVietnamese = false;
            }
            i += i < prose.length() ? Character.charCount(cp) : 1;
        }
        return words >= MIN_WORDS && distinctive && vietnameseWords >= MIN_VIETNAMESE_WORD_SHARE * words;
    }

    /** \p{L}, \p{M} or \p{N}. */
    private static boolean isTokenPart(int cp) {
        return Character.isLetter(cp) || isMark(cp) || switch (Character.getType(cp)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isVietnameseLetter(int cp) {
        return cp < IS_VIETNAMESE_LETTER.length && IS_VIETNAMESE_LETTER[cp];
    }

    private static boolean isOnlyVietnamese(int cp) {
        // U+1EA0..U+1EF9 is the block Unicode added for Vietnamese (ạ ả ấ ... ỹ).
        return "ăđơưĩũ".indexOf(cp) >= 0 || (cp >= 0x1EA0 && cp <= 0x1EF9);
    }

    private static boolean[] vietnameseLetters() {
        Set<Integer> letters = new HashSet<>();
        "ăâđêôơư".codePoints().forEach(letters::add);
        VOWELS.codePoints().forEach(vowel -> TONE_MARKS.codePoints().forEach(mark -> letters.add(
                Normalizer.normalize(new StringBuilder().appendCodePoint(vowel).appendCodePoint(mark),
                        Normalizer.Form.NFC).codePointAt(0))));
        boolean[] table = new boolean[letters.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        letters.forEach(cp -> table[cp] = true);
        return table;
    }
}
