package vn.paknhub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.paknhub.delivery.JsonMappings;

/**
 * Polls a handling system's query API for what changed since the stored cursor (the
 * {@code status-polling} connector template): one node at a time holds the system's lease; the
 * answer is mapped by mappings/&lt;system&gt;/poll.jsonata to {@code {"cursor", "updates": [status
 * updates]}} and each update is applied like a webhook's. The cursor moves only once every update
 * of the answer was handled, so a failed poll is read again, and what was already applied is
 * recognised by its message id.
 */
@Component("statusPoller")
public class StatusPoller {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPoller.class);

    private final StatusPolls polls;
    private final StatusUpdates updates;
    private final JsonMappings mappings;
    private final ObjectMapper json;
    private final Path mappingsDir;
    private final HttpClient http;
    private final Duration timeout;

    public StatusPoller(StatusPolls polls, StatusUpdates updates, JsonMappings mappings, ObjectMapper json,
            @Value("${hub.connectors.mappings-dir}") Path mappingsDir,
            @Value("${camel.component.http.response-timeout}") long timeoutMs) {
        this.polls = polls;
        this.updates = updates;
        this.mappings = mappings;
        this.json = json;
        this.mappingsDir = mappingsDir;
        this.timeout = Duration.ofMillis(timeoutMs);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Called by a system's polling timer; the number of updates applied, or -1 when another node polls. */
    public int poll(@Header("PaknSystem") String system, @Header("PaknPollUrl") String url) {
        Optional<StatusPolls.Lease> lease = polls.lease(system, (int) Math.max(60, 4 * timeout.toSeconds()));
        if (lease.isEmpty()) {
            return -1;
        }
        String next = null;
        int applied = 0;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?")
                    + "since=" + URLEncoder.encode(lease.get().cursor(), StandardCharsets.UTF_8))).timeout(timeout).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + answer.statusCode() + " from " + url);
            }
            Object mapped = mappings.evaluate(mappingsDir.resolve(system).resolve("poll.jsonata"),
                    json.readValue(answer.body(), Object.class));
            JsonNode result = json.valueToTree(mapped);
            for (JsonNode update : result.path("updates")) {
                StatusOutcome outcome = updates.apply(system, StatusUpdates.Via.POLLING, null, update.toString());
                if (outcome.kind() == StatusOutcome.Kind.APPLIED) {
                    applied++;
                } else if (outcome.refused()) {
                    LOG.warn("Polled status update of {} not applied: {} {}", system, outcome.code(), outcome.messageEn());
                }
            }
            next = result.path("cursor").isMissingNode() || result.path("cursor").isNull() ? null
                    : result.path("cursor").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Polling {} failed; read again from the same cursor next time: {}", system, e.toString());
        } finally {
            polls.release(lease.get(), next);
        }
        return applied;
    }
}
