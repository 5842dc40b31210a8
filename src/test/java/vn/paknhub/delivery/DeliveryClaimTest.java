package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.NewCase;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.support.HubIntegrationTest;

/**
 * Which due deliveries the dispatcher claims. Each test writes its deliveries and claims them in one
 * transaction that is rolled back, so the running hub's own dispatcher never sees them.
 */
@HubIntegrationTest
class DeliveryClaimTest {

    @Autowired
    Deliveries deliveries;
    @Autowired
    CaseService cases;
    @Autowired
    JdbcTemplate db;
    @Autowired
    TransactionTemplate tx;

    private CaseFile openCase() {
        SubmitterDetails who = new SubmitterDetails("Lê Thị Mai", null, "Số 12 phố Huế, Hà Nội", "0912345678", null, null);
        return cases.open(cases.newIdentity(), new NewCase(Channel.WEB, "Kiến nghị về chuyển đổi số",
                "Đề nghị hướng dẫn thống nhất việc số hoá hồ sơ lưu trữ tại các sở.", "q", null, false, who,
                List.of(), Instant.now()));
    }

    /** A pending delivery of {@code c} to {@code system}, due {@code secondsAgo} ago (negative: not yet due). */
    private UUID pending(CaseFile c, String system, int secondsAgo, boolean leased) {
        UUID id = UUID.randomUUID();
        db.update("""
                insert into delivery (id, case_id, case_code, case_version, agency, system, role, routing, status,
                    next_attempt_at, lease_until, created_at, updated_at)
                values (?, ?, ?, 1, ?, ?, 'LEAD', '{}', 'PENDING', now() - make_interval(secs => ?),
                    case when ? then now() + interval '1 minute' end, now(), now())""",
                id, c.id(), c.code(), "AGENCY-" + id, system, secondsAgo, leased);
        return id;
    }

    private List<UUID> claimedOf(CaseFile c, int limit, Set<String> heldBack) {
        return deliveries.claimDue(limit, 60, heldBack).stream().filter(d -> d.caseCode().equals(c.code()))
                .map(Delivery::id).toList();
    }

    @Test
    void the_oldest_due_come_first_across_systems_and_held_back_systems_leased_and_future_ones_stay() {
        CaseFile c = openCase();
        tx.executeWithoutResult(status -> {
            UUID a1 = pending(c, "claim-a", 50, false);
            UUID b1 = pending(c, "claim-b", 40, false);
            UUID a2 = pending(c, "claim-a", 30, false);
            pending(c, "claim-held", 60, false);
            pending(c, "claim-held", 20, false);
            pending(c, "claim-a", 45, true);
            pending(c, "claim-b", -30, false);
            UUID c1 = pending(c, "claim-c", 10, false);

            assertThat(claimedOf(c, 1000, Set.of("claim-held"))).containsExactlyInAnyOrder(a1, b1, a2, c1);
            assertThat(db.queryForObject("select count(*) from delivery where case_code = ? and attempts = 1",
                    Integer.class, c.code())).isEqualTo(4);
            // what is claimed is leased: a second claim finds nothing of this case but the held system's
            assertThat(claimedOf(c, 1000, Set.of("claim-held"))).isEmpty();
            assertThat(claimedOf(c, 1000, Set.of())).hasSize(2);
            status.setRollbackOnly();
        });
    }

    @Test
    void a_claim_takes_no_more_than_its_limit_the_oldest_of_all_allowed_systems() {
        CaseFile c = openCase();
        tx.executeWithoutResult(status -> {
            UUID a1 = pending(c, "claim-a", 50, false);
            pending(c, "claim-a", 10, false);
            UUID b1 = pending(c, "claim-b", 40, false);
            pending(c, "claim-b", 5, false);
            UUID c1 = pending(c, "claim-c", 30, false);
            // other tests' deliveries may be due as well: claim more than ours, keep ours
            List<UUID> first = claimedOf(c, 3, Set.of());
            assertThat(first).isSubsetOf(a1, b1, c1);
            assertThat(claimedOf(c, 1000, Set.of())).hasSize(5 - first.size());
            status.setRollbackOnly();
        });
    }
}
