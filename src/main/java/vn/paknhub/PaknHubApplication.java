package vn.paknhub;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.paknhub.delivery.ConnectorCheckCommand;
import vn.paknhub.delivery.ConformanceKit;

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
        // "java -jar pakn-hub.jar check routes mappings": an integrator's CI checks connector files with the
        // hub's own code, before any Spring context, web server, Camel or database is started
        if (ConnectorCheckCommand.wanted(args)) {
            System.exit(ConnectorCheckCommand.run(List.of(args), System.out, System.err));
        }
        // "java -jar pakn-hub.jar conformance routes/<system>.yaml --url …": the hub as the client of a partner's system
        if (args.length > 0 && "conformance".equals(args[0])) {
            System.exit(ConformanceKit.run(List.of(args), System.getenv(), System.out, System.err));
        }
        SpringApplication.run(PaknHubApplication.class, args);
    }
}
