package vn.paknhub.open311;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal answered in the specification's own error list, not as problem details. */
class Open311Exception extends RuntimeException {

    /** One entry of the error list: {@code code} is the HTTP status, {@code description} names the parameter. */
    record Error(int code, String description) {
    }

    final HttpStatus status;
    final List<Error> errors;
    final Open311Format format;

    Open311Exception(HttpStatus status, String parameter, String description, Open311Format format) {
        this(status, List.of(new Error(status.value(), parameter + ": " + description)), format);
    }

    Open311Exception(HttpStatus status, List<Error> errors, Open311Format format) {
        super(errors.toString());
        this.status = status;
        this.errors = errors;
        this.format = format;
    }
}
