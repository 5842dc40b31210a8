package vn.paknhub.casefile;

import java.util.List;

/** What some actions carry besides a reason: a target body, a rating, a supplement with files. */
public record ActionInput(String targetAgency, Integer ratingScore, Boolean ratingAgree, String text,
        List<IncomingAttachment> attachments) {

    public static final ActionInput NONE = new ActionInput(null, null, null, null, List.of());

    public static ActionInput forwardTo(String agency) {
        return new ActionInput(agency, null, null, null, List.of());
    }

    public static ActionInput rating(int score, boolean agree, String comment) {
        return new ActionInput(null, score, agree, comment, List.of());
    }

    public static ActionInput supplement(String text, List<IncomingAttachment> attachments) {
        return new ActionInput(null, null, null, text, attachments);
    }
}
