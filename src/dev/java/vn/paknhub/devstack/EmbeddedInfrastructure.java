package vn.paknhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.paknhub.identity.AgencyCredentials;

/**
 * Gives the hub a real PostgreSQL, a real Kafka broker and a real mail server when none is configured, so that
 * {@code ./mvnw spring-boot:run} works on a bare machine. Runs after application.yml is loaded
 * (lowest precedence order) and only fills what is still blank: an operator who names an external
 * database or broker never gets an embedded one.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "pakn-hub-embedded-infrastructure";
    private static final List<String> DEMO_AGENCIES = List.of("VPTW", "BKHCN", "BYT", "01", "68");

    private final Log log;

    public EmbeddedInfrastructure(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedInfrastructure.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("hub.embedded.data-dir", ".hub-data")).toAbsolutePath();
        boolean keepData = env.getProperty("hub.embedded.keep-data", Boolean.class, true);
        Map<String, Object> props = new HashMap<>();
        boolean startedAny = false;

        if (isBlank(env.getProperty("spring.datasource.url"))
                && env.getProperty("hub.embedded.postgres.enabled", Boolean.class, true)) {
            Path pgDir = keepData ? dataDir.resolve("postgres") : temporaryDirectory("pakn-hub-postgres");
            String url = EmbeddedPostgresServer.jdbcUrl(pgDir, keepData, log);
            startedAny = true;
            props.put("spring.datasource.url", url);
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "");
            log.warn("No SPRING_DATASOURCE_URL configured: using the embedded PostgreSQL at " + url
                    + " (data in " + pgDir + "). Not for production.");
            demoAgencyTokens(env, props);
            devIdentityProvider(env, props);
            if (isBlank(env.getProperty("hub.crypto.master-key"))) {
                props.put("hub.crypto.master-key", devMasterKey(dataDir, keepData));
                log.warn("No HUB_CRYPTO_MASTER_KEY configured: personal data in the embedded database is encrypted"
                        + " with a development key generated on this machine. Set HUB_CRYPTO_MASTER_KEY in production.");
            }
            // The development stack plays the partner systems too: the sandboxes answer deliveries, and
            // connector signing keys not set in the environment are derived so that sandboxes can verify.
            props.put("hub.sandbox.enabled", env.getProperty("hub.sandbox.enabled", "true"));
            props.put("hub.connectors.dev-signing-master", Base64.getEncoder().encodeToString(
                    AgencyCredentials.sha256("dev-signing:" + props.getOrDefault("hub.crypto.master-key",
                            env.getProperty("hub.crypto.master-key")))));
        }

        if (isBlank(env.getProperty("camel.component.kafka.brokers"))
                && env.getProperty("hub.embedded.kafka.enabled", Boolean.class, true)) {
            int port = env.getProperty("hub.embedded.kafka.port", Integer.class, 0);
            Path kafkaDir = keepData ? dataDir.resolve("kafka") : temporaryDirectory("pakn-hub-kafka");
            String brokers = EmbeddedKafkaServer.bootstrapServers(kafkaDir, port, !keepData);
            startedAny = true;
            props.put("camel.component.kafka.brokers", brokers);
            log.warn("No CAMEL_COMPONENT_KAFKA_BROKERS configured: using the embedded Kafka broker at " + brokers
                    + ". Not for production.");
        }

        if (isBlank(env.getProperty("hub.notify.smtp.host"))
                && env.getProperty("hub.embedded.mail.enabled", Boolean.class, true)) {
            int[] ports = EmbeddedMailServer.ports();
            startedAny = true;
            props.put("hub.notify.smtp.host", "localhost");
            props.put("hub.notify.smtp.port", ports[0]);
            props.put("hub.embedded.mail.imap-port", ports[1]);
            if (isBlank(env.getProperty("hub.mail.host"))) {
                // the demo mailbox of the email channel (the embedded server takes any password)
                props.put("hub.mail.protocol", "imap");
                props.put("hub.mail.host", "localhost");
                props.put("hub.mail.port", ports[1]);
                props.put("hub.mail.password", "demo");
            }
            log.warn("No HUB_NOTIFY_SMTP_HOST configured: notifications go to the embedded mail server (SMTP localhost:"
                    + ports[0] + ", IMAP localhost:" + ports[1] + "). Not for production.");
        }
        if ("true".equals(String.valueOf(props.getOrDefault("hub.sandbox.enabled", env.getProperty("hub.sandbox.enabled"))))) {
            sandboxAddresses(env, props);
        }
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
        if (startedAny) {
            application.addInitializers(EmbeddedServices.leaseForEachContext());
        }
    }

    /**
     * The shipped connectors and the SMS gateway reach the sandboxes of this development hub, unless the
     * environment names the real systems.
     */
    private static void sandboxAddresses(ConfigurableEnvironment env, Map<String, Object> props) {
        String sandbox = "http://localhost:${local.server.port:${server.port:8080}}/sandbox";
        props.put("hub.connectors.sandbox-url", sandbox);
        if (isBlank(env.getProperty("hub.delivery.files.link-base-url"))) {
            // the sandboxes download linked files from this hub, as a partner would from its public address
            props.put("hub.delivery.files.link-base-url", "http://localhost:${local.server.port:${server.port:8080}}");
        }
        Map<String, String> addresses = Map.of(
                "hub.connectors.url.dvcqg-pakn", "/dvcqg-pakn/api",
                "hub.connectors.url.bkhcn-api", "/bkhcn-api/cases",
                "hub.connectors.url.byt-soap", "/byt-soap/pakn",
                "hub.connectors.url.dvcqg-pakn-status", "/dvcqg-pakn/status",
                "hub.reconciliation.export-url.bkhcn-api", "/bkhcn-api/export",
                "hub.notify.sms.url", "/sms-gateway/messages");
        addresses.forEach((property, path) -> {
            if (isBlank(env.getProperty(property))) {
                props.put(property, sandbox + path);
            }
        });
    }

    /**
     * Officers sign in to the console of the development hub through its own identity provider, unless the
     * environment names the ministry's (HUB_CONSOLE_OIDC_ISSUER_URI).
     */
    private void devIdentityProvider(ConfigurableEnvironment env, Map<String, Object> props) {
        if (!isBlank(env.getProperty("hub.console.oidc.issuer-uri"))) {
            return;
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        props.put("hub.dev-idp.enabled", "true");
        props.put("hub.console.oidc.issuer-uri", "http://localhost:${local.server.port:${server.port:8080}}");
        props.put("hub.console.oidc.client-secret", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        // the development provider puts the officer's name in the ID token; no userinfo endpoint to ask
        props.put("hub.console.oidc.scopes", "openid");
        log.warn("No HUB_CONSOLE_OIDC_ISSUER_URI configured: officers sign in to /console/ through the development"
                + " identity provider of this hub (its officers are printed below). Not for production.");
    }

    /**
     * Lets an integrator try the agency API on the development hub at once: when no agency token is
     * configured, random tokens for a few bodies are made for this run only and printed, never stored.
     */
    private void demoAgencyTokens(ConfigurableEnvironment env, Map<String, Object> props) {
        boolean configured = Binder.get(env).bind("hub.agencies.token-hashes", Bindable.mapOf(String.class, String.class))
                .map(m -> !m.isEmpty()).orElse(false);
        if (configured) {
            return;
        }
        StringBuilder printed = new StringBuilder();
        for (String agency : DEMO_AGENCIES) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            props.put("hub.agencies.token-hashes." + agency, HexFormat.of().formatHex(AgencyCredentials.sha256(token)));
            // the sandboxes play these bodies' systems and download their files with their token
            props.put("hub.sandbox.agency-tokens." + agency, token);
            printed.append("\n    ").append(agency).append(": ").append(token);
        }
        log.warn("No agency tokens configured: demo tokens for this run only (development hub):" + printed);
    }

    /**
     * The embedded database outlives a restart, so its key must too; it is kept beside the data it
     * protects, readable only by its owner, and is never used once an external database is named.
     */
    /**
     * A throw-away database lives as long as its JVM, and every hub context of that JVM must read what the
     * others wrote (the data keys are wrapped with this key): one key per JVM.
     */
    private static final String THROW_AWAY_KEY = randomKey();

    private static String randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static String devMasterKey(Path dataDir, boolean keepData) {
        if (!keepData) {
            return THROW_AWAY_KEY;
        }
        String fresh = randomKey();
        Path keyFile = dataDir.resolve("dev-master.key");
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile).trim();
            }
            Files.createDirectories(dataDir);
            Files.writeString(keyFile, fresh);
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the development key in " + keyFile, e);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
