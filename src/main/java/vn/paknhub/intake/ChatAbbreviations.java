package vn.paknhub.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.paknhub.core.text.VietnameseText;

/**
 * Chat shorthand and "teen code" (Art. 8.1: "rõ ràng, đơn nghĩa, không viết tắt"): "ko", "dc", "mn", "ntn",
 * "wá", "zậy". The State's own acronyms (UBND, KH&amp;CN, CCCD, VNeID) are how official Vietnamese is written and
 * are never counted: only lower-case words are looked at, and only those that are shorthand for an ordinary
 * word. A few such words happen in careful writing too ("vs" in "Java vs Python"), so an item fails only when
 * shorthand is a habit of its text, not a slip.
 */
public final class ChatAbbreviations {

    /**
     * Shorthand for ordinary words, as typed on phones and in chat. Each is a whole word (never part of
     * one) and none is an ordinary Vietnamese word with the same spelling.
     */
    private static final Set<String> SHORTHAND = Set.of(
            // không, được, gì, vậy, như thế nào, mọi người, anh em, mình, bạn, với, rồi, cũng
            "ko", "k0", "kg", "khg", "kh", "hok", "hông", "hem", "dc", "đc", "đx", "dk", "đk", "ntn", "mn", "mng",
            "ae", "mik", "mk", "mjk", "mh", "bn", "vs", "cx", "cg", "cũg",
            // hôm nay, hôm qua, trước, người, người ta, nhiều, biết, quá, thích, yêu, thôi, rồi, muốn, nữa, nói
            "hnay", "hqua", "hum", "trc", "ng", "ngta", "nhìu", "bít", "wá", "thik", "thjk", "iu", "thui", "rùi",
            "ròi", "mún", "nx", "ns", "ms", "lm", "nma", "nhma", "bt", "kbt", "trl", "tn",
            // chat words borrowed from English
            "ad", "ib", "rep", "sr", "pls", "plz", "thx", "tks", "oke", "oki",
            // cơ quan, cán bộ, quyết định, nghị định, nhân viên, quản lý, gia đình, học sinh, giáo viên, sinh viên
            "cq", "cb", "qđ", "nđ", "nv", "ql", "gđ", "hs", "gv", "sv");

    /** One-letter shorthand: "k" không, "r" rồi, "j" gì, "z" vậy. */
    private static final String ONE_LETTER = "krjz";

    /**
     * A word as people type it: letters and combining marks, taken whole with any digits it holds, so that the
     * letters inside a reference code ("3ad9", "5k") are never read as words.
     */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    /** Repeated letters for emphasis: "quáaaa", "nhaaa". */
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");

    /** Vietnamese words never start with f, j, w or z; with a tone mark such a word is teen-code spelling ("wá", "zậy", "fải"). */
    private static final Pattern TEEN_SPELLING = Pattern.compile("^[fjwz].*");

    /** Fewer than this many shorthand words is a slip, not a habit. */
    private static final int MIN_FOUND = 3;
    /** ... and they must also make up this share of the words. */
    private static final double MIN_SHARE = 0.03;
    /** This many is a habit in any length of text. */
    private static final int ALWAYS = 8;

    private ChatAbbreviations() {
    }

    /**
     * The shorthand words of the text, in order and once each, when they are a habit of it; empty when the text
     * is written out in full. The text is expected normalised ({@link VietnameseText#normalize}); null is empty.
     */
    public static List<String> habitIn(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        // e-mail addresses and links carry letters that are no words of the writer ("ad@", "/ms/")
        String prose = text.replaceAll("\\S+@\\S+|\\S*(?:://|www\\.)\\S*", " ");
        List<String> found = new ArrayList<>();
        int words = 0;
        int count = 0;
        Matcher m = WORD.matcher(prose);
        while (m.find()) {
            words++;
            String written = m.group();
            if (written.chars().anyMatch(Character::isDigit)) {
                continue;
            }
            if (!written.substring(1).equals(written.substring(1).toLowerCase(Locale.ROOT))
                    || (written.length() == 1 && !written.equals(written.toLowerCase(Locale.ROOT)))) {
                continue; // UBND, KH, VNeID: acronyms; a capital only at the start of a sentence is the same word
            }
            String word = written.toLowerCase(Locale.ROOT);
            boolean shorthand = SHORTHAND.contains(word) || STRETCHED.matcher(word).find()
                    || (TEEN_SPELLING.matcher(word).matches() && !word.equals(VietnameseText.fold(word)))
                    || (word.length() == 1 && oneLetterShorthand(prose, m.start()));
            if (shorthand) {
                count++;
                if (!found.contains(word)) {
                    found.add(word);
                }
            }
        }
        boolean habit = count >= ALWAYS || (count >= MIN_FOUND && count >= MIN_SHARE * words);
        return habit ? List.copyOf(found) : List.of();
    }

    /** A one-letter shorthand word, not a list marker ("k)", "r.") nor part of a number or a code ("5k", "k-means"). */
    private static boolean oneLetterShorthand(String prose, int at) {
        char before = at == 0 ? ' ' : prose.charAt(at - 1);
        char after = at + 1 >= prose.length() ? ' ' : prose.charAt(at + 1);
        return ONE_LETTER.indexOf(prose.charAt(at)) >= 0 && !Character.isDigit(before) && ".-_/".indexOf(before) < 0
                && !Character.isDigit(after) && ").:-_/".indexOf(after) < 0;
    }
}
