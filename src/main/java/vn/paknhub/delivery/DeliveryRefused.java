package vn.paknhub.delivery;

/**
 * A destination answered that it will not take a message. {@code retryable} false means trying again
 * cannot help (the message breaks the partner's rules): the delivery is parked at once for a person.
 */
public class DeliveryRefused extends RuntimeException {

    private final boolean retryable;

    public DeliveryRefused(String code, String message, boolean retryable) {
        super(code + ": " + message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
