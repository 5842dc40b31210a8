package vn.paknhub.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /** The Đ6 field list is configurable (Đ6.2): point hub.fields.location at another CSV. */
    @Bean
    FieldCatalogue fieldCatalogue(@Value("${hub.fields.location:classpath:reference/fields.csv}") Resource csv) {
        try (InputStream in = csv.getInputStream()) {
            return FieldCatalogue.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the field catalogue " + csv, e);
        }
    }

    @Bean
    SubmissionValidator submissionValidator(FieldCatalogue fields) {
        return new SubmissionValidator(fields);
    }
}
