package vn.paknhub.paper;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.paknhub.core.text.ContactFinder;
import vn.paknhub.core.text.VietnameseText;

/**
 * Reads a Vietnamese letter the way a clerk does: the addressee from "Kính gửi: …" (over two lines when it
 * wraps), the sender from the letter head or the signature block (a person's name without the academic or
 * professional title before it: "PGS.TS.", "ThS.", "KS.", "Luật sư"), the address wherever it is written (the
 * head's "Địa chỉ:", "địa chỉ: …" inside a sentence, the lines under the signature), phone and e-mail wherever
 * they are (a number wrapped over a line break or with its area code in parentheses), the date line ("…, ngày
 * 12 tháng 10 năm 2026"), a subject line ("V/v …", also as OCR damages it: "V/V", "Vv", "V/w", "VN") or else
 * the letter's heading as the title, and the text between the addressee and the signature as the body.
 * Explainable rules: a field that is not found stays empty, never guessed.
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
    /**
     * A subject line. Exact forms ("V/v", "Về việc"); the forms OCR makes of an italic "V/v" ("V/V", "Vv", "V/w",
     * "V/y", "V.v", "V/", "V7", "V/%w", "VN") are taken above the addressee only, where a subject stands.
     */
    private static final Pattern SUBJECT = Pattern.compile(
            "^\\s*\\(?\\s*(?:v\\s*/\\s*v|về\\s+việc)\\s*[:：.]?\\s*(.{5,300}?)\\)?\\s*$", I);
    private static final Pattern EXACT_SUBJECT = Pattern.compile("^\\s*\\(?\\s*v\\s*/\\s*v\\s*[:：.]?\\s*(.{5,300}?)\\)?\\s*$", I);
    private static final Pattern DAMAGED_SUBJECT = Pattern.compile(
            "^\\s*\\(?\\s*(?:[vV]\\s*[/⁄|\\\\.,%7]{1,3}\\s*[vVwWyY]?|[vV][vV]|VN)\\s*[:：.]?\\s+(\\p{Ll}.{4,300}?)\\)?\\s*$");
    /** The closing of a letter: the signer's role line, the signing instructions, a formal close. */
    private static final Pattern CLOSING = Pattern.compile(
            "^\\s*(?:người\\s+(?:gửi|viết|kiến\\s+nghị|đề\\s+xuất|đề\\s+nghị|góp\\s+ý|làm\\s+đơn|làm\\s+thư|viết\\s+đơn|viết\\s+thư"
                    + "|gửi\\s+đơn|gửi\\s+thư|khiếu\\s+nại|tố\\s+cáo|tố\\s+giác|phản\\s+ánh|đại\\s+diện)"
                    + "|kính\\s+thư|\\(\\s*ký|\\(\\s*đã\\s+ký|(?:tm|kt|tl|tuq)\\s*\\.|thay\\s+mặt|đại\\s+diện\\s+(?:hộ|gia|nhóm))", I);
    /** A signer's position in capitals ("GIÁM ĐỐC", "KT. HIỆU TRƯỞNG", "CHỦ TỊCH"). */
    private static final Pattern POSITION = Pattern.compile(
            "(?:GIÁM\\s+ĐỐC|CHỦ\\s+TỊCH|TRƯỞNG|CHỦ\\s+NHIỆM|BÍ\\s+THƯ|THƯ\\s+KÝ|ĐẠI\\s+DIỆN|CHÁNH\\s+VĂN\\s+PHÒNG)");
    /** A person's name as signed: two to six words, each a capital then small letters ("Nguyễn Thị Lan"). */
    private static final Pattern PERSON = Pattern.compile("^(?:\\p{Lu}\\p{Ll}*\\s+){1,5}\\p{Lu}\\p{Ll}*$");
    /**
     * Academic and professional titles written before a name ("PGS.TS. Trần Văn Hải", "Luật sư Phan Thị Hồng"):
     * not part of the name a letter is addressed to. "Ông" and "Bà" stay: they are also family names.
     */
    private static final Pattern TITLES = Pattern.compile("^(?:(?:(?:P?GS|TSKH|TS|Th\\.?S|KS|BS|BSCKI{1,2}|CKI{1,2}|DS|LS"
            + "|NCS|CN|KTS|NGƯT|NGND|NSƯT|NSND)\\s*[.:]\\s*)+|(?:luật\\s+sư|kỹ\\s+sư|kiến\\s+trúc\\s+sư|bác\\s+sĩ|dược\\s+sĩ"
            + "|tiến\\s+sĩ|thạc\\s+sĩ|phó\\s+giáo\\s+sư|giáo\\s+sư|nhà\\s+giáo\\s+ưu\\s+tú|nhà\\s+giáo\\s+nhân\\s+dân"
            + "|nghệ\\s+sĩ\\s+ưu\\s+tú|nghệ\\s+sĩ\\s+nhân\\s+dân|cử\\s+nhân)\\s+)+", I);
    private static final Pattern MOTTO = Pattern.compile(
            "cộng[\\s.]*h[òo]a[\\s.]*xã[\\s.]*hội|cộng\\s*hoà\\s*xã\\s*hội|độc[\\s.]*lập\\s*[-–]\\s*tự\\s*do|^[\\s\\-–_=.]+$", I);
    /** The national motto where the OCR ran it on from the sender's column on the same line, spaced or not. */
    private static final Pattern MOTTO_MID_LINE = Pattern.compile(
            "(?=cộng[\\s.]*h(?:òa|oà)[\\s.]*xã[\\s.]*hội|độc[\\s.]*lập[\\s.]*[-–][\\s.]*tự[\\s.]*do)", I);
    private static final int SIGNATURE_LINES = 10;
    private static final Pattern ADDRESS_LABEL = Pattern.compile(
            "^\\s*(?:địa\\s+chỉ(?:\\s+liên\\s+hệ|\\s+thường\\s+trú|\\s+nhà\\s+riêng|\\s+trụ\\s+sở)?|đ/c|trụ\\s+sở)\\s*[:：]\\s*(.{3,250})$", I);
    /** "… địa chỉ: số 12 ngõ 34 phố …, phường …, Hà Nội, số điện thoại …": an address inside a sentence. */
    private static final Pattern INLINE_ADDRESS = Pattern.compile(
            "\\b(?:địa\\s+chỉ(?:\\s+liên\\s+hệ|\\s+thường\\s+trú|\\s+nhà\\s+riêng|\\s+trụ\\s+sở)?|trụ\\s+sở\\s+tại|có\\s+trụ\\s+sở"
                    + "\\s+tại|sinh\\s+sống\\s+tại|cư\\s+trú\\s+tại)\\s*[:：]?\\s*", I);
    /** The first word of a part of a Vietnamese address, or a house number. */
    private static final Pattern ADDRESS_PART = Pattern.compile("^(?:\\d|số\\s*(?:nhà\\s*)?\\d|(?:ngõ|ngách|hẻm|kiệt|đường|phố|đại\\s+lộ"
            + "|phường|xã|thị\\s+trấn|quận|huyện|thị\\s+xã|thành\\s+phố|tỉnh|thôn|xóm|ấp|bản|buôn|làng|khu\\s+phố|khu|tổ"
            + "|khối|tp\\s*\\.|q\\s*\\.|p\\s*\\.|tòa\\s+nhà|tầng|lô|quốc\\s+lộ|tỉnh\\s+lộ|km)(?:\\s|\\d|$))", I);
    /** A place name on its own ("Hà Nội"): one to four capitalised words. */
    private static final Pattern PROPER_NAME = Pattern.compile("^\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){0,3}$");
    /** "Điện thoại: …", "Email: …": the start of another field of the letter head. */
    private static final Pattern LABEL = Pattern.compile("^[\\p{L} /.-]{2,24}[:：]", I);
    /** A heading that says only what kind of letter it is ("ĐƠN KIẾN NGHỊ", "THƯ GÓP Ý"), not what it is about. */
    private static final Pattern GENERIC_HEADING = Pattern.compile("^(?:đơn|thư|bản|văn\\s+bản|tờ\\s+trình|công\\s+văn)"
            + "(?:\\s+(?:kiến\\s+nghị|đề\\s+nghị|đề\\s+xuất|góp\\s+ý|phản\\s+ánh|khiếu\\s+nại|tố\\s+cáo|tố\\s+giác|trình\\s+bày"
            + "|ngỏ|gửi|xin))?$", I);
    /**
     * Cities and provinces, whose name alone on a line under a signature ends an address and is never the
     * signer's ("Ông/Bà Hà Nội" on an acknowledgement).
     */
    private static final Set<String> PLACES = Set.of("hà nội", "hồ chí minh", "thành phố hồ chí minh", "tp hồ chí minh",
            "sài gòn", "đà nẵng", "hải phòng", "cần thơ", "huế", "an giang", "bà rịa vũng tàu", "bắc giang", "bắc kạn",
            "bạc liêu", "bắc ninh", "bến tre", "bình định", "bình dương", "bình phước", "bình thuận", "cà mau", "cao bằng",
            "đắk lắk", "đắk nông", "điện biên", "đồng nai", "đồng tháp", "gia lai", "hà giang", "hà nam", "hà tĩnh",
            "hải dương", "hậu giang", "hòa bình", "hưng yên", "khánh hòa", "kiên giang", "kon tum", "lai châu", "lâm đồng",
            "lạng sơn", "lào cai", "long an", "nam định", "nghệ an", "ninh bình", "ninh thuận", "phú thọ", "phú yên",
            "quảng bình", "quảng nam", "quảng ngãi", "quảng ninh", "quảng trị", "sóc trăng", "sơn la", "tây ninh",
            "thái bình", "thái nguyên", "thanh hóa", "thừa thiên huế", "tiền giang", "trà vinh", "tuyên quang",
            "vĩnh long", "vĩnh phúc", "yên bái", "việt nam");

    /** Common family names (họ), as they are spelt: to tell a misread mark in a name. */
    private static final Set<String> FAMILY_NAMES = Set.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
            "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai", "Cao", "Lâm", "Triệu",
            "Tạ", "Hà", "Kiều", "Phùng", "Quách", "Tô", "Chu", "Vương", "Lưu", "Đoàn", "Văn", "Thái", "Châu", "Trương",
            "Tăng", "Lò", "Lục", "Nông", "Hứa", "Giang", "Khổng", "Mạc", "Diệp", "Âu", "Ông", "Kim", "Đàm", "Tôn", "Thân",
            "Vi", "Hầu", "La", "Lạc", "Cù", "Đào", "Ninh", "Tiêu", "Phí", "Lại", "Nghiêm", "Doãn", "Khúc", "Ma", "Sầm");
    /** Common middle names (tên đệm). */
    private static final Set<String> MIDDLE_NAMES = Set.of("Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Công", "Quang",
            "Ngọc", "Xuân", "Thu", "Kim", "Hoàng", "Bảo", "Quốc", "Thành", "Đình", "Hồng", "Anh", "Mạnh", "Tuấn", "Trọng",
            "Phương", "Mỹ", "Gia", "Khánh", "Hải", "Thúy", "Diệu", "Bích", "Hoài", "Như", "Tiến", "Duy", "Việt");

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
            if (closing(lines.get(i))) {
                closingAt = i;
            }
            if (lines.size() - i > SIGNATURE_LINES + 6) {
                break;
            }
        }
        String body = body(lines, addresseeAt, closingAt);
        Signer signer = signer(lines, closingAt);
        String flat = String.join("\n", lines);
        String address = labelledAddress(lines).or(() -> inlineAddress(flat))
                .or(() -> signatureAddress(lines, signer.at()))
                .or(() -> ContactFinder.address(flat)).orElse(null);
        return new Letter(addressee, senderName(labelledName(lines).orElse(null), signer.name()), address,
                ContactFinder.phone(phoneText(flat)).orElse(null), email(flat), date(text),
                title(lines, addresseeAt, body), body);
    }

    /**
     * "Kính gửi: Bộ Y tế" or "Kính gửi:" then "- Bộ Y tế; - UBND tỉnh …": the first one named. A name that wraps
     * ("… Sở Khoa học và Công nghệ thành phố" / "Hồ Chí Minh") goes on over the next line when that line is the
     * rest of it: it begins in lower case, or it is a short run of capitalised words.
     */
    private static String firstAddressee(String rest, List<String> lines, int at) {
        boolean onNextLine = rest.isBlank() && at + 1 < lines.size();
        String candidate = onNextLine ? lines.get(at + 1) : rest;
        int next = onNextLine ? at + 2 : at + 1;
        String cleaned = candidate.replaceFirst("^[-–•+]\\s*", "").strip();
        if (!onNextLine && next < lines.size() && !cleaned.matches(".*[.;:]$") && continuesName(lines.get(next))) {
            cleaned = cleaned + " " + lines.get(next).replaceAll("[.;,:]+$", "").strip();
        }
        // what OCR leaves after the name (",", "„", "_") is not part of it
        cleaned = cleaned.replaceAll("[^\\p{L}\\p{N})]+$", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static boolean continuesName(String line) {
        if (line.isEmpty() || line.matches("^[-–•+].*") || LABEL.matcher(line).find() || MOTTO.matcher(line).find()
                || DATE.matcher(line).find()) {
            return false;
        }
        String words = line.replaceAll("[.;,:]+$", "").strip();
        return Character.isLowerCase(words.codePointAt(0)) && words.length() <= 60 && !words.contains(". ")
                || PROPER_NAME.matcher(words).matches();
    }

    private static boolean closing(String line) {
        return CLOSING.matcher(line).find() || isPosition(line);
    }

    private static boolean isPosition(String line) {
        return line.length() <= 60 && line.equals(line.toUpperCase(Locale.ROOT)) && POSITION.matcher(line).find()
                && line.split("\\s+").length <= 8;
    }

    private static String body(List<String> lines, int addresseeAt, int closingAt) {
        // the rest of a wrapped addressee, and further addressees ("- Sở Y tế tỉnh …"), belong to the heading
        int start = addresseeAt + 1 + (addresseeAt >= 0 && wrappedAddressee(lines, addresseeAt) ? 1 : 0);
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

    /** Whether the line after "Kính gửi: …" is the rest of the addressee's name (see {@link #firstAddressee}). */
    private static boolean wrappedAddressee(List<String> lines, int at) {
        Matcher m = ADDRESSEE.matcher(lines.get(at));
        return m.matches() && !m.group(1).isBlank() && at + 1 < lines.size()
                && !m.group(1).strip().matches(".*[.;:]$") && continuesName(lines.get(at + 1));
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    private static Optional<String> labelledName(List<String> lines) {
        for (String line : lines) {
            Matcher m = NAME_LABEL.matcher(line);
            if (m.matches()) {
                String name = name(m.group(1));
                if (name != null) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The labelled name ("Họ và tên: …") wins. When the signature spells the same name with other marks (OCR
     * misread one of them: "Định Công Tráng" in the head's small print, "Đinh Công Tráng" under the signature), the
     * spelling whose family and middle names are ones Vietnamese names use is taken; if neither or both are, the
     * label's.
     */
    private static String senderName(String labelled, String signed) {
        if (labelled != null && signed != null && !labelled.equals(signed)
                && VietnameseText.fold(labelled).equals(VietnameseText.fold(signed))
                && knownParts(signed) > knownParts(labelled)) {
            return signed;
        }
        return labelled != null ? labelled : signed;
    }

    /** How many of the name's words before the given name are a common family or middle name. */
    private static int knownParts(String name) {
        String[] words = name.split("\\s+");
        int known = 0;
        for (int i = 0; i < words.length - 1; i++) {
            known += (i == 0 ? FAMILY_NAMES : MIDDLE_NAMES).contains(words[i]) ? 1 : 0;
        }
        return known;
    }

    /** The name as written, without the titles before it and the marks OCR leaves around it; null if nothing is left. */
    static String name(String written) {
        String name = written.strip().replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        name = TITLES.matcher(name).replaceFirst("").strip();
        return name.codePoints().filter(Character::isLetter).count() < 3 ? null : name;
    }

    /** The signed name and the line it is on (-1: none). */
    private record Signer(String name, int at) {
    }

    /**
     * The name signed under the closing: after the closing block (the role, "(Ký, ghi rõ họ tên)", the signature
     * itself, which OCR may read as letters), the last line that is a person's name before the contact details
     * written under it. An address under the name, down to its city ("Hà Nội"), is not a name. Without a
     * recognisable closing, a name on one of the last lines.
     */
    private static Signer signer(List<String> lines, int closingAt) {
        int from = closingAt < lines.size() ? closingAt : Math.max(0, lines.size() - 6);
        Signer found = new Signer(null, -1);
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (found.at() >= 0 && (LABEL.matcher(line).find() || ADDRESS_PART.matcher(line).find())) {
                break; // the contact details under the name
            }
            if (line.isEmpty() || closing(line)) {
                continue;
            }
            String candidate = name(line);
            if (candidate == null || !PERSON.matcher(candidate).matches() || isPlace(candidate)
                    || i > 0 && lines.get(i - 1).strip().endsWith(",")) {
                continue;
            }
            // the last name-like line before the contact details: a signature's scrawl read as letters comes first
            found = new Signer(candidate, i);
        }
        return found;
    }

    private static boolean isPlace(String words) {
        String folded = words.toLowerCase(Locale.forLanguageTag("vi")).replaceFirst("^(?:thành phố|tỉnh|tp\\.?)\\s+", "");
        return PLACES.contains(folded);
    }

    private static Stream<String> splitAtMotto(String line) {
        Matcher m = MOTTO_MID_LINE.matcher(line);
        while (m.find()) {
            if (m.start() > 0 && !line.substring(0, m.start()).isBlank()) {
                return Stream.concat(Stream.of(line.substring(0, m.start())), splitAtMotto(line.substring(m.start())));
            }
        }
        return Stream.of(line);
    }

    /**
     * "Địa chỉ: Số 15 đường Trần" / "Phú, phường 3, …": a letter head wraps the address over several
     * lines. An address still ending in a comma goes on past the motto and date of the other column
     * (which the OCR may put between its lines) and past a blank line.
     */
    private static Optional<String> labelledAddress(List<String> lines) {
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

    /**
     * An address given inside a sentence ("Tôi tên là …, địa chỉ: số 12 ngõ 34 phố Hoàng Hoa Thám, phường Ngọc
     * Hà, quận Ba Đình, Hà Nội, số điện thoại …"): the parts after it, comma by comma, as long as they are parts of
     * an address (a house number, a street, a ward, a district, a city by name).
     */
    private static Optional<String> inlineAddress(String text) {
        String flat = text.replaceAll("\\s*\\n\\s*", " ");
        Matcher m = INLINE_ADDRESS.matcher(flat);
        while (m.find()) {
            String rest = flat.substring(m.end());
            List<String> parts = new ArrayList<>();
            for (String part : rest.split(",")) {
                String p = part.strip();
                int sentenceEnd = p.indexOf(". ");
                boolean last = sentenceEnd >= 0 || p.endsWith(".");
                if (sentenceEnd >= 0) {
                    p = p.substring(0, sentenceEnd);
                }
                p = p.replaceAll("[.;]+$", "").strip();
                if (!(ADDRESS_PART.matcher(p).find() || !parts.isEmpty() && PROPER_NAME.matcher(p).matches())
                        || p.length() > 80) {
                    break;
                }
                parts.add(p);
                if (last) {
                    break;
                }
            }
            if (!parts.isEmpty() && parts.size() + (parts.get(0).matches("^\\d.*") ? 1 : 0) >= 2) {
                return Optional.of(String.join(", ", parts));
            }
        }
        return Optional.empty();
    }

    /** The address written under the signed name: its lines, down to the city, before the phone and e-mail. */
    private static Optional<String> signatureAddress(List<String> lines, int nameAt) {
        if (nameAt < 0) {
            return Optional.empty();
        }
        StringBuilder address = new StringBuilder();
        for (int i = nameAt + 1; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("^(?i)(?:địa\\s+chỉ|đ/c)\\s*[:：]?\\s*", "");
            boolean goesOn = address.toString().endsWith(",");
            if (line.isEmpty() || !(ADDRESS_PART.matcher(line).find() || goesOn && !LABEL.matcher(line).find())) {
                break;
            }
            address.append(address.isEmpty() ? "" : " ").append(line);
        }
        String found = address.toString().replaceAll("[.;,]+$", "").strip();
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /** Area codes in parentheses opened ("(024) 3856 7890", "(+84) 905 …") and a number broken over two lines joined. */
    static String phoneText(String text) {
        String opened = text.replaceAll("\\(\\s*(\\+?\\d{2,5})\\s*\\)", "$1");
        // the rest may stand after a blank line, where OCR saw a new paragraph; then it must be alone on its line
        Matcher m = Pattern.compile("((?:\\+84|0)[\\d .-]{1,12}?)[ \\t]*\\n([ \\t]*\\n)?[ \\t]*(\\d[\\d .-]{1,12})([^\\n]*)")
                .matcher(opened);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int before = m.group(1).replaceAll("\\D", "").length();
            int after = m.group(3).replaceAll("\\D", "").length();
            boolean broken = before < 9 && before + after >= 10 && before + after <= 12
                    && (m.start() == 0 || !Character.isDigit(opened.charAt(m.start() - 1)))
                    && (m.group(2) == null || m.group(4).isBlank());
            m.appendReplacement(out, Matcher.quoteReplacement(broken ? m.group(1).strip() + " " + m.group(3) + m.group(4)
                    : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The first e-mail address, with the brackets OCR puts beside an "@" taken off. */
    private static String email(String text) {
        Matcher m = EMAIL.matcher(text.replaceAll("[(\\[{]\\s*@|@\\s*[)\\]}]", "@"));
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

    /**
     * The subject line ("V/v …", above the addressee also as OCR damages it), else the heading in capitals above
     * the addressee when it says what the letter is about, else the body's opening; a title too short to say
     * anything ("Thư góp ý") takes the body's opening after it.
     */
    private static String title(List<String> lines, int addresseeAt, String body) {
        int above = addresseeAt >= 0 ? addresseeAt : lines.size();
        Optional<String> subject = subject(lines, above, SUBJECT, DAMAGED_SUBJECT);
        if (subject.isEmpty()) {
            // "V/v" below the addressee, as some writers put it; "về việc" there is the body's own words
            subject = subject(lines, lines.size(), EXACT_SUBJECT, null);
        }
        if (subject.isPresent()) {
            return subject.get();
        }
        String opening = Optional.ofNullable(body).map(b -> {
            String first = b.split("(?<=[.!?])\\s|\\n", 2)[0];
            return first.length() > 200 ? first.substring(0, 200).replaceFirst("\\s+\\S*$", "") + "…" : first;
        }).orElse(null);
        // the heading nearest the addressee: the sender's name in capitals stands at the top
        for (int i = Math.max(addresseeAt, 0) - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.length() >= 3 && line.equals(line.toUpperCase(Locale.ROOT)) && line.matches(".*\\p{L}{3}.*")
                    && !MOTTO.matcher(line).find() && !LABEL.matcher(line).find() && !line.matches(".*\\d.*")) {
                String heading = capitalised(line.strip());
                if (!GENERIC_HEADING.matcher(heading).matches()) {
                    return heading;
                }
                return opening == null ? heading : heading + ": " + opening;
            }
        }
        return opening;
    }

    private static Optional<String> subject(List<String> lines, int to, Pattern exact, Pattern damaged) {
        for (int i = 0; i < to; i++) {
            Matcher m = exact.matcher(lines.get(i));
            boolean found = m.matches();
            if (!found && damaged != null) {
                m = damaged.matcher(lines.get(i));
                found = m.matches();
            }
            if (found) {
                // a long subject wraps onto the next lines, down to the addressee
                StringBuilder subject = new StringBuilder(m.group(1).strip());
                for (int j = i + 1; j < lines.size() && !lines.get(j).isEmpty() && !ADDRESSEE.matcher(lines.get(j)).matches()
                        && !MOTTO.matcher(lines.get(j)).find() && !LABEL.matcher(lines.get(j)).find()
                        && !DATE.matcher(lines.get(j)).find(); j++) {
                    subject.append(' ').append(lines.get(j).strip());
                }
                return Optional.of(subject.toString().replaceAll("\\)\\s*$", "").replaceAll("[.;:,]+$", "").strip());
            }
        }
        return Optional.empty();
    }

    /** "ĐƠN KIẾN NGHỊ" → "Đơn kiến nghị". */
    private static String capitalised(String caps) {
        String lower = caps.toLowerCase(Locale.forLanguageTag("vi"));
        return lower.substring(0, 1).toUpperCase(Locale.forLanguageTag("vi")) + lower.substring(1);
    }
}
