package vn.paknhub.core.text;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * VNI (VNI Windows), the 8-bit Vietnamese encoding of the VNI-Times fonts, still common in mail from the
 * south, for which Java has no charset. A letter with diacritics is its base letter followed by one byte
 * carrying all its marks (ệ is e + 0xE4, so "Việt" reads "Vieät" in windows-1252; ờ is 0xF4 + 0xF8, ơ
 * and a grave accent); đ, ơ, ư, ỵ and i with a tone are single bytes (ñ ô ö î ì í æ ó ò); capitals take
 * the upper-case forms of the same bytes. Every other byte is windows-1252, as in the fonts.
 *
 * <p>The table was generated with Unikey's converter (the VNI-WIN table of its vnconv library). The
 * vietnamese-conversion package's table agrees on every letter but ỷ and ỹ, for which it gives 0xEB and
 * 0xEC, bytes that are already ặ's mark and ì; Unikey's y + 0xFB and y + 0xF5 mark y as every other
 * vowel is marked.
 */
public final class Vni {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The letters outside ASCII, lower case then upper case ... */
    private static final String LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
            + "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

    /** ... and, in the same order, their VNI bytes read as windows-1252 (one or two bytes each). */
    private static final String FORMS = "aø aù aû aõ aï aê aè aé aú aü aë aâ aà aá aå aã aä eø eù eû eõ eï eâ eà eá "
            + "eå eã eä ì í æ ó ò oø où oû oõ oï oâ oà oá oå oã oä ô ôø ôù ôû ôõ ôï uø uù uû uõ uï ö öø öù öû öõ öï yø "
            + "yù yû yõ î ñ "
            + "AØ AÙ AÛ AÕ AÏ AÊ AÈ AÉ AÚ AÜ AË AÂ AÀ AÁ AÅ AÃ AÄ EØ EÙ EÛ EÕ EÏ EÂ EÀ EÁ EÅ EÃ EÄ Ì Í Æ Ó Ò OØ OÙ "
            + "OÛ OÕ OÏ OÂ OÀ OÁ OÅ OÃ OÄ Ô ÔØ ÔÙ ÔÛ ÔÕ ÔÏ UØ UÙ UÛ UÕ UÏ Ö ÖØ ÖÙ ÖÛ ÖÕ ÖÏ YØ YÙ YÛ YÕ Î Ñ";

    /** Letter of a VNI form: the key is the first byte, or the first byte shifted by 8 plus the second. */
    private static final Map<Integer, Character> LETTER_OF = letters();

    /** What each byte reads as in windows-1252, the fonts' encoding outside the Vietnamese letters. */
    private static final String WESTERN = new String(allBytes(), WINDOWS_1252);

    /**
     * Marks that Western words put on a vowel right after a vowel, so that their pairs say nothing about
     * VNI: the trema (naïf, héroïque, ambiguïté, Dutch beïnvloeden, Israël), French où, goût, eût,
     * aéroport and Spanish aún, baúl.
     */
    private static final Set<Integer> TREMA = Set.of(0xEF, 0xCF, 0xEB, 0xCB, 0xFC, 0xDC);
    private static final Set<Integer> WESTERN_PAIRS = keys("où oû eû aé aú OÙ OÛ EÛ AÉ AÚ");

    private Vni() {
    }

    public static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            Character pair = LETTER_OF.get(pairKey(bytes, i));
            if (pair != null) {
                out.append(pair.charValue());
                i++;
            } else {
                Character single = LETTER_OF.get(c);
                out.append(single != null ? single.charValue() : WESTERN.charAt(c));
            }
        }
        return VietnameseText.normalize(out.toString());
    }

    /**
     * Whether these bytes (not UTF-8) read as VNI: at least two mark bytes right after a letter they fit
     * that no Western word has there (aø, eä, oà...), and more such pairs than letters above 0xA0 that VNI
     * does not explain. The second condition keeps out TCVN3 and windows-1258, whose "uû" (uỷ) and
     * "oã" (oă of hoặc) are VNI pairs but which are full of bytes VNI has no use for (TCVN3's â, ê, ư,
     * windows-1258's ê, ư, đ); and Western text, whose accented letters mostly follow consonants.
     * Bytes 0x80 to 0xA0 (quotes, dashes, the euro, the no-break space) are punctuation in either.
     */
    public static boolean looksLike(byte[] bytes) {
        int pairs = 0;
        int vietnameseOnly = 0;
        int unexplained = 0;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            int pair = pairKey(bytes, i);
            if (LETTER_OF.containsKey(pair)) {
                pairs++;
                if (!TREMA.contains(pair & 0xFF) && !WESTERN_PAIRS.contains(pair)) {
                    vietnameseOnly++;
                }
                i++;
            } else if (c > 0xA0 && !LETTER_OF.containsKey(c)) {
                unexplained++;
            }
        }
        return vietnameseOnly >= 2 && pairs > unexplained;
    }

    /** The key of the bytes at i and i + 1 as a letter and its mark; -1 where no letter starts a pair. */
    private static int pairKey(byte[] bytes, int i) {
        int c = bytes[i] & 0xFF;
        // pairs start with a letter; and a NUL's c << 8 | next would be the next byte's own key
        return i + 1 < bytes.length && c >= 'A' ? c << 8 | bytes[i + 1] & 0xFF : -1;
    }

    private static Map<Integer, Character> letters() {
        String[] forms = FORMS.split(" ");
        if (forms.length != LETTERS.length()) {
            throw new IllegalStateException(
                    "VNI table: " + forms.length + " forms for " + LETTERS.length() + " letters");
        }
        Map<Integer, Character> letters = new HashMap<>();
        for (int i = 0; i < forms.length; i++) {
            letters.put(key(forms[i]), LETTERS.charAt(i));
        }
        return Map.copyOf(letters);
    }

    private static Set<Integer> keys(String forms) {
        return Arrays.stream(forms.split(" ")).map(Vni::key).collect(Collectors.toUnmodifiableSet());
    }

    /** Forms are written as windows-1252 text above 0xBF, where its characters are their own byte values. */
    private static int key(String form) {
        return form.length() == 1 ? form.charAt(0) : form.charAt(0) << 8 | form.charAt(1);
    }

    private static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }
}
