package vn.paknhub.mail;

import java.util.List;

/**
 * A mail as the hub understood it: decoded, NFC, attachments separated from the text.
 *
 * @param messageId   the Message-ID header, null when the sender's software gave none
 * @param text        the body as plain text: the text part, or the HTML part made text, plus any
 *                    forwarded message; never null
 * @param references  Message-IDs of In-Reply-To and References, to thread a reply onto its case
 * @param automated   why no person wrote it (an auto-reply, a delivery report, a list), or null
 * @param limits      limits the mail went beyond (too deep, too many parts): what was left out
 * @param forwardedSubject the subject of the first mail it forwards (inline or attached), or null
 */
record ReadMail(String messageId, String fromAddress, String fromName, String subject, String text,
        List<Attachment> attachments, List<String> references, String automated, List<String> limits,
        String forwardedSubject) {

    /** A file the mail carried, inline images included; its type is judged later from its content. */
    record Attachment(String fileName, byte[] content) {
    }
}
