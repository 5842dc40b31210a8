package vn.paknhub.notify;

import java.time.LocalDate;
import java.util.Map;

/**
 * Lays out a printed letter from a {@code <template>.letter.txt} as the paper channel lays out its acknowledgement
 * (one look for every letter the hub posts); implemented by the paper channel's letters.
 */
public interface LetterPrinter {

    /** The letter as a PDF, dated {@code day}; {@code reference} names it (e.g. the tracking code). */
    byte[] letter(String template, Map<String, String> values, String reference, LocalDate day);
}
