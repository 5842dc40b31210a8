package vn.paknhub.sync;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.component.direct.DirectEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;

/**
 * The webhook through which a handling system tells the hub what happened to a case: signed, then
 * mapped from the system's own format by its mappings/&lt;system&gt;/status.jsonata (status.xsl for an XML
 * system), then applied. Only systems whose routes file declares a {@code status-webhook} or
 * {@code status-webhook-xml} entry have one.
 */
@RestController
class StatusWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(StatusWebhookController.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;

    StatusWebhookController(CamelContext camel, ProducerTemplate producer) {
        this.camel = camel;
        this.producer = producer;
    }

    @PostMapping(path = "/api/v1/partners/{system}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    StatusOutcome receive(@PathVariable String system, @RequestBody String body,
            @RequestHeader(name = "X-Pakn-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Pakn-Signature", required = false) String signature) {
        Route route = camel.getRoute("status-" + system);
        if (route == null || !(route.getEndpoint() instanceof DirectEndpoint)) {
            throw ApiProblem.notFound("webhook trạng thái của hệ thống «" + system + "»",
                    "status webhook of system '" + system + "'");
        }
        Exchange done = producer.request("direct:status-" + system, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader("X-Pakn-Timestamp", timestamp);
            e.getMessage().setHeader("X-Pakn-Signature", signature);
        });
        Exception failure = done.getException();
        if (failure instanceof WebhookGuard.Refused refused) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Không xác thực được hệ thống gửi", "Sender not authenticated",
                    List.of(new FieldError("X-Pakn-Signature", "signature", refused.getMessage(), refused.getMessage())));
        }
        if (failure != null) {
            LOG.warn("Status webhook of {}: the message could not be read: {}", system, failure.toString());
            throw ApiProblem.invalid("body", "unreadable", "Không đọc được thông điệp theo ánh xạ mappings/" + system
                    + "/status.jsonata (hoặc status.xsl)", "The message cannot be read with mappings/" + system
                    + "/status.jsonata (or status.xsl)");
        }
        StatusOutcome outcome = done.getMessage().getBody(StatusOutcome.class);
        if (outcome.refused()) {
            throw new ApiProblem(HttpStatus.valueOf(outcome.kind().httpStatus()), "Cập nhật không được áp dụng",
                    "Update not applied", List.of(new FieldError(fieldOf(outcome), outcome.code(), outcome.messageVi(),
                            outcome.messageEn())));
        }
        return outcome;
    }

    private static String fieldOf(StatusOutcome o) {
        return switch (o.kind()) {
            case STALE -> "sequence";
            case PARKED -> "externalStatus";
            case INVALID -> "body";
            default -> "status";
        };
    }
}
