package vn.paknhub.paper;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.paknhub.core.text.ContactFinder;

/**
 * Reads a Vietnamese letter the way a clerk does: the addressee from "Kính gửi: …", the sender from
 * the letter head or the signature block, contact details wherever they are written, the date line
 * ("…, ngày 12 tháng 10 năm 2026"), a subject line ("V/v …") or the letter's heading as the title,
 * and the text between the addressee and the signature as the body. Explainable rules: a field that
 * is not found stays empty, never guessed.
 */
final class LetterReader {

    /** What was read from one letter; any field may be null. */
    record Letter(String addressee, String senderName, String address, String phone, String email,
            LocalDate letterDate, String title, String body) {
    }

    private static final int I = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ADDRESSEE = Pattern.compile("^\\s*k[íi]nh\\s*g[ửu]i\\s*[:：.;]?\\s*(.*)$", I);
    private static final Pattern DATE = Pattern.compile(
            "ngày\\s*(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*năm\\s*(\\d{4})", I);
    private static final Pattern NAME_LABEL = Pattern.compile(
            "^\\s*(?:họ\\s+và\\s+tên|họ\\s+tên|người\\s+gửi|tên\\s+tôi\\s+là|tôi\\s+tên\\s+là)\\s*[:：]\\s*(.{3,80})$", I);
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}");
    private static final Pattern SUBJECT = Pattern.compile("^\\s*(?:v/v|về\\s+việc)\\s*[:：.]?\\s*(.{5,300})$", I);
    private static final Pattern CLOSING = Pattern.compile(
            "^\\s*(?:người\\s+(?:gửi|viết|kiến\\s+nghị|đề\\s+xuất)|kính\\s+thư|\\(ký)", I);
    /** A person's name as signed: two to six capitalised words, letters only. */
    private static final Pattern PERSON = Pattern.compile("^(?:\\p{Lu}[\\p{L}]*\\s+){1,5}\\p{Lu}[\\p{L}]*$");
    private static final Pattern MOTTO = Pattern.compile(
            "cộng\\s*hòa\\s*xã\\s*hội|cộng\\s*hoà\\s*xã\\s*hội|độc\\s*lập\\s*[-–]\\s*tự\\s*do|^[\\s\\-–_=.]+$", I);
    /** The national motto where the OCR ran it on from the sender's column on the same line. */
    private static final Pattern MOTTO_MID_LINE = Pattern.compile(
            "\\s(?=cộng\\s*h(?:òa|oà)\\s*xã\\s*hội|độc\\s*lập\\s*[-–]\\s*tự\\s*do)", I);
    private static final int SIGNATURE_LINES = 8;
    private static final Pattern ADDRESS_LABEL = Pattern.compile(
            "^\\s*(?:địa\\s+chỉ(?:\\s+liên\\s+hệ|\\s+thường\\s+trú)?|đ/c)\\s*[:：]\\s*(.{3,250})$", I);
    /** "Điện thoại: …", "Email: …": the start of another field of the letter head. */
    private static final Pattern LABEL = Pattern.compile("^[\\p{L} /.-]{2,20}[:：]", I);

    private LetterReader() {
    }

    static Letter read(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        List<String> lines = text.lines().flatMap(LetterReader::splitAtMotto).map(String::strip).toList();

        int addresseeAt = -1;
        String addressee = null;
        for (int i = 0; i < lines.size() && addresseeAt < 0; i++) {
            Matcher m = ADDRESSEE.matcher(lines.get(i));
            if (m.matches()) {
                addresseeAt = i;
                addressee = firstAddressee(m.group(1), lines, i);
            }
        }
        int closingAt = lines.size();
        for (int i = lines.size() - 1; i > addresseeAt; i--) {
            if (CLOSING.matcher(lines.get(i)).find()) {
                closingAt = i;
            }
            if (lines.size() - i > SIGNATURE_LINES + 4) {
                break;
            }
        }
        String body = body(lines, addresseeAt, closingAt);
        return new Letter(addressee, senderName(lines, closingAt), address(lines).orElseGet(() -> ContactFinder.address(text)
                .orElse(null)),
                ContactFinder.phone(text).orElse(null), email(text), date(text), title(lines, addresseeAt, body), body);
    }

    /** "Kính gửi: Bộ Y tế" or "Kính gửi:" then "- Bộ Y tế; - UBND tỉnh …": the first one named. */
    private static String firstAddressee(String rest, List<String> lines, int at) {
        String candidate = rest.isBlank() && at + 1 < lines.size() ? lines.get(at + 1) : rest;
        String cleaned = candidate.replaceFirst("^[-–•+]\\s*", "").replaceAll("[.;,:]+$", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String body(List<String> lines, int addresseeAt, int closingAt) {
        int start = addresseeAt + 1;
        // further addressees ("- Sở Y tế tỉnh …") belong to the heading, not the body
        while (start < closingAt && (lines.get(start).isEmpty() || lines.get(start).matches("^[-–•+]\\s*\\p{Lu}.*")
                && lines.get(start).length() < 120)) {
            start++;
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = start; i < closingAt; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                flush(paragraphs, current);
                continue;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(line);
        }
        flush(paragraphs, current);
        String body = String.join("\n\n", paragraphs).strip();
        return body.isEmpty() ? null : body;
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    /** A labelled name ("Họ và tên: …") first; otherwise the name signed under the closing. */
    private static String senderName(List<String> lines, int closingAt) {
        for (String line : lines) {
            Matcher m = NAME_LABEL.matcher(line);
            if (m.matches()) {
                return m.group(1).replaceAll("[.;,]+$", "").strip();
            }
        }
        String signed = null;
        for (int i = closingAt; i < lines.size(); i++) {
            String line = lines.get(i).replaceAll("[.,;]+$", "");
            if (PERSON.matcher(line).matches() && !line.equals(line.toUpperCase(Locale.ROOT))
                    && !CLOSING.matcher(line).find()) {
                signed = line;
            }
        }
        return signed;
    }

    private static Stream<String> splitAtMotto(String line) {
        Matcher m = MOTTO_MID_LINE.matcher(line);
        return m.find() && !line.substring(0, m.start()).isBlank()
                ? Stream.of(line.substring(0, m.start()), line.substring(m.end())) : Stream.of(line);
    }

    /**
     * "Địa chỉ: Số 15 đường Trần" / "Phú, phường 3, …": a letter head wraps the address over several
     * lines. An address still ending in a comma goes on past the motto and date of the other column
     * (which the OCR may put between its lines) and past a blank line.
     */
    private static Optional<String> address(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ADDRESS_LABEL.matcher(lines.get(i));
            if (m.matches()) {
                StringBuilder address = new StringBuilder(m.group(1).strip());
                for (int j = i + 1; j < lines.size(); j++) {
                    String line = lines.get(j);
                    if (continuesAddress(line)) {
                        address.append(' ').append(line);
                    } else if (!(address.toString().endsWith(",") && (line.isEmpty() || MOTTO.matcher(line).find()
                            || DATE.matcher(line).find()))) {
                        break;
                    }
                }
                return Optional.of(address.toString().replaceAll("[.;,]+$", ""));
            }
        }
        return Optional.empty();
    }

    private static boolean continuesAddress(String line) {
        return !line.isEmpty() && !LABEL.matcher(line).find() && !MOTTO.matcher(line).find() && !DATE.matcher(line).find()
                && !ADDRESSEE.matcher(line).matches() && !line.equals(line.toUpperCase(Locale.ROOT));
    }

    private static String email(String text) {
        Matcher m = EMAIL.matcher(text);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    private static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            } catch (DateTimeException notADate) {
                // "ngày 31 tháng 2" read wrongly: look further
            }
        }
        return null;
    }

    /** The subject line ("V/v …"), else the heading in capitals above the addressee, else the body's opening. */
    private static String title(List<String> lines, int addresseeAt, String body) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SUBJECT.matcher(lines.get(i));
            if (m.matches()) {
                // a long subject wraps onto the next lines, down to the addressee
                StringBuilder subject = new StringBuilder(m.group(1).strip());
                for (int j = i + 1; j < lines.size() && !lines.get(j).isEmpty() && !ADDRESSEE.matcher(lines.get(j)).matches()
                        && !MOTTO.matcher(lines.get(j)).find(); j++) {
                    subject.append(' ').append(lines.get(j));
                }
                return subject.toString();
            }
        }
        for (int i = 0; i < Math.max(addresseeAt, 0); i++) {
            String line = lines.get(i);
            if (line.length() >= 6 && line.equals(line.toUpperCase(Locale.ROOT)) && line.matches(".*\\p{L}{3}.*")
                    && !MOTTO.matcher(line).find()) {
                return capitalised(line);
            }
        }
        return Optional.ofNullable(body).map(b -> {
            String first = b.split("(?<=[.!?])\\s|\\n", 2)[0];
            return first.length() > 200 ? first.substring(0, 200).replaceFirst("\\s+\\S*$", "") + "…" : first;
        }).orElse(null);
    }

    /** "ĐƠN KIẾN NGHỊ" → "Đơn kiến nghị". */
    private static String capitalised(String caps) {
        String lower = caps.toLowerCase(Locale.forLanguageTag("vi"));
        return lower.substring(0, 1).toUpperCase(Locale.forLanguageTag("vi")) + lower.substring(1);
    }
}
