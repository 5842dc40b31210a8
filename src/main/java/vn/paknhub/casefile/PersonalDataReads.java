package vn.paknhub.casefile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.paknhub.core.GroupCommit;

/**
 * Reads of submitters' personal data, each recorded in the case's history in the transaction that
 * reads it (Đ17). The delivery and notification senders read one for nearly every message they
 * send; reads made at the same moment outside any transaction share one ({@link GroupCommit}): one
 * commit, one insert round trip and one select for all of them instead of a transaction each.
 */
@Component
class PersonalDataReads implements DisposableBean {

    /** A read about to happen: whose data, and the history event that records it. */
    record Read(CaseFile c, CaseEvent record) {
    }

    /** A sender waits at most this long for its read to be shared, only while reads come together. */
    private static final Duration LINGER = Duration.ofMillis(5);

    private final CaseRepository cases;
    private final CaseHistory history;
    private final GroupCommit<Read, SubmitterDetails> together;

    PersonalDataReads(CaseRepository cases, CaseHistory history, TransactionOperations tx) {
        this.cases = cases;
        this.history = history;
        this.together = new GroupCommit<>("personal-data-reader", 1, 200, LINGER, tx, this::readAll);
    }

    SubmitterDetails read(Read read) {
        // inside a caller's transaction the record must commit or roll back with it, and a case it has
        // just opened or locked is not visible to (or lockable by) another transaction
        return TransactionSynchronizationManager.isActualTransactionActive() ? readAll(List.of(read)).get(0)
                : together.write(read);
    }

    private List<SubmitterDetails> readAll(List<Read> reads) {
        history.append(reads.stream().map(r -> new CaseBatch.Entry(r.c().id(), r.record(), List.of())).toList());
        Map<UUID, SubmitterDetails> found = cases.submittersOf(reads.stream().map(r -> r.c().id()).toList());
        List<SubmitterDetails> answers = new ArrayList<>(reads.size());
        for (Read r : reads) {
            SubmitterDetails s = found.get(r.c().id());
            if (s == null) {
                throw new IllegalStateException("case " + r.c().code() + " has no stored submitter");
            }
            answers.add(s);
        }
        return answers;
    }

    @Override
    public void destroy() throws InterruptedException {
        together.close();
    }
}
