package vn.paknhub.devstack;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the embedded servers only after the hub using them has stopped. Each application context
 * holds a lease, registered before any other bean and therefore destroyed after all of them (after
 * Camel has closed its Kafka producer and the pool its connections); the servers stop when the last
 * lease is released, so contexts sharing them in one JVM (tests) stay safe.
 */
final class EmbeddedServices {

    private static int leases;

    private EmbeddedServices() {
    }

    static ApplicationContextInitializer<ConfigurableApplicationContext> leaseForEachContext() {
        return context -> {
            acquire();
            // a disposable registered first is destroyed last (a plain registerSingleton gets no callback)
            ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                    .registerDisposableBean("embeddedServicesLease", EmbeddedServices::release);
        };
    }

    private static synchronized void acquire() {
        leases++;
    }

    private static synchronized void release() {
        if (--leases == 0) {
            EmbeddedKafkaServer.stop();
            EmbeddedPostgresServer.stop();
            EmbeddedMailServer.stop();
        }
    }
}
