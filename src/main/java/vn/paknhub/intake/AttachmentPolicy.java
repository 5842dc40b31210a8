package vn.paknhub.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.IncomingAttachment;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.core.problem.ProblemHandler;
import vn.paknhub.core.text.VietnameseText;

/**
 * Evidence files (Đ8.2) are accepted by what they ARE, not by what they are called: the type is
 * read from the content's signature, so a renamed executable is refused whatever its name.
 */
@Component
public class AttachmentPolicy {

    static final int MAX_NAME = 200;

    private final int maxCount;
    private final long maxBytes;

    public AttachmentPolicy(@Value("${hub.intake.max-attachments}") int maxCount,
            @Value("${spring.servlet.multipart.max-file-size}") org.springframework.util.unit.DataSize maxSize) {
        this.maxCount = maxCount;
        this.maxBytes = maxSize.toBytes();
    }

    /** A file as uploaded, before its type is known. */
    public record Upload(String fileName, byte[] content) {
    }

    public List<IncomingAttachment> check(List<Upload> uploads) {
        if (uploads.size() > maxCount) {
            throw ApiProblem.invalid("attachments", "attachments-count", "Chỉ được gửi tối đa " + maxCount + " tệp đính kèm.",
                    "At most " + maxCount + " attachments are accepted.");
        }
        List<IncomingAttachment> accepted = new ArrayList<>();
        List<FieldError> refused = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String field = "attachments[" + i + "]";
            if (u.content().length > maxBytes) {
                throw ProblemHandler.tooLarge(field, "attachment-size",
                        "Tệp vượt quá dung lượng cho phép (" + maxBytes + " byte).",
                        "The file exceeds the allowed size (" + maxBytes + " bytes).");
            }
            Optional<FieldError> why = judge(u, field);
            if (why.isPresent()) {
                refused.add(why.get());
            } else {
                accepted.add(accept(u, i));
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Tệp đính kèm không hợp lệ",
                    "Attachment refused", refused);
        }
        return accepted;
    }

    /** A file a channel could not take, and why (Vietnamese). */
    public record Refused(String fileName, String reason) {
    }

    /** The files of a message that cannot be sent back to a form: what is accepted, what is not and why. */
    public record Sorted(List<IncomingAttachment> accepted, List<Refused> refused) {
    }

    /**
     * For channels without a form to send back (email, paper): every file judged on its own, the
     * acceptable ones kept, the others named with the reason instead of refusing the whole message.
     */
    public Sorted sort(List<Upload> uploads) {
        List<IncomingAttachment> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            Optional<FieldError> why = accepted.size() >= maxCount
                    ? Optional.of(new FieldError("", "attachments-count", "Chỉ nhận tối đa " + maxCount + " tệp đính kèm.",
                            "At most " + maxCount + " attachments are accepted."))
                    : u.content().length > maxBytes
                            ? Optional.of(new FieldError("", "attachment-size", "Tệp vượt quá dung lượng cho phép ("
                                    + maxBytes + " byte).", "The file exceeds the allowed size."))
                            : judge(u, "");
            if (why.isPresent()) {
                refused.add(new Refused(u.fileName() == null ? "tệp " + (i + 1) : u.fileName(), why.get().message()));
            } else {
                accepted.add(accept(u, i));
            }
        }
        return new Sorted(accepted, refused);
    }

    private Optional<FieldError> judge(Upload u, String field) {
        if (u.content().length == 0) {
            return Optional.of(new FieldError(field, "attachment-size", "Tệp đính kèm rỗng.", "The attachment is empty."));
        }
        if (sniff(u.content()).isEmpty()) {
            return Optional.of(new FieldError(field, "media-type", "Loại tệp không được chấp nhận; chỉ nhận PDF, ảnh"
                    + " PNG/JPEG/TIFF, văn bản thuần, DOCX hoặc ODT.", "File type not accepted; only PDF, PNG/JPEG/TIFF"
                    + " images, plain text, DOCX or ODT."));
        }
        return Optional.empty();
    }

    private IncomingAttachment accept(Upload u, int i) {
        String type = sniff(u.content()).orElseThrow();
        return new IncomingAttachment(safeName(u.fileName(), i, type), type, u.content());
    }

    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, new byte[] {'I', 'I', 42, 0}) || startsWith(b, new byte[] {'M', 'M', 0, 42})) {
            return Optional.of("image/tiff");
        }
        if (startsWith(b, new byte[] {'P', 'K', 3, 4})) {
            return officeDocument(b);
        }
        return isPlainText(b) ? Optional.of("text/plain; charset=UTF-8") : Optional.empty();
    }

    /** A ZIP is accepted only as a word-processing document, never as an arbitrary archive. */
    private static Optional<String> officeDocument(byte[] b) {
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(b))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 1000) {
                String name = entry.getName();
                if (name.equals("word/document.xml")) {
                    return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                }
                if (name.equals("mimetype")) {
                    String mime = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
                    if (mime.equals("application/vnd.oasis.opendocument.text")) {
                        return Optional.of(mime);
                    }
                }
            }
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isPlainText(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the person's own file name (NFC) but nothing that could act as a path or a control sequence. */
    static String safeName(String original, int index, String mediaType) {
        String name = original == null ? "" : VietnameseText.normalize(original);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").replaceAll("^\\.+", "");
        if (name.isBlank()) {
            name = "tep-dinh-kem-" + (index + 1) + extension(mediaType);
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/tiff" -> ".tif";
            case "application/vnd.oasis.opendocument.text" -> ".odt";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> ".docx";
            default -> ".txt";
        };
    }
}
