package vn.paknhub.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which step tells the submitter what: the result once, after the Central Party Office's review (Đ12.4c). */
class NotificationPolicyTest {

    @ParameterizedTest(name = "{0} from {1} → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            POST_RESULT,       IN_PROGRESS,         -
            RETURN_FOR_REWORK, RESULT_POSTED,       -
            PUBLISH,           RESULT_POSTED,       result-posted
            APPROVE_RESULT,    RESULT_POSTED,       result-posted
            PUBLISH,           APPEAL_ANSWERED,     -
            ANSWER_APPEAL,     APPEALED,            appeal-answered
            PROGRESS_UPDATE,   OVERDUE,             progress-update
            SUSPEND,           SUPPLEMENT_REQUESTED, suspended
            PLACE_ON_HOLD,     IN_PROGRESS,         verification-hold
            RELEASE_HOLD,      VERIFICATION_HOLD,   -
            """)
    void templateOfEachStep(String action, String from, String template) {
        assertThat(NotificationPolicy.templateFor(action, from).orElse(null)).isEqualTo(template);
    }
}
