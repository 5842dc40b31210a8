package vn.paknhub.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.paknhub.core.text.FoldedText;
import vn.paknhub.core.text.VietnameseText;

/**
 * Recognises complaints and denunciations (khiếu nại, tố cáo), which the regulation leaves to the
 * Law on Complaints and the Law on Denunciations (Art. 1.2).
 *
 * <p>The words themselves are not enough: "đề xuất số hoá quy trình tiếp nhận khiếu nại" is a
 * proposal about digital transformation and squarely in scope. What marks a complaint is the
 * writer performing the act: a title naming the document type ("Đơn tố cáo", "Khiếu nại về …"),
 * a first-person act ("tôi xin khiếu nại", "tôi làm đơn này tố cáo"), or an act aimed at a
 * decision, a conduct or a person that is tied to the writer or to a named person ("khiếu nại
 * quyết định … của gia đình tôi", "tố cáo hành vi … của ông"). Matching runs on folded text so
 * that "Khiếu nại" and "khieu nai" both count; the evidence returned is the writer's own words.
 */
public final class ScopeScreen {

    private static final String ACT = "(?:khieu nai|to cao|to giac)";

    /** "bà con" means "the people", not a named woman. */
    private static final String NAMED_PERSON = "(?:ong|ba(?! con\\b))";

    private static final String FIRST_PERSON = "(?:toi|chung toi|chung em|gia dinh toi)";

    /** A word that does not end a sentence. */
    private static final String WORD = "[^ .!?;]+";

    /** A title that opens with the document type. */
    private static final Pattern TITLE_DOCUMENT = Pattern.compile("^don (?:khieu nai|khieu kien|to cao|to giac)\\b");

    /** A title that opens with the act, alone or aimed at something: "Khiếu nại về …", "Tố cáo ông …". */
    private static final Pattern TITLE_ACT = Pattern.compile("^" + ACT + "(?:(?=[^a-z0-9]*$)|[ ,:-]+(?:ve|viec|hanh vi"
            + "|quyet dinh|sai pham|doi voi|" + NAMED_PERSON + "|can bo|cong chuc|chu tich|giam doc|lanh dao|cong ty"
            + "|uy ban|ubnd|chinh quyen|co quan)\\b)");

    /** A heading line inside the letter: "ĐƠN TỐ CÁO", "Đơn khiếu nại (lần 2)", "Đơn khiếu nại về việc …". */
    private static final Pattern HEADING = Pattern.compile("^don (?:khieu nai|khieu kien|to cao|to giac)"
            + "(?:(?=[^a-z0-9]*$)|\\W+(?:ve|v/v|lan|doi voi|cua)\\b)");

    /**
     * The writer performing the act: "tôi xin khiếu nại", "chúng tôi làm đơn này để tố cáo", "xin tố cáo";
     * not a story about it ("khi tôi khiếu nại trực tuyến, hệ thống báo lỗi").
     */
    private static final Pattern PERFORMATIVE = Pattern.compile("\\b(?<!\\b(?:khi|neu|luc) )(?:" + FIRST_PERSON
            + "(?: (?:xin|kinh|(?:lam|viet|gui) don(?: nay)?)(?: duoc)?(?: de)?)?|xin(?: duoc)?"
            + "|(?:lam|viet|gui) don nay(?: de)?) " + ACT + "\\b");

    /**
     * A demand to punish a named person: "đề nghị xử lý nghiêm hành vi … của ông …". Plain "xử lý"
     * also means "process" ("đề nghị sớm xử lý hồ sơ của ông …"), so the punishment must be explicit.
     */
    private static final Pattern SANCTION_DEMAND = Pattern.compile("\\b(?:de nghi|yeu cau|kien nghi)(?: " + WORD
            + "){0,6}? (?:xu ly (?:nghiem|ky luat|hinh su)|ky luat|truy cuu trach nhiem|khoi to)(?: " + WORD
            + "){0,15}? cua " + NAMED_PERSON + "\\b");

    /** The act aimed at something; a complaint only in one of the contexts below. */
    private static final Pattern ACT_ON_OBJECT = Pattern.compile("\\b" + ACT + " (?:quyet dinh|hanh vi|viec lam"
            + "|sai pham|ve viec|" + NAMED_PERSON + "|can bo|cong chuc|chu tich|giam doc|lanh dao)\\b");

    /**
     * The act done by someone else or in general, right before it: "việc tố cáo hành vi …", "người dân
     * muốn khiếu nại quyết định …", "để doanh nghiệp có thể khiếu nại quyết định …".
     */
    private static final Pattern GENERIC_BEFORE = Pattern.compile("\\b(?:viec|nguoi|dan|doanh nghiep|to chuc|ca nhan"
            + "|ba con|muon|co the|duoc|phai|can|de|cho) $");

    /** The writer within the three words before the act: "tôi kiên quyết tố cáo hành vi". */
    private static final Pattern WRITER_BEFORE = Pattern.compile("\\b" + FIRST_PERSON + "(?: " + WORD + "){0,3} $");

    /** The object belongs to the writer or to a named person, within the same sentence. */
    private static final Pattern OWNER_AFTER = Pattern.compile("(?: " + WORD + "){0,12}? cua (?:" + FIRST_PERSON
            + "|" + NAMED_PERSON + ")\\b");

    /**
     * How far back the patterns that end at the act need to look (a few words). Bounding it keeps the
     * screen linear on a 20,000-character content full of matches.
     */
    private static final int LOOK_BACK = 80;

    /**
     * The phrase, in the writer's words, that shows the item is a complaint or denunciation, or empty
     * when it is not one. Both arguments are expected normalised ({@link VietnameseText#normalize});
     * either may be null.
     */
    public Optional<String> outOfScopeEvidence(String title, String content) {
        List<FoldedText> titleLines = lines(title);
        List<FoldedText> contentLines = lines(content);
        return titleLines.stream().limit(1)
                .flatMap(line -> Stream.of(TITLE_DOCUMENT, TITLE_ACT).flatMap(p -> fromStart(p, line)))
                .findFirst()
                .or(() -> contentLines.stream().flatMap(line -> fromStart(HEADING, line)).findFirst())
                .or(() -> Stream.concat(titleLines.stream(), contentLines.stream())
                        .flatMap(ScopeScreen::inBody)
                        .findFirst());
    }

    /** Folded lines: a line break ends a sentence as surely as a full stop, so lines are kept apart. */
    private static List<FoldedText> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\n"))
                .map(VietnameseText::foldTracked)
                .filter(line -> !line.text().isEmpty())
                .toList();
    }

    /** Matches {@code pattern} anchored after any leading quotes, numbering marks or punctuation. */
    private static Stream<String> fromStart(Pattern pattern, FoldedText line) {
        String text = line.text();
        int start = 0;
        while (start < text.length() && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        Matcher m = pattern.matcher(text).region(start, text.length());
        return m.find() ? Stream.of(line.sourceSpan(m.start(), m.end())) : Stream.empty();
    }

    private static Stream<String> inBody(FoldedText line) {
        String text = line.text();
        // what each pattern cannot match without, looked for first: most lines have neither, and the
        // patterns (alternations tried at every position, a look-behind) cost far more than these
        boolean act = text.contains("khieu nai") || text.contains("to cao") || text.contains("to giac");
        boolean ofNamedPerson = text.contains("cua ong") || text.contains("cua ba");
        Stream<MatchResult> performative = act ? PERFORMATIVE.matcher(text).results().limit(1) : Stream.empty();
        Stream<MatchResult> sanction = ofNamedPerson ? SANCTION_DEMAND.matcher(text).results().limit(1) : Stream.empty();
        Stream<MatchResult> inContext = act ? ACT_ON_OBJECT.matcher(text).results()
                .filter(m -> isWritersOwnAct(text, m)) : Stream.empty();
        return Stream.of(performative, sanction, inContext).flatMap(m -> m).map(m -> line.sourceSpan(m.start(), m.end()));
    }

    private static boolean isWritersOwnAct(String text, MatchResult act) {
        if (endsAt(WRITER_BEFORE, text, act.start())) {
            return true;
        }
        return !endsAt(GENERIC_BEFORE, text, act.start())
                && (atSentenceStart(text, act.start())
                        || OWNER_AFTER.matcher(text).region(act.end(), text.length()).lookingAt());
    }

    /** Whether {@code pattern}, which ends in {@code $}, matches text that ends at {@code end}. */
    private static boolean endsAt(Pattern pattern, String text, int end) {
        // Transparent bounds let \b see the character before the window.
        return pattern.matcher(text).region(Math.max(0, end - LOOK_BACK), end).useTransparentBounds(true).find();
    }

    /** Only numbering or punctuation since the start of the sentence: a headline-like sentence. */
    private static boolean atSentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (".!?:;".indexOf(c) >= 0) {
                return true;
            }
            if (Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }
}
