package vn.paknhub.sync;

import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The cursor and lease of each polled system (table status_poll): one node polls a system at a time. */
@Repository
class StatusPolls {

    /** Held by a node that is polling; empty {@code cursor} = from the beginning. */
    record Lease(String system, String cursor) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    StatusPolls(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The lease on {@code system} for {@code seconds}, unless another node holds it. */
    Optional<Lease> lease(String system, int seconds) {
        MapSqlParameterSource p = new MapSqlParameterSource("system", system).addValue("seconds", seconds);
        jdbc.update("insert into status_poll (system) values (:system) on conflict do nothing", p);
        return jdbc.query("""
                update status_poll set lease_until = now() + make_interval(secs => :seconds)
                where system = :system and (lease_until is null or lease_until < now())
                returning system, coalesce(cursor, '')""", p, (rs, i) -> new Lease(rs.getString(1), rs.getString(2)))
                .stream().findFirst();
    }

    /** Lets go of the lease; moves the cursor when the poll's updates were all handled. */
    void release(Lease lease, String nextCursor) {
        jdbc.update("""
                update status_poll set lease_until = null, polled_at = now(),
                    cursor = coalesce(:cursor, cursor) where system = :system""",
                new MapSqlParameterSource("system", lease.system()).addValue("cursor", nextCursor));
    }
}
