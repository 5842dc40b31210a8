package vn.paknhub.abuse;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Forgets rate-limit buckets nobody has used for longer than they take to fill again. */
@Configuration
class AbuseConfiguration {

    @Bean
    RouteBuilder rateLimitHousekeeping() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:rate-limit-housekeeping?delay=60000&period=600000")
                        .routeId("rate-limit-housekeeping")
                        .bean(RateLimits.class, "removeExpired");
            }
        };
    }
}
