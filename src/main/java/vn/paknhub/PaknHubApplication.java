package vn.paknhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PaknHubApplication {

    /**
     * Jakarta Mail 2.1 looks its stream provider up through ServiceLoader on every header it encodes or
     * decodes, scanning every jar of the application each time: a fifth of the hub's CPU in a profile of
     * the delivery benchmark. Naming the provider makes the lookup a class load the JVM has cached.
     * An operator's own -D setting wins.
     */
    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(PaknHubApplication.class, args);
    }
}
