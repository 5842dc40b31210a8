package vn.paknhub.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.paknhub.casefile.CaseState;

class ClockPolicyTest {

    @ParameterizedTest(name = "{0}: {1} → {2} stops {3}, starts {4}")
    @CsvSource(nullValues = "-", value = {
            "SUBMIT, -, SUBMITTED, -, CLASSIFICATION",
            "FORWARD, SUBMITTED, FORWARDED, CLASSIFICATION, CLASSIFICATION",
            "REQUEST_SUPPLEMENT, FORWARDED, SUPPLEMENT_REQUESTED, CLASSIFICATION, SUPPLEMENT",
            "ADD_SUPPLEMENT, SUPPLEMENT_REQUESTED, SUBMITTED, SUPPLEMENT, CLASSIFICATION",
            "ADD_SUPPLEMENT, FORWARDED, FORWARDED, -, -",
            "REQUEST_WITHDRAWAL, FORWARDED, WITHDRAWAL_REQUESTED, CLASSIFICATION, WITHDRAWAL",
            "CONFIRM_WITHDRAWAL, WITHDRAWAL_REQUESTED, WITHDRAWN, WITHDRAWAL, -",
            "ACCEPT, FORWARDED, ACCEPTED, CLASSIFICATION, PROCESSING",
            "START_PROCESSING, ACCEPTED, IN_PROGRESS, -, -",
            "REQUEST_COORDINATION, IN_PROGRESS, COORDINATION, -, -",
            "PROGRESS_UPDATE, OVERDUE, OVERDUE, -, -",
            "MARK_OVERDUE, IN_PROGRESS, OVERDUE, PROCESSING, OVERDUE_UPDATE",
            "MARK_OVERDUE, COORDINATION, OVERDUE, PROCESSING, OVERDUE_UPDATE",
            "ESCALATE, OVERDUE, ESCALATED, OVERDUE_UPDATE, -",
            "POST_RESULT, OVERDUE, RESULT_POSTED, OVERDUE_UPDATE, APPEAL_WINDOW",
            "POST_RESULT, ESCALATED, RESULT_POSTED, -, APPEAL_WINDOW",
            "POST_RESULT, IN_PROGRESS, RESULT_POSTED, PROCESSING, APPEAL_WINDOW",
            "RETURN_FOR_REWORK, RESULT_POSTED, RETURNED_FOR_REWORK, APPEAL_WINDOW, PROCESSING",
            "PUBLISH, RESULT_POSTED, PUBLISHED, -, -",
            "APPEAL, PUBLISHED, APPEALED, APPEAL_WINDOW, APPEAL_ANSWER",
            "ANSWER_APPEAL, APPEALED, APPEAL_ANSWERED, APPEAL_ANSWER, -",
            "RETURN_TO_CENTRAL_OFFICE, FORWARDED, RETURNED_TO_CENTRAL_OFFICE, CLASSIFICATION, CLASSIFICATION",
            "REJECT, FORWARDED, REJECTED, CLASSIFICATION, -",
            "FAST_CLOSE, ACCEPTED, FAST_CLOSED, PROCESSING, -",
    })
    void each_step_stops_and_starts_the_right_clocks(String action, CaseState from, CaseState to, Clock stops,
            Clock starts) {
        ClockPolicy.Change change = ClockPolicy.on(action, from, to);
        assertThat(change.stop()).isEqualTo(Optional.ofNullable(stops));
        assertThat(change.start()).isEqualTo(Optional.ofNullable(starts));
    }
}
