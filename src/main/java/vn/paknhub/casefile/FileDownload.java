package vn.paknhub.casefile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One file of a case, read (and the read written in the case's history) for a body's system or an officer:
 * answered the same way to both — as an attachment (never rendered in the hub's origin), not cached, with
 * its SHA-256 so the receiver can check it.
 */
public record FileDownload(AttachmentStore.StoredAttachment file, byte[] content) {

    public ResponseEntity<byte[]> response() {
        return ResponseEntity.ok()
                .contentType(mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())))
                .cacheControl(CacheControl.noStore())
                .body(content);
    }

    private MediaType mediaType() {
        try {
            return MediaType.parseMediaType(file.mediaType());
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
