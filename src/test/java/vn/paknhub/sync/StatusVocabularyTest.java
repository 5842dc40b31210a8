package vn.paknhub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.paknhub.casefile.CaseAction;

/** Every status of status-update v1 is a step of the regulation, or (RECEIVED) a mere acknowledgement. */
class StatusVocabularyTest {

    @ParameterizedTest
    @CsvSource({"ACCEPTED, ACCEPT", "REJECTED, REJECT", "SUPPLEMENT_REQUESTED, REQUEST_SUPPLEMENT",
            "IN_PROGRESS, START_PROCESSING", "COORDINATION_REQUESTED, REQUEST_COORDINATION",
            "COORDINATION_ENDED, END_COORDINATION", "PROGRESS_UPDATE, PROGRESS_UPDATE", "RESULT_POSTED, POST_RESULT",
            "RETURNED_TO_CENTRAL_OFFICE, RETURN_TO_CENTRAL_OFFICE", "FAST_CLOSED, FAST_CLOSE", "FORWARDED, FORWARD",
            "APPEAL_ANSWERED, ANSWER_APPEAL"})
    void a_status_is_the_step_it_names(String status, CaseAction action) {
        assertThat(StatusVocabulary.actionFor(status)).contains(action);
    }

    @Test
    void received_changes_nothing_and_a_status_outside_the_schema_is_a_programming_error() {
        assertThat(StatusVocabulary.actionFor("RECEIVED")).isEmpty();
        assertThatThrownBy(() -> StatusVocabulary.actionFor("DONE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_status_of_the_schema_goes_one_way_reported_by_a_handler_or_sent_by_the_hub() throws Exception {
        JsonNode statuses = new ObjectMapper().readTree(Path.of("schemas/messages/status-update.v1.schema.json").toFile())
                .at("/properties/status/enum");
        Set<String> sentByHub = new HashSet<>(Set.of(StatusVocabulary.DEADLINE_REMINDER, StatusVocabulary.DEADLINE_PASSED));
        for (CaseAction a : CaseAction.values()) {
            StatusVocabulary.toldToHandler(a).ifPresent(sentByHub::add);
        }
        assertThat(statuses).isNotEmpty();
        statuses.forEach(s -> assertThat(StatusVocabulary.reportable(s.asText()) != sentByHub.contains(s.asText()))
                .as(s.asText()).isTrue());
        assertThat(sentByHub).hasSize(16);
    }
}
