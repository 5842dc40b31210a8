package vn.paknhub.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The simulated partner systems of the development stack, by system id. */
@Component
@ConditionalOnProperty(name = "hub.sandbox.enabled", havingValue = "true")
public class Sandboxes {

    public static final String NATIONAL_PORTAL = "dvcqg-pakn";
    public static final String JSON_MINISTRY = "bkhcn-api";
    public static final String XML_MINISTRY = "byt-soap";
    public static final String KAFKA_PROVINCE = "lamdong-kafka";
    public static final String SMS_GATEWAY = "sms-gateway";

    private final Map<String, SandboxPartner> partners = new ConcurrentHashMap<>();

    public SandboxPartner partner(String system) {
        return partners.computeIfAbsent(system, SandboxPartner::new);
    }
}
