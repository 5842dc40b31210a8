package vn.paknhub.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.paknhub.bus.CaseEventBus;

@Configuration
class NotificationConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationConfiguration.class);

    /** Checked at start-up; a broken template is logged by file and does not stop intake. */
    @Bean
    NotificationTemplates notificationTemplates(NotificationSettings settings) {
        NotificationTemplates templates = new NotificationTemplates(Path.of(settings.templatesDir()));
        templates.problems(NotificationPolicy.templates())
                .forEach(p -> LOG.error("Notification template problem (messages using it will be parked): {}", p));
        return templates;
    }

    /** The sender of the SMTP endpoint below; closed (its connections said goodbye to) at shutdown. */
    @Bean
    KeptOpenMailSender hubMailSender(NotificationSettings settings, Clock clock) {
        return new KeptOpenMailSender(settings.smtp(), settings.from(), clock);
    }

    @Bean
    RouteBuilder notificationRoutes(NotificationSettings settings, Environment env, ObjectMapper json) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                if (!settings.enabled()) {
                    // events stay on the bus and in the history: switched on again, nothing is lost
                    LOG.info("Notifications to submitters off (HUB_NOTIFY_ENABLED=false)");
                    return;
                }
                if (settings.smtp().host() == null || settings.smtp().host().isBlank()) {
                    throw new IllegalStateException("No mail server for the notifications submitters are owed (Đ13):"
                            + " set HUB_NOTIFY_SMTP_HOST (and _PORT, _USERNAME, _PASSWORD), or HUB_NOTIFY_ENABLED=false");
                }
                from(CaseEventBus.batchConsumerUri(NotificationPlanner.CONSUMER))
                        .routeId("notification-planning")
                        .bean(NotificationPlanner.class, "plan")
                        .process(CaseEventBus::commitBatch);

                from("timer:notification-dispatch?delay=1000&period={{hub.notify.poll-interval-ms}}")
                        .routeId("notification-dispatch")
                        .bean(NotificationSender.class, "sendDue");

                // only the headers we set reach the mail server
                from("direct:notify-email")
                        .routeId("notify-email")
                        .removeHeaders("*", "To", "Subject", "Auto-Submitted", "In-Reply-To", "References", "Message-ID",
                                "Reply-To")
                        .to(smtpUri(settings));

                if (!settings.sms().sends()) {
                    LOG.info("SMS to submitters off (HUB_NOTIFY_SMS_ENABLED=false or no HUB_NOTIFY_SMS_URL)");
                    return;
                }
                from("direct:notify-sms")
                        .routeId("notify-sms")
                        .process(e -> e.getMessage().setBody(json.writeValueAsString(Map.of(
                                "to", e.getMessage().getHeader("PaknPhone", String.class),
                                "text", e.getMessage().getBody(String.class),
                                "reference", e.getMessage().getHeader("PaknReference", String.class)))))
                        .removeHeaders("*")
                        .setHeader("Content-Type", constant("application/json; charset=utf-8"))
                        .setHeader("X-Api-Key", constant(env.getProperty(settings.sms().apiKeyVariable(), "")))
                        .to("{{hub.notify.sms.url}}?httpMethod=POST");
            }
        };
    }

    /** Server and credentials are the sender's (hubMailSender); the endpoint sets the sender and the body's type. */
    private static String smtpUri(NotificationSettings settings) {
        NotificationSettings.Smtp smtp = settings.smtp();
        return (smtp.ssl() ? "smtps://" : "smtp://") + smtp.host() + ':' + smtp.port() + "?javaMailSender=#hubMailSender"
                + "&from=" + URLEncoder.encode(settings.from(), StandardCharsets.UTF_8)
                + "&contentType=" + URLEncoder.encode("text/plain; charset=UTF-8", StandardCharsets.UTF_8);
    }
}
