package vn.paknhub.paper;

import java.text.Normalizer;

/** How much of a text the OCR got right, as a person comparing it with the letter would count. */
final class CharacterAccuracy {

    private CharacterAccuracy() {
    }

    /** 1 − edit distance / length, over NFC text with whitespace collapsed (the body a clerk would type). */
    static double of(String read, String truth) {
        String a = squash(read);
        String b = squash(truth);
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 1.0 - (double) prev[b.length()] / b.length();
    }

    static String squash(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }
}
