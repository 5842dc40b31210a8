package vn.paknhub.intake;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.paknhub.core.text.FoldedText;
import vn.paknhub.core.text.VietnameseText;

/**
 * Recognises an item that only thanks (Đ11.3: "thư cảm ơn", nothing to answer), which the receiving body may
 * close by the fast track with the reason recorded: thanks said, and nothing asked, proposed, reported or
 * questioned. It only suggests; a person closes. Matching runs on folded text; the evidence is the writer's
 * own words.
 */
public final class ThanksOnly {

    private static final Pattern THANKS = Pattern.compile("\\b(?:cam on|cam ta|tri an|biet on|xin gui loi cam on|cam kich)\\b");
    /**
     * Anything that asks for an answer or an action, or reports a problem. A request verb counts when someone
     * makes the request ("tôi đề nghị", "kính đề nghị", at a sentence's start), not when it names an earlier one
     * ("đã trả lời kiến nghị của tôi").
     */
    private static final Pattern ASKS = Pattern.compile("(?:(?:^|[.!;:\\n] ?|\\b(?:toi|chung toi|em|xin|kinh|rat|tran trong) )"
            + "(?:de nghi|kien nghi|de xuat|yeu cau|mong|kinh mong|mong muon)\\b)|\\b(?:phan anh|gop y|can (?:phai|co|xem xet)|"
            + "nen (?:co|xem xet|bo sung)|xin (?:hoi|y kien|huong dan|duoc)|lam sao|tai sao|vi sao|bao gio|khi nao|chua duoc|"
            + "khong duoc|cham tre|vuong mac|kho khan|bat cap|tuy nhien|nhung (?:van|chua))\\b");
    /** Beyond this, a letter says more than thanks even without the words above. */
    private static final int MAX_WORDS = 120;

    private ThanksOnly() {
    }

    /** The words that thank, when the item does nothing else; empty otherwise. */
    public static Optional<String> evidence(String title, String content) {
        // the title a sentence of its own: the content's first word starts one
        String text = (title == null ? "" : title) + ". " + (content == null ? "" : content);
        FoldedText folded = VietnameseText.foldTracked(text);
        String f = folded.text();
        if (f.contains("?") || ASKS.matcher(f).find() || f.split(" ").length > MAX_WORDS) {
            return Optional.empty();
        }
        Matcher thanks = THANKS.matcher(f);
        return thanks.find() ? Optional.of(folded.sourceSpan(thanks.start(), thanks.end())) : Optional.empty();
    }
}
