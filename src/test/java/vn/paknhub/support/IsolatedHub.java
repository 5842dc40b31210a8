package vn.paknhub.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Configuration for hubs run as separate processes on the test JVM's PostgreSQL server and Kafka
 * broker, with a database, topic and consumer groups of their own, so that the hub of the other
 * tests cannot interfere.
 */
public final class IsolatedHub {

    public final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final String url;
    public final String topic = "isolated-" + run + ".case-events";
    public final String brokers;
    private final List<String> properties = new ArrayList<>();

    /** A fresh database on the PostgreSQL server, and the Kafka broker, of the test's hub {@code context}. */
    public IsolatedHub(ApplicationContext context) {
        Environment env = context.getEnvironment();
        brokers = env.getRequiredProperty("camel.component.kafka.brokers");
        context.getBean(JdbcTemplate.class).execute("create database isolated_" + run);
        url = env.getRequiredProperty("spring.datasource.url").replaceFirst("/[^/?]+(\\?|$)", "/isolated_" + run + "$1");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        properties.addAll(List.of("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "camel.component.kafka.brokers=" + brokers, "hub.bus.case-events-topic=" + topic,
                "hub.bus.consumer-group=isolated-" + run,
                // a killed member holds its partitions until its session expires: keep that short here
                "camel.component.kafka.session-timeout-ms=10000",
                "hub.crypto.master-key=" + Base64.getEncoder().encodeToString(key)));
    }

    /** The properties, with some replaced or added ("name=value"). */
    public String[] with(String... overrides) {
        List<String> all = new ArrayList<>(properties);
        for (String o : overrides) {
            String name = o.substring(0, o.indexOf('=') + 1);
            all.removeIf(p -> p.startsWith(name));
            all.add(o);
        }
        return all.toArray(String[]::new);
    }

    public JdbcTemplate database() {
        return new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
    }
}
