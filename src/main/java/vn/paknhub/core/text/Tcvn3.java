package vn.paknhub.core.text;

/**
 * TCVN3 (ABC, TCVN 5712:1993 VN3), the 8-bit Vietnamese encoding of the .VnTime fonts, still common in
 * older government documents and mail, for which Java has no charset. Its letters are those of
 * TCVN 5712:1993 VN1 above 0x7F (the table here was generated from glibc's TCVN5712-1 converter);
 * capitals with tone marks, which TCVN3 writes with a separate capitals font, come out in lower case.
 */
public final class Tcvn3 {

    /** Bytes 0x80–0xFF, in order. */
    private static final String HIGH = "\u00C0\u1EA2\u00C3\u00C1\u1EA0\u1EB6\u1EAC\u00C8\u1EBA\u1EBC\u00C9\u1EB8\u1EC6\u00CC\u1EC8\u0128\u00CD\u1ECA\u00D2\u1ECE\u00D5\u00D3\u1ECC\u1ED8\u1EDC\u1EDE\u1EE0\u1EDA\u1EE2\u00D9\u1EE6\u0168\u00A0\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111\u1EB0\u0300\u0309\u0303\u0301\u0323\u00E0\u1EA3\u00E3\u00E1\u1EA1\u1EB2\u1EB1\u1EB3\u1EB5\u1EAF\u1EB4\u1EAE\u1EA6\u1EA8\u1EAA\u1EA4\u1EC0\u1EB7\u1EA7\u1EA9\u1EAB\u1EA5\u1EAD\u00E8\u1EC2\u1EBB\u1EBD\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF\u1EC7\u00EC\u1EC9\u1EC4\u1EBE\u1ED2\u0129\u00ED\u1ECB\u00F2\u1ED4\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1\u1EDB\u1EE3\u00F9\u1ED6\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5\u1ED0";

    /**
     * Bytes of à ả ã á ạ ẳ ẵ ắ (0xB5–0xB9, 0xBC–0xBE): among the most frequent letters of Vietnamese,
     * and in windows-1252 the signs µ ¶ · ¸ ¹ ¼ ½ ¾, which no Western word has after a letter (ằ, 0xBB,
     * is left out: it is the closing guillemet » of French quotes).
     */
    private static final String SIGNATURE = "\u00B5\u00B6\u00B7\u00B8\u00B9\u00BC\u00BD\u00BE";

    private Tcvn3() {
    }

    public static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            out.append(c < 0x80 ? (char) c : HIGH.charAt(c - 0x80));
        }
        return VietnameseText.normalize(out.toString());
    }

    /** Whether these bytes (not UTF-8) read as TCVN3: at least two of its signature letters right after a letter. */
    public static boolean looksLike(byte[] bytes) {
        int signs = 0;
        for (int i = 1; i < bytes.length && signs < 2; i++) {
            if (SIGNATURE.indexOf((char) (bytes[i] & 0xFF)) >= 0 && Character.isLetter((char) (bytes[i - 1] & 0xFF))) {
                signs++;
            }
        }
        return signs >= 2;
    }
}
