package vn.paknhub.core.messages;

import java.util.List;

/** A canonical message that breaks its schema; it must not leave the hub. */
public final class InvalidMessageException extends RuntimeException {

    private final List<String> violations;

    public InvalidMessageException(CanonicalMessages.Kind kind, List<String> violations) {
        super("Thông điệp " + kind.schemaId() + " không hợp lệ / Invalid " + kind.schemaId() + " message: "
                + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
