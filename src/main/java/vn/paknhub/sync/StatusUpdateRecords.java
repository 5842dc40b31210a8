package vn.paknhub.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.delivery.JsonMappings;
import vn.paknhub.delivery.XmlStatusMappings;

/**
 * The record of status updates for operators: what is parked (a status the system's mapping does not
 * know), and reprocessing a parked update once its mapping is fixed, or with the status an operator
 * decided by hand. Reprocessing goes through the same checks as the update's first arrival.
 */
@Component
public class StatusUpdateRecords {

    private static final String COLUMNS = "message_id, system, case_code, sequence, status, external_status, via,"
            + " outcome, reason, message::text, received, received_at, reprocessed_at, reprocessed_by";

    private final NamedParameterJdbcTemplate jdbc;
    private final StatusUpdates updates;
    private final JsonMappings mappings;
    private final XmlStatusMappings xmlMappings;
    private final ObjectMapper json;
    private final Path mappingsDir;

    StatusUpdateRecords(NamedParameterJdbcTemplate jdbc, StatusUpdates updates, JsonMappings mappings,
            XmlStatusMappings xmlMappings, ObjectMapper json, @Value("${hub.connectors.mappings-dir}") Path mappingsDir) {
        this.jdbc = jdbc;
        this.updates = updates;
        this.mappings = mappings;
        this.xmlMappings = xmlMappings;
        this.json = json;
        this.mappingsDir = mappingsDir;
    }

    /** The newest first; {@code system} and {@code caseCode} narrow the list when given. */
    public List<StatusUpdateRecord> list(String outcome, String system, String caseCode, int limit) {
        return jdbc.query("select " + COLUMNS + " from status_update where outcome = :outcome"
                + " and (cast(:system as text) is null or system = :system)"
                + " and (cast(:code as text) is null or case_code = :code) order by received_at desc limit :limit",
                new MapSqlParameterSource("outcome", outcome).addValue("system", system).addValue("code", caseCode)
                        .addValue("limit", limit), this::row);
    }

    public Optional<StatusUpdateRecord> find(UUID messageId) {
        return jdbc.query("select " + COLUMNS + " from status_update where message_id = :id",
                new MapSqlParameterSource("id", messageId), this::row).stream().findFirst();
    }

    /**
     * Applies a parked update again: with the status (and reason) an operator decided by hand, otherwise
     * by mapping what the system sent once more with its current mapping.
     */
    StatusOutcome reprocess(UUID messageId, StatusUpdateController.Reprocess decision, String operator) {
        StatusUpdateRecord parked = find(messageId)
                .orElseThrow(() -> ApiProblem.notFound("cập nhật trạng thái", "status update"));
        if (!StatusOutcome.Kind.PARKED.name().equals(parked.outcome())) {
            throw ApiProblem.invalid("$", "not-parked", "Chỉ xử lý lại được cập nhật đang chờ (PARKED); cập nhật"
                    + " này đã có kết quả " + parked.outcome() + ".", "Only a parked update can be reprocessed; this one is "
                    + parked.outcome() + ".");
        }
        return updates.reprocess(parked.system(), StatusUpdates.Via.valueOf(parked.via()), parked.received(),
                mappedAgain(parked, decision), operator);
    }

    private String mappedAgain(StatusUpdateRecord parked, StatusUpdateController.Reprocess decision) {
        if (decision.status() != null) {
            ObjectNode decided = ((ObjectNode) parked.message().deepCopy()).put("status", decision.status());
            if (decision.reason() != null) {
                decided.put("reason", decision.reason());
            }
            return decided.toString();
        }
        if (parked.received() == null) {
            throw ApiProblem.invalid("status", "required", "Cập nhật nhận qua truy vấn định kỳ không lưu bản gốc:"
                    + " hãy nêu trạng thái (status) cần áp dụng.", "A polled update keeps no original to map again:"
                    + " name the status to apply.");
        }
        // an XML partner's status channel (status-webhook-xml) maps with status.xsl, the others with status.jsonata
        Path xsl = mappingsDir.resolve(parked.system()).resolve("status.xsl");
        String mapping = Files.isRegularFile(xsl) ? "status.xsl" : "status.jsonata";
        try {
            return mapping.endsWith(".xsl") ? xmlMappings.map(xsl.toString(), parked.received())
                    : mappings.map(mappingsDir.resolve(parked.system()).resolve(mapping).toString(), parked.received());
        } catch (Exception e) {
            throw ApiProblem.invalid("received", "mapping", "Không ánh xạ được bản gốc bằng mappings/" + parked.system()
                    + "/" + mapping + ": " + e.getMessage(), "The original cannot be mapped with mappings/"
                    + parked.system() + "/" + mapping + ": " + e.getMessage());
        }
    }

    private StatusUpdateRecord row(ResultSet rs, int i) throws SQLException {
        try {
            long sequence = rs.getLong(4);
            return new StatusUpdateRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.wasNull() ? null : sequence, rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9), json.readTree(rs.getString(10)), rs.getString(11),
                    rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class), rs.getString(14));
        } catch (JsonProcessingException e) {
            throw new SQLException("status_update.message is not JSON", e);
        }
    }
}
