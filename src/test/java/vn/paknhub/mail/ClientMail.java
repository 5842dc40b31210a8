package vn.paknhub.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Raw mails as the usual mail programs write them (header order, MIME layout, transfer encodings), for tests
 * that need many mails: Outlook on Windows (alternative text and HTML, quoted-printable, Thread-Index,
 * sometimes X-Auto-Response-Suppress), Gmail on the web (alternative, quoted-printable, a long boundary),
 * Thunderbird (one flowed 8-bit text part) and the iPhone's Mail (quoted-printable, "Gửi từ iPhone").
 */
final class ClientMail {

    enum Client {
        OUTLOOK, GMAIL, THUNDERBIRD, IPHONE
    }

    private ClientMail() {
    }

    /** A mail of {@code client} from {@code name <address>} to {@code to}; {@code body} is the person's own text. */
    static byte[] of(Client client, String name, String address, String to, String subject, String body, String messageId,
            String date) {
        String from = "From: " + encoded(name) + " <" + address + ">\r\n";
        String subj = "Subject: " + encoded(subject) + "\r\n";
        String text = body.replace("\r\n", "\n").replace("\n", "\r\n");
        StringBuilder m = new StringBuilder();
        switch (client) {
            case OUTLOOK -> {
                String boundary = "_000_" + Integer.toHexString(messageId.hashCode()) + "MAILBOXPAKNlocal_";
                m.append(from).append("To: \"pakn@paknskgp.local\" <").append(to).append(">\r\n").append(subj)
                        .append("Thread-Topic: ").append(encoded(subject)).append("\r\n")
                        .append("Thread-Index: AdtG").append(Integer.toHexString(messageId.hashCode())).append("==\r\n")
                        .append("Date: ").append(date).append("\r\n").append("Message-ID: ").append(messageId).append("\r\n")
                        .append("Accept-Language: vi-VN, en-US\r\nContent-Language: vi-VN\r\n")
                        .append("X-MS-Has-Attach: \r\nX-MS-TNEF-Correlator: \r\n")
                        .append("Content-Type: multipart/alternative;\r\n\tboundary=\"").append(boundary).append("\"\r\n")
                        .append("MIME-Version: 1.0\r\n\r\n")
                        .append("--").append(boundary).append("\r\n")
                        .append("Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                        .append(Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))).append("\r\n\r\n")
                        .append("--").append(boundary).append("\r\n")
                        .append("Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                        .append(Base64.getMimeEncoder().encodeToString(html(text).getBytes(StandardCharsets.UTF_8)))
                        .append("\r\n\r\n--").append(boundary).append("--\r\n");
            }
            case GMAIL -> {
                String boundary = "000000000000" + String.format("%016x", (long) messageId.hashCode() * 31L).substring(0, 12);
                m.append("MIME-Version: 1.0\r\n").append(from).append("Date: ").append(date).append("\r\n")
                        .append("Message-ID: ").append(messageId).append("\r\n").append(subj).append("To: ").append(to)
                        .append("\r\nContent-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n")
                        .append("--").append(boundary).append("\r\n")
                        .append("Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
                        .append(quotedPrintable(text)).append("\r\n\r\n")
                        .append("--").append(boundary).append("\r\n")
                        .append("Content-Type: text/html; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
                        .append(quotedPrintable("<div dir=\"ltr\">" + html(text) + "</div>")).append("\r\n\r\n")
                        .append("--").append(boundary).append("--\r\n");
            }
            case THUNDERBIRD -> m.append("Message-ID: ").append(messageId).append("\r\n").append("Date: ").append(date)
                    .append("\r\nMIME-Version: 1.0\r\nUser-Agent: Mozilla Thunderbird\r\nContent-Language: vi\r\nTo: ")
                    .append(to).append("\r\n").append(from).append(subj)
                    .append("Content-Type: text/plain; charset=UTF-8; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                    .append(text).append("\r\n");
            case IPHONE -> m.append("Content-Type: text/plain;\r\n\tcharset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n")
                    .append(from).append("Mime-Version: 1.0 (1.0)\r\n").append(subj).append("Date: ").append(date)
                    .append("\r\nMessage-Id: ").append(messageId).append("\r\nTo: ").append(to)
                    .append("\r\nX-Mailer: iPhone Mail (21G93)\r\n\r\n")
                    .append(quotedPrintable(text + "\n\nGửi từ iPhone của tôi")).append("\r\n");
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An RFC 2047 encoded word when the text is not ASCII, as every one of these programs writes it. */
    static String encoded(String s) {
        if (s.chars().allMatch(c -> c < 0x80)) {
            return s;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String html(String text) {
        StringBuilder h = new StringBuilder("<html><body>");
        for (String line : text.split("\r\n", -1)) {
            h.append("<div>").append(line.isEmpty() ? "<br>" : line.replace("&", "&amp;").replace("<", "&lt;")).append("</div>");
        }
        return h.append("</body></html>").toString();
    }

    /** Quoted-printable of UTF-8 text, lines of at most 76 characters with soft breaks. */
    static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            StringBuilder l = new StringBuilder();
            for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xFF;
                String piece = c >= 33 && c <= 126 && c != '=' || c == ' ' ? String.valueOf((char) c)
                        : String.format("=%02X", c);
                if (l.length() + piece.length() > 75) {
                    out.append(l).append("=\r\n");
                    l.setLength(0);
                }
                l.append(piece);
            }
            if (l.length() > 0 && l.charAt(l.length() - 1) == ' ') {
                l.setLength(l.length() - 1);
                l.append("=20");
            }
            out.append(l).append("\r\n");
        }
        return out.toString().stripTrailing();
    }
}
