package vn.paknhub.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import vn.paknhub.core.text.Tcvn3;
import vn.paknhub.core.text.VietnameseText;
import vn.paknhub.core.text.Vni;

/**
 * The text of a mail part, read from its bytes whatever its label says. Vietnamese mail is often
 * mislabelled: UTF-8 sent as iso-8859-1, windows-1258 (Outlook's Vietnamese code page, with
 * separate tone marks), TCVN3 (the .VnTime fonts' encoding) or VNI (the VNI-Times fonts' encoding,
 * a letter followed by a byte for its marks) sent as windows-1252. The bytes decide when the label is
 * a Western one: UTF-8 if valid, then windows-1258, TCVN3 and VNI by their signatures, else windows-1252;
 * the result is always NFC (windows-1258 decodes to base letters plus combining tone marks).
 */
final class MailText {

    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    /** Labels that say nothing reliable about Vietnamese text. */
    private static final Set<String> WESTERN = Set.of("us-ascii", "ascii", "iso-8859-1", "latin1", "iso_8859-1",
            "windows-1252", "cp1252");

    /** windows-1258 bytes of the five combining tone marks (grave, acute, tilde, hook above, dot below). */
    private static final Set<Integer> TONE_BYTES = Set.of(0xCC, 0xEC, 0xDE, 0xD2, 0xF2);

    private MailText() {
    }

    static String decode(byte[] bytes, String declaredCharset) {
        String label = declaredCharset == null ? "" : declaredCharset.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        Charset declared = charset(label);
        String text;
        if (declared != null && !WESTERN.contains(label) && !label.isEmpty()) {
            text = strict(bytes, declared);
            if (text == null) {
                // labelled UTF-8 (or another Unicode form) but not valid: the Western guesses below
                text = guess(bytes);
            }
        } else {
            text = guess(bytes);
        }
        return VietnameseText.normalize(text);
    }

    private static String guess(byte[] bytes) {
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        if (windows1258ToneMarks(bytes) >= 2) {
            return new String(bytes, WINDOWS_1258);
        }
        if (Tcvn3.looksLike(bytes)) {
            return Tcvn3.decode(bytes);
        }
        if (Vni.looksLike(bytes)) {
            return Vni.decode(bytes);
        }
        return new String(bytes, Charset.forName("windows-1252"));
    }

    /** Tone-mark bytes right after a vowel: the signature of windows-1258 text (in windows-1252, "oÌ", "aÞ"). */
    static int windows1258ToneMarks(byte[] b) {
        int marks = 0;
        for (int i = 1; i < b.length; i++) {
            if (TONE_BYTES.contains(b[i] & 0xFF) && isVowel1258(b[i - 1] & 0xFF)) {
                marks++;
            }
        }
        return marks;
    }

    private static boolean isVowel1258(int c) {
        return "aeiouyAEIOUY".indexOf(c) >= 0
                // â ê ô ă ơ ư and their capitals in windows-1258
                || c == 0xE2 || c == 0xEA || c == 0xF4 || c == 0xE3 || c == 0xF5 || c == 0xFD
                || c == 0xC2 || c == 0xCA || c == 0xD4 || c == 0xC3 || c == 0xD5 || c == 0xDD;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset charset(String label) {
        if (label.isEmpty()) {
            return null;
        }
        try {
            return Charset.isSupported(label) ? Charset.forName(label) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }
}
