package vn.paknhub.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import vn.paknhub.core.text.VietnameseText;

/**
 * Reads a raw mail (RFC 5322 bytes) the way a careful clerk would: the text a person wrote, the
 * files they attached, who they are, and whether a person wrote it at all. Real mail is messy, so
 * nothing here trusts a label: charsets are checked against the bytes, parts that cannot be read are
 * skipped with a note rather than failing the mail, and nesting and part counts are bounded.
 */
final class MailReader {

    private static final Session SESSION = Session.getInstance(sessionProperties());

    private final int maxDepth;
    private final int maxParts;

    MailReader(int maxDepth, int maxParts) {
        this.maxDepth = maxDepth;
        this.maxParts = maxParts;
    }

    ReadMail read(byte[] raw) throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        Walk walk = new Walk();
        walk.part(m, 0);
        InternetAddress from = firstAddress(m);
        String text = walk.text.toString().strip();
        if (text.isEmpty() && !walk.html.isEmpty()) {
            text = HtmlText.of(walk.html.toString());
        }
        text = withoutProgramSignatures(text);
        String subject = subject(m);
        return new ReadMail(trimToNull(m.getMessageID()), from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                from == null ? null : VietnameseText.normalize(headerText(from.getPersonal())),
                subject, VietnameseText.normalize(text), List.copyOf(walk.attachments),
                references(m), MailAutomation.of(m, subject), List.copyOf(walk.limits), walk.forwardedSubject);
    }

    /** The traversal of one mail: what it collected so far. */
    private final class Walk {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<ReadMail.Attachment> attachments = new ArrayList<>();
        final List<String> limits = new ArrayList<>();
        /** The subject of the first forwarded mail: the item's title when the forwarding mail gives none. */
        String forwardedSubject;
        int parts;

        void part(Part p, int depth) throws MessagingException, IOException {
            if (++parts > maxParts) {
                limitOnce("Thư có hơn " + maxParts + " phần; các phần sau đã bị bỏ qua / more than " + maxParts
                        + " parts; the rest was left out");
                return;
            }
            if (depth > maxDepth) {
                limitOnce("Thư lồng nhau quá " + maxDepth + " cấp; phần sâu hơn đã bị bỏ qua / nested deeper than "
                        + maxDepth + " levels; the deeper parts were left out");
                return;
            }
            ContentType type = contentType(p);
            String base = type.getBaseType().toLowerCase(Locale.ROOT);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(p)) || fileName(p) != null
                    && !base.startsWith("multipart/") && !base.equals("message/rfc822");
            if (base.startsWith("multipart/") && p.getContent() instanceof Multipart mp) {
                multipart(base, mp, depth);
            } else if ((base.equals("message/rfc822") || attachment && forwardedFile(p, base)) && forwarded(p, depth)) {
                // a forwarded mail, inline or attached ("forward as attachment" in Outlook, Thunderbird and Gmail):
                // read as the item it carries, its own files with it, not kept as a file nobody reads
            } else if (!attachment && base.equals("text/plain")) {
                appendText(text, MailText.decode(bytes(p), type.getParameter("charset")));
            } else if (!attachment && base.equals("text/html")) {
                html.append(MailText.decode(bytes(p), type.getParameter("charset"))).append('\n');
            } else if (base.equals("application/pkcs7-signature") || base.equals("application/pgp-signature")
                    || base.equals("application/x-pkcs7-signature")) {
                // the signature of a signed mail: not evidence the person sent, nothing to read
            } else {
                byte[] content = bytes(p);
                String name = fileName(p);
                attachments.add(new ReadMail.Attachment(name != null ? name : "tep-dinh-kem-" + (attachments.size() + 1),
                        content));
            }
        }

        private void multipart(String base, Multipart mp, int depth) throws MessagingException, IOException {
            if (base.equals("multipart/alternative")) {
                // the richest readable alternative: plain text when it has words, else the HTML
                Part plain = null;
                Part rich = null;
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart b = mp.getBodyPart(i);
                    String t = contentType(b).getBaseType().toLowerCase(Locale.ROOT);
                    if (t.equals("text/plain") && plain == null) {
                        plain = b;
                    } else if (!t.equals("text/plain")) {
                        rich = b;
                    }
                }
                if (plain != null && !MailText.decode(bytes(plain), contentType(plain).getParameter("charset")).isBlank()) {
                    part(plain, depth + 1);
                } else if (rich != null) {
                    part(rich, depth + 1);
                }
                return;
            }
            int count = base.equals("multipart/signed") ? Math.min(1, mp.getCount()) : mp.getCount();
            for (int i = 0; i < count; i++) {
                part(mp.getBodyPart(i), depth + 1);
            }
        }

        /**
         * Reads a forwarded mail into the text (a header naming its sender and subject, then its own text) and
         * its files among the attachments; false, having read nothing, when it is not a mail after all.
         */
        private boolean forwarded(Part p, int depth) throws MessagingException, IOException {
            MimeMessage inner;
            try {
                inner = new MimeMessage(SESSION, new ByteArrayInputStream(mailBytes(p)));
                if (inner.getHeader("From") == null && inner.getHeader("Subject") == null) {
                    return false;
                }
            } catch (MessagingException | IOException notAMail) {
                return false;
            }
            InternetAddress from = firstAddress(inner);
            String innerSubject = subject(inner);
            if (forwardedSubject == null && !innerSubject.isBlank()) {
                forwardedSubject = innerSubject;
            }
            StringBuilder header = new StringBuilder("---------- Thư chuyển tiếp / Forwarded message ----------\n");
            if (from != null) {
                String name = VietnameseText.normalize(headerText(from.getPersonal()));
                header.append("Từ / From: ").append(name == null || name.isBlank() ? from.getAddress()
                        : name.strip() + " <" + from.getAddress() + ">").append('\n');
            }
            header.append("Tiêu đề / Subject: ").append(innerSubject).append('\n');
            appendText(text, header.toString());
            int before = text.length();
            String htmlBefore = html.toString();
            part(inner, depth + 1);
            if (text.length() == before && html.length() > htmlBefore.length()) {
                // a forwarded HTML-only mail: its text goes where it was forwarded, not at the end
                appendText(text, HtmlText.of(html.substring(htmlBefore.length())));
                html.setLength(htmlBefore.length());
            }
            return true;
        }

        private void limitOnce(String what) {
            if (!limits.contains(what)) {
                limits.add(what);
            }
        }
    }

    /**
     * The line a mail program adds under what the person wrote ("Gửi từ iPhone của tôi", "Sent from my Android",
     * "Get Outlook for Android"): not the person's words, so not the item's, and it would make a resend from a
     * phone look like another item.
     */
    private static final java.util.regex.Pattern PROGRAM_SIGNATURE = java.util.regex.Pattern.compile(
            "(?imu)^[ \\t]*(?:gửi từ|được gửi từ|sent from|get|tải|nhận)\\s+(?:(?:my|iphone|ipad|điện thoại|thiết bị)\\s+)?"
                    + "(?:iphone|ipad|android|samsung|outlook|yahoo mail|mail for windows|thư cho windows|zalo)"
                    + "(?:\\s+(?:của tôi|cho android|cho ios|for android|for ios|mobile))?[ \\t]*(?:<https?://[^>\\s]*>)?[ \\t]*$\\n?");

    static String withoutProgramSignatures(String text) {
        return PROGRAM_SIGNATURE.matcher(text).replaceAll("").strip();
    }

    private static void appendText(StringBuilder to, String s) {
        if (s.isBlank()) {
            return;
        }
        if (to.length() > 0) {
            to.append("\n\n");
        }
        to.append(s.strip());
    }

    private static byte[] bytes(Part p) throws MessagingException, IOException {
        try (InputStream in = p.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | MessagingException undecodable) {
            // a broken transfer encoding: the raw bytes are all there is
            if (p instanceof MimeBodyPart body) {
                try (InputStream raw = body.getRawInputStream()) {
                    return raw.readAllBytes();
                }
            }
            throw undecodable;
        }
    }

    /**
     * The bytes of a forwarded mail. The mail library leaves a message/rfc822 part in base64 or quoted-printable
     * encoded (only 7bit, 8bit and binary are allowed for it, RFC 2046), yet Gmail sends "forward as attachment"
     * in base64: it is decoded here.
     */
    private static byte[] mailBytes(Part p) throws MessagingException, IOException {
        if (p instanceof MimeBodyPart body && body.getEncoding() != null) {
            String encoding = body.getEncoding().strip().toLowerCase(Locale.ROOT);
            if (encoding.equals("base64") || encoding.equals("quoted-printable")) {
                try (InputStream decoded = MimeUtility.decode(body.getRawInputStream(), encoding)) {
                    return decoded.readAllBytes();
                }
            }
        }
        return bytes(p);
    }

    /**
     * A forwarded mail sent as a plain file ("….eml" as application/octet-stream, as some phone and web mail
     * programs attach it).
     */
    private static boolean forwardedFile(Part p, String base) {
        String name = fileName(p);
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".eml")
                && (base.equals("application/octet-stream") || base.equals("text/plain"));
    }

    private static ContentType contentType(Part p) throws MessagingException {
        String header = p.getContentType();
        try {
            return new ContentType(header == null ? "text/plain" : header);
        } catch (ParseException malformed) {
            return new ContentType("application", "octet-stream", null);
        }
    }

    private static String disposition(Part p) {
        try {
            return p.getDisposition();
        } catch (MessagingException malformed) {
            return null;
        }
    }

    private static String fileName(Part p) {
        try {
            String name = p.getFileName();
            return name == null || name.isBlank() ? null : VietnameseText.normalize(headerText(name));
        } catch (MessagingException malformed) {
            return null;
        }
    }

    private static String subject(MimeMessage m) throws MessagingException {
        String s = m.getHeader("Subject", null);
        if (s == null) {
            return "";
        }
        return VietnameseText.normalize(headerText(MimeUtility.unfold(s)));
    }

    /**
     * A header value as text: RFC 2047 encoded words decoded; raw 8-bit bytes (read one char per
     * byte) decoded by what the bytes are, UTF-8 or a legacy Vietnamese code page.
     */
    static String headerText(String s) {
        if (s == null) {
            return null;
        }
        if (s.chars().anyMatch(c -> c > 0x7F) && s.chars().allMatch(c -> c <= 0xFF)) {
            s = MailText.decode(s.getBytes(StandardCharsets.ISO_8859_1), null);
        }
        s = joinSplitWords(s);
        try {
            return MimeUtility.decodeText(s);
        } catch (UnsupportedEncodingException unknownCharset) {
            return s;
        }
    }

    private static final java.util.regex.Pattern ENCODED_WORD = java.util.regex.Pattern.compile(
            "=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

    /**
     * Adjacent encoded words of one charset decoded as one: some webmails cut a long subject into encoded words
     * by bytes, in the middle of a letter's UTF-8 bytes, which decoded one by one give replacement characters
     * (Thunderbird and Gmail read them whole). A run of such words is replaced by its text; anything else is left.
     */
    static String joinSplitWords(String s) {
        java.util.regex.Matcher m = ENCODED_WORD.matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
        String runCharset = null;
        int runStart = -1;
        int runEnd = -1;
        while (m.find()) {
            boolean adjacent = runCharset != null && s.substring(runEnd, m.start()).isBlank()
                    && runCharset.equalsIgnoreCase(m.group(1));
            if (!adjacent) {
                if (runCharset != null) {
                    out.append(s, last, runStart).append(runText(run, runCharset, s.substring(runStart, runEnd)));
                    last = runEnd;
                }
                run.reset();
                runCharset = m.group(1);
                runStart = m.start();
            }
            byte[] bytes = wordBytes(m.group(2), m.group(3));
            if (bytes == null) {
                return s;
            }
            run.writeBytes(bytes);
            runEnd = m.end();
        }
        if (runCharset == null) {
            return s;
        }
        out.append(s, last, runStart).append(runText(run, runCharset, s.substring(runStart, runEnd))).append(s.substring(runEnd));
        return out.toString();
    }

    private static byte[] wordBytes(String encoding, String text) {
        try {
            if (encoding.equalsIgnoreCase("B")) {
                return java.util.Base64.getMimeDecoder().decode(text);
            }
            java.io.ByteArrayOutputStream q = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '_') {
                    q.write(' ');
                } else if (c == '=' && i + 2 < text.length()) {
                    q.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    q.write(c);
                }
            }
            return q.toByteArray();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** A run's text in its charset (RFC 2231 language suffix dropped); the words as they were when it is unknown. */
    private static String runText(java.io.ByteArrayOutputStream run, String charset, String original) {
        String name = charset.contains("*") ? charset.substring(0, charset.indexOf('*')) : charset;
        try {
            return MailText.decode(run.toByteArray(), MimeUtility.javaCharset(name));
        } catch (RuntimeException unknown) {
            return original;
        }
    }

    private static InternetAddress firstAddress(MimeMessage m) {
        try {
            Address[] from = m.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a : null;
        } catch (MessagingException malformed) {
            return null;
        }
    }

    private static List<String> references(MimeMessage m) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String v = m.getHeader(header, " ");
            if (v != null) {
                Arrays.stream(v.split("\\s+")).map(String::strip).filter(s -> s.startsWith("<") && s.endsWith(">"))
                        .filter(s -> !ids.contains(s)).forEach(ids::add);
            }
        }
        return List.copyOf(ids);
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Properties sessionProperties() {
        Properties p = new Properties();
        // RFC 2231 parameters and RFC 2047 file names (8-bit headers are read byte for byte and decoded
        // by headerText: they may be UTF-8 or a legacy code page)
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.decodefilename", "true");
        // encoded words glued to other text, as some clients write them
        p.setProperty("mail.mime.decodetext.strict", "false");
        // a last part without its closing boundary is still read
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        return p;
    }
}
