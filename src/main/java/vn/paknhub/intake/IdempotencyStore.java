package vn.paknhub.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.core.crypto.PersonalDataProtector;
import vn.paknhub.core.problem.ApiProblem;

/**
 * Remembers the answer given to each Idempotency-Key so that a client retrying after a timeout
 * never creates a second case. Two concurrent requests with one key are serialised by the primary
 * key: the second insert waits for the first transaction and then finds its answer.
 */
@Repository
class IdempotencyStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector protector;
    private final ObjectMapper json;
    private final int retentionHours;

    IdempotencyStore(NamedParameterJdbcTemplate jdbc, PersonalDataProtector protector, ObjectMapper json,
            @Value("${hub.intake.idempotency-retention-hours}") int retentionHours) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.json = json;
        this.retentionHours = retentionHours;
    }

    /** Forgets keys older than the retention: a client retries within minutes, not days. */
    public int forgetExpired() {
        return jdbc.update("delete from idempotency_key where created_at < now() - make_interval(hours => :hours)",
                new MapSqlParameterSource("hours", retentionHours));
    }

    /** Records {@code receipt} under the key, or returns the receipt recorded by an earlier request with it. */
    Optional<SubmissionReceipt> claim(String scope, String key, byte[] requestHash, SubmissionReceipt receipt) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("scope", scope).addValue("key", key)
                .addValue("hash", requestHash).addValue("code", receipt.code())
                .addValue("response", protector.encryptBytes(write(receipt)));
        int inserted = jdbc.update("""
                insert into idempotency_key (scope, key, request_hash, case_code, response_enc)
                values (:scope, :key, :hash, :code, :response) on conflict (scope, key) do nothing""", p);
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject(
                "select request_hash, response_enc from idempotency_key where scope = :scope and key = :key", p,
                (rs, i) -> {
                    if (!Arrays.equals(rs.getBytes(1), requestHash)) {
                        throw ApiProblem.invalid("header:Idempotency-Key", "idempotency-key-reused",
                                "Khoá Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.",
                                "This Idempotency-Key was already used for a different request.");
                    }
                    return read(protector.decryptBytes(rs.getBytes(2)));
                }));
    }

    private byte[] write(SubmissionReceipt r) {
        try {
            return json.writeValueAsBytes(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SubmissionReceipt read(byte[] b) {
        try {
            return json.readValue(b, SubmissionReceipt.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
