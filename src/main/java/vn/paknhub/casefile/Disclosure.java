package vn.paknhub.casefile;

import java.util.EnumSet;
import java.util.Set;

/** What of a case's history the submitter sees when following the item. */
final class Disclosure {

    /** Internal steps between bodies, and verification holds (Đ20b: told "where appropriate", by staff). */
    private static final Set<CaseAction> INTERNAL = EnumSet.of(CaseAction.RETURN_FOR_REWORK,
            CaseAction.PLACE_ON_HOLD, CaseAction.RELEASE_HOLD, CaseAction.REQUEST_COORDINATION,
            CaseAction.END_COORDINATION);

    /**
     * Reasons the submitter is owed in words (Đ11.2a–b, Đ11.3, Đ11.4d, Đ13.2), answers (Đ13.3, Đ14.1),
     * and what the person wrote themselves.
     */
    private static final Set<CaseAction> REASON_SHOWN = EnumSet.of(CaseAction.REJECT, CaseAction.REQUEST_SUPPLEMENT,
            CaseAction.FAST_CLOSE, CaseAction.REFUSE_WITHDRAWAL, CaseAction.PROGRESS_UPDATE,
            CaseAction.REQUEST_WITHDRAWAL, CaseAction.APPEAL, CaseAction.POST_RESULT, CaseAction.ANSWER_APPEAL);

    private Disclosure() {
    }

    static boolean isPublic(CaseAction action) {
        return !INTERNAL.contains(action);
    }

    static boolean showsReason(String action) {
        return CaseEvent.SUBMIT.equals(action) || REASON_SHOWN.stream().anyMatch(a -> a.name().equals(action));
    }
}
