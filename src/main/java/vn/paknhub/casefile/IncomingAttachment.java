package vn.paknhub.casefile;

/** A file as received, its type already checked by content. */
public record IncomingAttachment(String fileName, String mediaType, byte[] content) {
}
