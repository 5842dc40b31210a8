package vn.paknhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PaknHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaknHubApplication.class, args);
    }
}
