package vn.paknhub.casefile;

import java.util.List;
import java.util.Map;

/**
 * What some actions carry besides a reason: a target body, a rating, a supplement with files, and
 * facts to keep in the event (e.g. the rule and evidence of a routing decision).
 */
public record ActionInput(String targetAgency, Integer ratingScore, Boolean ratingAgree, String text,
        List<IncomingAttachment> attachments, Map<String, Object> details) {

    public static final ActionInput NONE = new ActionInput(null, null, null, null, List.of(), Map.of());

    /** The detail of a forward naming the Đ6 field it was classified under (set on a case that has none). */
    public static final String FIELD = "fieldCode";
    /**
     * The detail of a forward saying the item is about an administrative procedure (Đ10.2a): its field is then
     * b, administrative procedures (Đ6.1b), whatever field the submitter picked for its subject.
     */
    public static final String PROCEDURE = "administrativeProcedure";
    /**
     * The detail of a forward saying its field replaces the one the submitter picked: the words never speak of the
     * pick and clearly speak of the forwarded field (classifying is the receiving side's duty, Đ11.2).
     */
    public static final String RECLASSIFIED = "fieldReclassified";

    /**
     * The detail of a hold (Đ20b) saying whether the submitter is told why ("nếu có thể và phù hợp"): absent means
     * told.
     */
    public static final String TELL_SUBMITTER = "tellSubmitter";

    /** A step that carries only facts to keep in its event. */
    public static ActionInput noted(Map<String, Object> details) {
        return new ActionInput(null, null, null, null, List.of(), details);
    }

    public static ActionInput forwardTo(String agency) {
        return forwardTo(agency, Map.of());
    }

    public static ActionInput forwardTo(String agency, Map<String, Object> details) {
        return new ActionInput(agency, null, null, null, List.of(), details);
    }

    public static ActionInput rating(int score, boolean agree, String comment) {
        return new ActionInput(null, score, agree, comment, List.of(), Map.of());
    }

    public static ActionInput supplement(String text, List<IncomingAttachment> attachments) {
        return new ActionInput(null, null, null, text, attachments, Map.of());
    }
}
