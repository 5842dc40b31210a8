package vn.paknhub.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.paknhub.bus.CaseEventMessage;

/** Which case events are someone's action, and under which body and actor they are counted. */
class OfficerActionsTest {

    private static CaseEventMessage by(String kind, String actor, String at) {
        return new CaseEventMessage(CaseEventMessage.SCHEMA, UUID.randomUUID(), "SKGP-20261120-000001", 3, "FORWARD",
                "SUBMITTED", "FORWARDED", "WEB", "d", "BKHCN", kind, actor, OffsetDateTime.parse(at));
    }

    @Test
    void an_officer_is_counted_under_their_own_body_not_the_cases_assignee() {
        assertThat(OfficerActions.keyOf(by("CENTRAL_OFFICE", "VPTW/vptw.vanthu (Nguyễn Thị Lan)", "2026-11-20T23:30:00+07:00")))
                .contains(new OfficerActions.Key(LocalDate.of(2026, 11, 20), "VPTW", "VPTW/vptw.vanthu (Nguyễn Thị Lan)",
                        "FORWARD"));
    }

    @Test
    void a_bodys_system_is_counted_under_its_code() {
        assertThat(OfficerActions.keyOf(by("AGENCY", "BKHCN", "2026-11-20T09:15:00+07:00")))
                .contains(new OfficerActions.Key(LocalDate.of(2026, 11, 20), "BKHCN", "BKHCN", "FORWARD"));
    }

    @Test
    void the_submitter_the_hub_itself_and_an_unnamed_actor_are_nobodys_action() {
        assertThat(OfficerActions.keyOf(by("SUBMITTER", null, "2026-11-20T09:15:00+07:00"))).isEmpty();
        assertThat(OfficerActions.keyOf(by("SYSTEM", "router", "2026-11-20T09:15:00+07:00"))).isEmpty();
        assertThat(OfficerActions.keyOf(by("AGENCY", null, "2026-11-20T09:15:00+07:00"))).isEmpty();
        assertThat(OfficerActions.keyOf(by("AGENCY", " ", "2026-11-20T09:15:00+07:00"))).isEmpty();
        assertThat(OfficerActions.keyOf(by("SOMEONE_NEW", "X", "2026-11-20T09:15:00+07:00"))).isEmpty();
    }
}
