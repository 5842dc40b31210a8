package vn.paknhub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole hub on a random port against the real embedded PostgreSQL and Kafka broker. Every test
 * class with this annotation shares one application context, so the suite starts the hub once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@CamelSpringBootTest
// metrics are exported as in production (Spring Boot's tests turn them off otherwise): operators' scrape is tested
@AutoConfigureObservability(tracing = false)
public @interface HubIntegrationTest {
}
