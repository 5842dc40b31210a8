package vn.paknhub.core.problem;

/** One violated rule, named by the JSON path of the field; Vietnamese message first, English twin. */
public record FieldError(String field, String rule, String message, String messageEn) {
}
