package vn.paknhub.sync;

/**
 * What became of a status update, as the sending system is told: in its webhook answer, or as an
 * error message on its topic.
 *
 * @param code      stable, for programs (e.g. {@code illegal-transition}, {@code UNKNOWN_STATUS})
 * @param caseState the case's state afterwards, when it is known
 */
public record StatusOutcome(Kind kind, String code, String messageVi, String messageEn, String caseState) {

    public enum Kind {
        /** the case changed */
        APPLIED(200),
        /** kept in the history; nothing to change (RECEIVED) */
        RECORDED(200),
        /** the same message id was already handled: nothing done again */
        DUPLICATE(200),
        /** older than an update already applied for the case: recorded, not applied */
        STALE(409),
        /** the state machine, or the sender's role on the case, does not allow it: recorded with the reason */
        REFUSED(422),
        /** not understood (e.g. a status the system's mapping does not know): kept until an operator acts */
        PARKED(422),
        /** not a valid message at all: nothing recorded */
        INVALID(400);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    /** The sender must hear about it: the update was not taken as sent. */
    public boolean refused() {
        return kind.httpStatus() >= 400;
    }

    static StatusOutcome of(Kind kind, String code, String vi, String en) {
        return new StatusOutcome(kind, code, vi, en, null);
    }
}
