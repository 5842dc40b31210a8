package vn.paknhub.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final ArchiveInspector archives;

    public AttachmentPolicy(@Value("${hub.intake.max-attachments}") int maxCount,
            @Value("${spring.servlet.multipart.max-file-size}") org.springframework.util.unit.DataSize maxSize,
            @Value("${hub.intake.archive.max-entries}") int archiveEntries,
            @Value("${hub.intake.archive.max-inflated}") org.springframework.util.unit.DataSize archiveInflated,
            @Value("${hub.intake.archive.max-ratio}") int archiveRatio) {
        this.maxCount = maxCount;
        this.maxBytes = maxSize.toBytes();
        this.archives = new ArchiveInspector(archiveEntries, archiveInflated.toBytes(), archiveRatio);
    }

    /** What a file is (its media type), or why it is refused. */
    private record Judged(String mediaType, FieldError refusal) {
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
            Judged judged = judge(u, field);
            if (judged.refusal() != null) {
                refused.add(judged.refusal());
            } else {
                accepted.add(accept(u, i, judged.mediaType()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Tệp đính kèm không hợp lệ",
                    "Attachment refused", refused);
        }
        return accepted;
    }

    /** A file a channel could not take, and why (Vietnamese), by the rule it broke. */
    public record Refused(String fileName, String rule, String reason) {

        /**
         * Not a question of size or number: a file that is not what a person sends as evidence (an
         * executable, an arbitrary or damaged archive, a suspected zip bomb). A channel without a form
         * holds such a message for an operator instead of acting on it.
         */
        public boolean suspect() {
            return rule.equals("media-type") || rule.startsWith("archive-");
        }
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
            Judged judged = accepted.size() >= maxCount
                    ? refused(new FieldError("", "attachments-count", "Chỉ nhận tối đa " + maxCount + " tệp đính kèm.",
                            "At most " + maxCount + " attachments are accepted."))
                    : u.content().length > maxBytes
                            ? refused(new FieldError("", "attachment-size", "Tệp vượt quá dung lượng cho phép ("
                                    + maxBytes + " byte).", "The file exceeds the allowed size."))
                            : judge(u, "");
            if (judged.refusal() != null) {
                refused.add(new Refused(u.fileName() == null ? "tệp " + (i + 1) : u.fileName(), judged.refusal().rule(),
                        judged.refusal().message()));
            } else {
                accepted.add(accept(u, i, judged.mediaType()));
            }
        }
        return new Sorted(accepted, refused);
    }

    private static Judged refused(FieldError why) {
        return new Judged(null, why);
    }

    private Judged judge(Upload u, String field) {
        byte[] b = u.content();
        if (b.length == 0) {
            return refused(new FieldError(field, "attachment-size", "Tệp đính kèm rỗng.", "The attachment is empty."));
        }
        if (startsWith(b, new byte[] {'P', 'K', 3, 4})) {
            // a ZIP is accepted only as a word-processing document, never as an arbitrary archive
            ArchiveInspector.Verdict verdict = archives.inspect(b);
            if (verdict instanceof ArchiveInspector.Refusal r) {
                return refused(new FieldError(field, r.rule(), r.message(), r.englishMessage()));
            }
            return new Judged(((ArchiveInspector.Document) verdict).mediaType(), null);
        }
        return sniff(b).map(type -> new Judged(type, null)).orElseGet(() -> refused(new FieldError(field, "media-type",
                "Loại tệp không được chấp nhận; chỉ nhận PDF, ảnh PNG/JPEG/TIFF, văn bản thuần, DOCX hoặc ODT.",
                "File type not accepted; only PDF, PNG/JPEG/TIFF images, plain text, DOCX or ODT.")));
    }

    private static IncomingAttachment accept(Upload u, int i, String type) {
        return new IncomingAttachment(safeName(u.fileName(), i, type), type, u.content());
    }

    /** The type of a file that is not an archive, from its signature. */
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
        return isPlainText(b) ? Optional.of("text/plain; charset=UTF-8") : Optional.empty();
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
