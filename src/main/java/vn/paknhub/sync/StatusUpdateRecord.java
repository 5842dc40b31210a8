package vn.paknhub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A status update as the hub kept it: what the system sent ({@code received}, before mapping; absent
 * for polled updates), what its mapping made of it ({@code message}) and what became of it.
 */
public record StatusUpdateRecord(UUID messageId, String system, String caseCode, Long sequence, String status,
        String externalStatus, String via, String outcome, String reason, JsonNode message, String received,
        OffsetDateTime receivedAt, OffsetDateTime reprocessedAt, String reprocessedBy) {
}
