package vn.paknhub.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.paknhub.casefile.FactSource;
import vn.paknhub.casefile.ItemFacts;
import vn.paknhub.casefile.ItemKind;
import vn.paknhub.casefile.SubmitterType;
import vn.paknhub.core.text.VietnameseText;

/**
 * Reads the regulation's facts about an item that its sender did not state, as a clerk reading the letter would:
 * what the item is (Đ3.1) and who sent it (Đ2.3). Every rule is a phrase on diacritic-folded text
 * ({@link VietnameseText#fold}), so "Kiến nghị", "KIẾN NGHỊ" and "kien nghi" read alike. The submitter's own answer
 * always wins ({@link #facts(SubmissionRequest)}); mail and letters have no such answer and are only read.
 *
 * <p><b>Kind.</b> The title is read first and wins over the body, because it names the document ("Đơn kiến nghị",
 * "V/v đề xuất giải pháp …", "Sáng kiến …"); failing that, the opening of the body: a heading line ("THƯ KIẾN
 * NGHỊ") or the writer performing the act ("tôi xin phản ánh", "chúng tôi có sáng kiến", "kính đề nghị"). Words
 * deeper in the text are not read: a petition often mentions "giải pháp" or "Hệ thống phản ánh, kiến nghị" in
 * passing. In the title a marker counts at its start or at the start of a segment (after "-", ":" …), after the
 * document's own noun (thư, đơn, phiếu, văn bản, V/v, về việc); the first marker found decides.
 * <ul>
 * <li>"phản ánh" → {@link ItemKind#FEEDBACK} (a situation, difficulty or shortcoming reported);</li>
 * <li>"kiến nghị", "đề nghị", plain "đề xuất" → {@link ItemKind#PETITION}: proposing what the authority should do is
 * a kiến nghị (so Decree 20/2008/NĐ-CP defines it, which the Public Service Portal's PAKN system follows);</li>
 * <li>"sáng kiến" → {@link ItemKind#INITIATIVE} and "giải pháp" → {@link ItemKind#SOLUTION}, also as the object of
 * a proposal ("đề xuất giải pháp", "kiến nghị một số giải pháp", "tôi có sáng kiến"): what is proposed decides.</li>
 * </ul>
 * Nothing else is guessed: "góp ý" may be a report or a recommendation, and a text without any marker says
 * nothing. <b>An unknown kind stays null</b>, never defaulted to PETITION: a default would be counted in the
 * statistics of Đ14.3 as a fact; an officer classifies the item instead.
 *
 * <p><b>Submitter type</b>, first rule that applies:
 * <ol>
 * <li>an organisation named in the organisation field (the web form's "on whose behalf"): an association when it
 * starts with Hội, Hiệp hội, Liên hiệp hội, Câu lạc bộ, Liên đoàn, otherwise an {@link SubmitterType#ORGANISATION};</li>
 * <li>the sender's name, a heading or signature line, or the writer's own words naming an organisation as the
 * sender: Công ty, Tập đoàn, Doanh nghiệp, Hợp tác xã, Trường (đại học, THPT …), Học viện, Viện, Trung tâm, Ngân
 * hàng, Bệnh viện, Hội đồng … → ORGANISATION; Hội, Hiệp hội, Câu lạc bộ, Liên đoàn → {@link SubmitterType#ASSOCIATION}
 * ("CÔNG TY CỔ PHẦN …" at the head, "TM. Hiệp hội …" or "Giám đốc" in the signature, "Công ty chúng tôi …",
 * "thay mặt Hội …");</li>
 * <li>the writer saying they are a foreigner ("tôi là người nước ngoài đang làm việc tại …", "tôi là công dân Hàn
 * Quốc"), a nationality other than Vietnamese ("Quốc tịch: Nhật Bản", "Nationality: Korean"), a passport number
 * written out ("Hộ chiếu số: M12345678") under a name that is not Vietnamese, or a foreign name with a passport-like
 * identity number → {@link SubmitterType#FOREIGNER};</li>
 * <li>a person's name → {@link SubmitterType#INDIVIDUAL};</li>
 * <li>otherwise null (a letter whose sender could not be read).</li>
 * </ol>
 * A letter head is among the first {@value #HEAD_LINES} lines and written in capitals, as letter heads are; a
 * signature is what follows the closing ("Trân trọng", "Người gửi", "TM. …") among the last {@value #SIGNATURE_LINES}
 * lines, or the last two lines without one. Only short lines that are not sentences count: a line of prose starting
 * "Bệnh viện huyện …" is about a hospital, not from it. The writer's own words count only in the plural of a body
 * ("Công ty chúng tôi"): "công ty tôi", "trường em" is where a person works or studies.
 */
public final class ItemFactsReader {

    /** How much of the body's opening is read for its kind, in folded characters. */
    static final int OPENING = 800;
    static final int HEAD_LINES = 6;
    static final int SIGNATURE_LINES = 10;
    /** Where a letter's signature starts: its closing formula, or the signer's "on behalf of". */
    private static final Pattern CLOSING = Pattern.compile("^(?:tran trong|kinh thu|kinh chuc|xin (?:tran trong )?cam on"
            + "|nguoi (?:gui|viet|kien nghi|de xuat|phan anh)|\\(ky|tm\\b|t/m\\b|thay mat|dai dien|nhan danh)");
    /** Longer lines are prose, not a letter head, a heading or a signature. */
    private static final int SHORT_LINE = 80;

    /** A document's own noun before what it is: "Đơn kiến nghị", "V/v đề xuất", "Thư góp ý về việc …". */
    private static final String DOCUMENT = "(?:(?:thu|don|phieu|van ban|to trinh|ban|v/v|vv|ve viec|ve)(?:\\s*[:.\\-–]\\s*|\\s+))*";
    private static final String HOW_MANY = "(?:(?:mot so|mot|cac|nhung|hai|ba|bon|nam|\\d+) )?";
    /**
     * What is proposed decides: "đề xuất giải pháp" is a solution, "kiến nghị một số sáng kiến" an initiative; but a
     * solution asked for ("cần có giải pháp", "sớm có giải pháp") is a petition's, not one offered.
     */
    private static final String MARKER = "(?<!\\b(?:can|phai|chua|khong|som|tim|thieu|can co|phai co|chua co|khong co"
            + "|som co) )(?:(?:de xuat|kien nghi|de nghi|gui|trinh bay|chia se) )?" + HOW_MANY
            + "(?<skgp>sang kien|giai phap)\\b|(?<pakn>phan anh|kien nghi|de nghi|de xuat)\\b";

    /** A marker at the start of a title or heading, or of a segment of it. */
    private static final Pattern TITLE_MARKER = Pattern.compile("(?:^|[\\-–:;(\\[] ?)" + DOCUMENT + "(?:" + MARKER + ")");
    /** The writer performing the act: "tôi xin kiến nghị", "chúng tôi mạnh dạn đề xuất giải pháp", "kính đề nghị". */
    private static final Pattern PERFORMED = Pattern.compile("\\b(?:toi|chung toi|chung em|em|xin|kinh(?! gui))"
            + "(?: [^ .!?;:,]+){0,3}? (?:" + MARKER + ")");

    /**
     * Bodies that are organisations. "Viện" and "viên" (a member, a pill), "Học viện" and "học viên" (a trainee) fold
     * alike: the words that follow the latter are left out; "Trường" is also a given name, so a school type must follow.
     */
    private static final String ORGANISATION = "(?:tong cong ty|cong ty|cty|tap doan|doanh nghiep|hop tac xa|htx"
            + "|truong (?:dai hoc|dh|cao dang|cd|trung cap|trung hoc|thpt|thcs|tieu hoc|mam non|pho thong|quoc te)"
            + "|dai hoc|hoc vien(?! (?:cao hoc|lop|khoa)\\b)|vien(?! (?:chuc|nen|thuoc)\\b)|trung tam|ngan hang|benh vien"
            + "|chi nhanh|van phong (?:luat|cong chung)|hoi dong|to chuc|co quan|don vi)\\b";
    /** "Hội" alone is an association only where it is not another word: hội nghị, hội thảo, Hội An. */
    private static final String ASSOCIATION = "(?:hiep hoi|lien hiep (?:cac )?hoi|cau lac bo|clb|lien doan"
            + "|hoi(?! (?:nghi|thao|dong|cho|an|truong|vien|quan|tu|y)\\b))\\b";
    /** Who signs or heads for a body: "TM.", "Thay mặt", "Đại diện", "TM. Ban chấp hành". */
    private static final String ON_BEHALF = "(?:(?:tm|t/m|thay mat|dai dien|dai dien cho|nhan danh)\\.?\\s*(?:ban chap hanh\\s+)?)?";
    private static final Pattern ORGANISATION_LINE = Pattern.compile("^" + ON_BEHALF + ORGANISATION);
    private static final Pattern ASSOCIATION_LINE = Pattern.compile("^" + ON_BEHALF + ASSOCIATION);
    /** A signature's title naming the body the signer heads. */
    private static final Pattern ORGANISATION_HEAD = Pattern.compile(
            "^(?:giam doc|tong giam doc|pho giam doc|hieu truong|vien truong|chu tich hoi dong quan tri|chu nhiem (?:htx|hop tac xa))\\b");
    private static final Pattern ASSOCIATION_HEAD = Pattern.compile(
            "^(?:chu tich|pho chu tich|tong thu ky) (?:hiep hoi|hoi(?! dong\\b)|lien hiep)\\b|^chu nhiem (?:clb|cau lac bo)\\b");
    /** The writer naming the body they write for: "Công ty chúng tôi", "thay mặt Hiệp hội", "chúng tôi là Hội …". */
    private static final Pattern ORGANISATION_SPEAKS = Pattern.compile("\\b" + ORGANISATION
            + " chung toi\\b|\\b(?:thay mat|dai dien cho|nhan danh|chung toi la) " + ORGANISATION);
    private static final Pattern ASSOCIATION_SPEAKS = Pattern.compile("\\b(?:hiep hoi|cau lac bo|clb|lien doan"
            + "|(?<!\\b(?:xa|co|dai|quoc|giao) )hoi) chung toi\\b|\\b(?:thay mat|dai dien cho|nhan danh|chung toi la) "
            + ASSOCIATION);

    /** "Vợ tôi", "con tôi", "bạn tôi": someone else's, not the writer, is a foreigner. */
    private static final String NOT_THEIRS = "(?<!\\b(?:vo|chong|con|ban|me|bo|cha|anh|chi|em|ong|ba|cua|khach|doi tac) )";
    /**
     * Countries whose citizens most often live, work, invest or study in Vietnam; not a list of every nation. Names
     * that fold into Vietnamese words are left out or guarded ("người Lào" but not "người lao động"; no Anh, Ý, Bỉ:
     * "người anh", "người bị").
     */
    private static final String COUNTRY = "(?:han quoc|nhat ban|trung quoc|dai loan|hong kong|my|hoa ky|vuong quoc anh"
            + "|phap|duc|uc|nga|an do|singapore|thai lan|lao(?! dong)|campuchia|malaysia|indonesia|philippines|canada"
            + "|ha lan|tay ban nha|thuy dien|dan mach|na uy|phan lan|thuy si|new zealand|israel|ukraina|ba lan|hungary"
            + "|cuba)\\b";
    private static final Pattern FOREIGNER_SPEAKS = Pattern.compile(NOT_THEIRS + "\\b(?:toi|chung toi|em)(?: (?:la|hien la|cung la))?"
            + "(?: mot)? (?:nguoi nuoc ngoai|cong dan nuoc ngoai|nha dau tu nuoc ngoai|chuyen gia nuoc ngoai"
            + "|nguoi lao dong nuoc ngoai|sinh vien nuoc ngoai|luu hoc sinh nuoc ngoai)\\b"
            + "|" + NOT_THEIRS + "\\b(?:toi|chung toi|em) (?:la|hien la) (?:nguoi|cong dan) " + COUNTRY
            + "|\\b(?:mang|co) quoc tich " + COUNTRY);
    /** A labelled nationality that is not Vietnamese, opening a line or after a comma ("Họ tên: …, Quốc tịch: …"). */
    private static final Pattern NATIONALITY = Pattern.compile(
            "(?:^|[,;] )(?:quoc tich|nationality)\\s*[:：]\\s*(?!viet\\s?nam|vietnamese)\\S");
    /** A passport number written out: "Hộ chiếu số: M12345678", "Passport No. C1234567". */
    private static final Pattern PASSPORT = Pattern.compile("\\b(?:so ho chieu|ho chieu(?: so)?|passport(?: no\\.?| number)?)"
            + "\\s*[:：.]?\\s*[a-z]{0,2}\\d{6,9}\\b");
    private static final Pattern BULLET = Pattern.compile("^[-–•+*]");
    /** An identity number that is a passport's (letters and digits, CCCD and tax codes are digits only). */
    private static final Pattern PASSPORT_LIKE = Pattern.compile("(?i)(?=.*\\d)(?=.*[a-z])[a-z0-9]{6,12}");

    /** Family names that make a name Vietnamese even when written without its marks ("Nguyen Van An"). */
    private static final Set<String> VIETNAMESE_FAMILY_NAMES = Set.of("nguyen", "tran", "le", "pham", "hoang", "huynh",
            "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "dinh", "doan", "lam", "mai", "trinh",
            "truong", "luu", "cao", "quach", "luong", "ta", "tang", "chu", "kieu", "thai", "vuong", "dao", "ton",
            "khuc", "nong", "lo", "ha", "tieu", "trieu", "giang", "thach", "tong");
    /**
     * Letters only Vietnamese writes among the Latin alphabets, besides the block U+1EA0..U+1EF9 (as
     * VietnameseText#looksVietnamese counts them): â, ê, ô are French too ("Jérôme").
     */
    private static final String VIETNAMESE_LETTERS = "ăđơưĩũĂĐƠƯĨŨ";

    private ItemFactsReader() {
    }

    /** The kind of this enum name, exactly as written ("PETITION", not "petition"), as field codes are matched. */
    public static Optional<ItemKind> kind(String name) {
        return named(ItemKind.values(), name);
    }

    /** The submitter type of this enum name, exactly as written. */
    public static Optional<SubmitterType> submitterType(String name) {
        return named(SubmitterType.values(), name);
    }

    private static <E extends Enum<E>> Optional<E> named(E[] values, String name) {
        return Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst();
    }

    /**
     * The facts of a validated web submission ({@link SubmissionRequest#normalized()}): each as its submitter gave
     * it, else as read from its title, content and submitter.
     */
    public static ItemFacts facts(SubmissionRequest r) {
        Submitter s = r.submitter();
        Optional<ItemKind> given = kind(r.kind());
        Optional<SubmitterType> givenType = s == null ? Optional.empty() : submitterType(s.type());
        ItemKind kind = given.or(() -> readKind(r.title(), r.content())).orElse(null);
        SubmitterType type = givenType.or(() -> s == null ? Optional.empty()
                : readSubmitterType(s.fullName(), s.organisation(), s.idNumber(), r.content())).orElse(null);
        return new ItemFacts(kind, kind == null ? null : given.isPresent() ? FactSource.SUBMITTER : FactSource.TEXT,
                type, type == null ? null : givenType.isPresent() ? FactSource.SUBMITTER : FactSource.TEXT);
    }

    /**
     * The facts of an item that came without a form (a mail, a letter): read from its title, its whole text (a
     * letter's head and signature included) and the sender's name as written (null when there is none).
     */
    public static ItemFacts read(String title, String text, String fullName) {
        ItemKind kind = readKind(title, text).orElse(null);
        SubmitterType type = readSubmitterType(fullName, null, null, text).orElse(null);
        return new ItemFacts(kind, kind == null ? null : FactSource.TEXT, type, type == null ? null : FactSource.TEXT);
    }

    /** What the title says the item is, else its body's opening; empty when neither says. */
    public static Optional<ItemKind> readKind(String title, String text) {
        if (title != null) {
            for (String line : title.split("\n")) {
                Optional<ItemKind> said = first(List.of(TITLE_MARKER, PERFORMED), VietnameseText.fold(line));
                if (said.isPresent()) {
                    return said;
                }
            }
        }
        return text == null ? Optional.empty() : opening(text);
    }

    /** A heading line or the writer's act within the opening, whichever comes first. */
    private static Optional<ItemKind> opening(String text) {
        int read = 0;
        int at = Integer.MAX_VALUE;
        ItemKind found = null;
        for (String raw : text.split("\n")) {
            if (read >= OPENING) {
                break;
            }
            String line = VietnameseText.fold(raw);
            if (line.isEmpty()) {
                continue;
            }
            String part = line.length() > OPENING - read ? line.substring(0, OPENING - read) : line;
            List<Pattern> rules = isShort(raw) ? List.of(TITLE_MARKER, PERFORMED) : List.of(PERFORMED);
            for (Pattern rule : rules) {
                Matcher m = rule.matcher(part);
                if (m.find() && read + m.start() < at) {
                    at = read + m.start();
                    found = kindOf(m);
                }
            }
            read += part.length() + 1;
        }
        return Optional.ofNullable(found);
    }

    /** The kind the earliest of the rules' first matches names. */
    private static Optional<ItemKind> first(List<Pattern> rules, String folded) {
        int at = Integer.MAX_VALUE;
        ItemKind found = null;
        for (Pattern rule : rules) {
            Matcher m = rule.matcher(folded);
            if (m.find() && m.start() < at) {
                at = m.start();
                found = kindOf(m);
            }
        }
        return Optional.ofNullable(found);
    }

    private static ItemKind kindOf(Matcher m) {
        String skgp = m.group("skgp");
        if (skgp != null) {
            return skgp.equals("sang kien") ? ItemKind.INITIATIVE : ItemKind.SOLUTION;
        }
        return m.group("pakn").equals("phan anh") ? ItemKind.FEEDBACK : ItemKind.PETITION;
    }

    /**
     * Who the sender is, from the organisation field, the sender's name, identity number and the text (its head,
     * signature and the writer's own words); empty when nothing shows it, not even a name.
     */
    public static Optional<SubmitterType> readSubmitterType(String fullName, String organisation, String idNumber,
            String text) {
        if (organisation != null && !organisation.isBlank()) {
            return Optional.of(ASSOCIATION_LINE.matcher(VietnameseText.fold(organisation)).find()
                    ? SubmitterType.ASSOCIATION : SubmitterType.ORGANISATION);
        }
        String name = fullName == null || fullName.isBlank() ? null : VietnameseText.fold(fullName);
        if (name != null) {
            Optional<SubmitterType> body = bodyNamed(name);
            if (body.isPresent()) {
                return body;
            }
        }
        if (text != null) {
            Optional<SubmitterType> body = bodyInText(text);
            if (body.isPresent()) {
                return body;
            }
            if (foreignerInText(text, fullName)) {
                return Optional.of(SubmitterType.FOREIGNER);
            }
        }
        if (name == null) {
            return Optional.empty();
        }
        if (!vietnameseName(fullName) && idNumber != null && PASSPORT_LIKE.matcher(idNumber.replace(" ", "")).matches()) {
            return Optional.of(SubmitterType.FOREIGNER);
        }
        return Optional.of(SubmitterType.INDIVIDUAL);
    }

    /** An association or an organisation that this folded line (a name, a heading, a signature line) names. */
    private static Optional<SubmitterType> bodyNamed(String folded) {
        if (ASSOCIATION_LINE.matcher(folded).find()) {
            return Optional.of(SubmitterType.ASSOCIATION);
        }
        if (ORGANISATION_LINE.matcher(folded).find()) {
            return Optional.of(SubmitterType.ORGANISATION);
        }
        return Optional.empty();
    }

    private static Optional<SubmitterType> bodyInText(String text) {
        String folded = VietnameseText.fold(text);
        if (ASSOCIATION_SPEAKS.matcher(folded).find()) {
            return Optional.of(SubmitterType.ASSOCIATION);
        }
        if (ORGANISATION_SPEAKS.matcher(folded).find()) {
            return Optional.of(SubmitterType.ORGANISATION);
        }
        for (String line : headAndSignature(text)) {
            String f = VietnameseText.fold(line);
            Optional<SubmitterType> named = bodyNamed(f);
            if (named.isPresent()) {
                return named;
            }
            if (ASSOCIATION_HEAD.matcher(f).find()) {
                return Optional.of(SubmitterType.ASSOCIATION);
            }
            if (ORGANISATION_HEAD.matcher(f).find()) {
                return Optional.of(SubmitterType.ORGANISATION);
            }
        }
        return Optional.empty();
    }

    private static boolean foreignerInText(String text, String fullName) {
        String folded = VietnameseText.fold(text);
        if (FOREIGNER_SPEAKS.matcher(folded).find()) {
            return true;
        }
        for (String line : text.split("\n")) {
            if (NATIONALITY.matcher(VietnameseText.fold(line)).find()) {
                return true;
            }
        }
        // a Vietnamese citizen may hold a passport too: only under a name that is not Vietnamese is it a foreigner's
        return PASSPORT.matcher(folded).find() && (fullName == null || !vietnameseName(fullName));
    }

    /**
     * The short lines of a letter's head (in capitals) and of its signature, which name who writes; not the
     * addressees ("Kính gửi: Viện …", a bare "Kính gửi:" and the line after it, "- Trường …" listed under it or under
     * "Nơi nhận").
     */
    private static List<String> headAndSignature(String text) {
        List<String> lines = new ArrayList<>();
        boolean addresseeNext = false;
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String folded = VietnameseText.fold(line);
            boolean addressee = folded.startsWith("kinh gui");
            if (!addressee && !addresseeNext && !BULLET.matcher(line).find()) {
                lines.add(line);
            }
            addresseeNext = addressee && folded.matches("kinh gui\\s*[:：.]?\\s*");
        }
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(0, Math.min(HEAD_LINES, lines.size()))) {
            if (line.equals(line.toUpperCase(Locale.ROOT))) {
                out.add(line);
            }
        }
        // from the first closing, so that "Trân trọng, / GIÁM ĐỐC / (Ký tên, đóng dấu) / …" keeps the signer's title;
        // without one, the last two lines, never the text's first (a topic line is no signature)
        int signature = Math.min(lines.size(), Math.max(1, lines.size() - 2));
        for (int i = Math.max(0, lines.size() - SIGNATURE_LINES); i < lines.size(); i++) {
            if (CLOSING.matcher(VietnameseText.fold(lines.get(i))).find()) {
                signature = i;
                break;
            }
        }
        out.addAll(lines.subList(signature, lines.size()));
        return out.stream().filter(ItemFactsReader::isShort).toList();
    }

    /** A heading, a letter head or a signature line: short, and not a sentence. */
    private static boolean isShort(String line) {
        String s = line.strip();
        return !s.isEmpty() && s.length() <= SHORT_LINE && !s.endsWith(".") && !s.endsWith("?") && !s.endsWith("!");
    }

    /** Written with Vietnamese letters, or starting with a Vietnamese family name ("Nguyen Van An"). */
    static boolean vietnameseName(String name) {
        if (name.codePoints().anyMatch(c -> VIETNAMESE_LETTERS.indexOf(c) >= 0 || (c >= 0x1EA0 && c <= 0x1EF9))) {
            return true;
        }
        String folded = VietnameseText.fold(name);
        return !folded.isEmpty() && VIETNAMESE_FAMILY_NAMES.contains(folded.split(" ")[0]);
    }
}
