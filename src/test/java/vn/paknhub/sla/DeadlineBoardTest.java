package vn.paknhub.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineBoardTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static DeadlineBoard.Line line(String code, String agency, Clock clock, int round, LocalDate warn, LocalDate due) {
        return new DeadlineBoard.Line(code, "t", agency, clock, round, warn, due, clock.legalBasis());
    }

    @Test
    void a_clock_stands_by_its_reminder_and_due_days_and_the_ladder_by_itself() {
        assertThat(line("A", "BKHCN", Clock.PROCESSING, 1, TODAY.minusDays(1), TODAY).standing(TODAY))
                .isEqualTo(DeadlineBoard.Standing.DUE_SOON);
        assertThat(line("A", "BKHCN", Clock.PROCESSING, 1, TODAY.minusDays(5), TODAY.minusDays(1)).standing(TODAY))
                .isEqualTo(DeadlineBoard.Standing.OVERDUE);
        assertThat(line("A", "BKHCN", Clock.PROCESSING, 1, TODAY.plusDays(1), TODAY.plusDays(4)).standing(TODAY)).isNull();
        // a clock without a reminder day (none warned) is only ever overdue
        assertThat(line("A", "BKHCN", Clock.RESULT_POSTING, 1, null, TODAY.plusDays(1)).standing(TODAY)).isNull();
        assertThat(line("A", "BKHCN", Clock.OVERDUE_UPDATE, 2, TODAY.plusDays(3), TODAY.plusDays(4)).standing(TODAY))
                .isEqualTo(DeadlineBoard.Standing.PROGRESS_DUE);
    }

    @Test
    void the_board_counts_each_body_apart_and_leaves_out_what_needs_no_look() {
        DeadlineBoard.Board b = DeadlineBoard.arrange(List.of(
                line("A", "BKHCN", Clock.PROCESSING, 1, TODAY.minusDays(1), TODAY.plusDays(2)),
                line("B", "BKHCN", Clock.CLASSIFICATION, 1, TODAY.minusDays(6), TODAY.minusDays(2)),
                line("C", "BYT", Clock.OVERDUE_UPDATE, 3, TODAY.minusDays(1), TODAY.plusDays(1)),
                line("D", "BYT", Clock.PROCESSING, 1, TODAY.plusDays(9), TODAY.plusDays(12))),
                List.of(new DeadlineBoard.Escalation("E", "t", "BYT", OffsetDateTime.now())), TODAY);
        assertThat(b.lines().get(DeadlineBoard.Standing.DUE_SOON)).extracting(DeadlineBoard.Line::caseCode).containsExactly("A");
        assertThat(b.lines().get(DeadlineBoard.Standing.OVERDUE)).extracting(DeadlineBoard.Line::caseCode).containsExactly("B");
        assertThat(b.lines().get(DeadlineBoard.Standing.PROGRESS_DUE)).extracting(DeadlineBoard.Line::caseCode)
                .containsExactly("C");
        assertThat(b.perBody()).containsExactly(new DeadlineBoard.BodyCounts("BKHCN", 1, 1, 0, 0),
                new DeadlineBoard.BodyCounts("BYT", 0, 0, 1, 1));
    }
}
