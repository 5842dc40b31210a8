package vn.paknhub.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.paknhub.abuse.SubmitterGuard;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.IncomingAttachment;
import vn.paknhub.core.problem.ApiProblem;

/** The web channel (Đ7.1a): the API that the portal's forms and connected agency apps call. */
@RestController
class SubmissionController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9_.:-]{1,128}$");

    private final IntakeService intake;
    private final AttachmentPolicy attachments;
    private final SubmitterGuard guard;

    SubmissionController(IntakeService intake, AttachmentPolicy attachments, SubmitterGuard guard) {
        this.intake = intake;
        this.attachments = attachments;
        this.guard = guard;
    }

    @PostMapping(path = "/api/v1/submissions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmissionReceipt> submitJson(@RequestBody SubmissionRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return accepted(submit(request, List.of(), idempotencyKey));
    }

    /** The submitter is admitted first (an operator's lock, the daily limit, Đ18–19); a warning goes on the case. */
    private SubmissionReceipt submit(SubmissionRequest request, List<IncomingAttachment> files, String idempotencyKey) {
        var warning = guard.admit(request.submitter());
        SubmissionReceipt receipt = intake.submit(request, files, Channel.WEB, checkedKey(idempotencyKey));
        warning.ifPresent(m -> guard.noteWarning(receipt.code(), m));
        return receipt;
    }

    @PostMapping(path = "/api/v1/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SubmissionReceipt> submitMultipart(@RequestPart("submission") SubmissionRequest request,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return accepted(submit(request, attachments.check(uploads(files)), idempotencyKey));
    }

    static List<AttachmentPolicy.Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().map(f -> {
            try {
                return new AttachmentPolicy.Upload(f.getOriginalFilename(), f.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static String checkedKey(String key) {
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiProblem.invalid("header:Idempotency-Key", "format",
                    "Idempotency-Key phải dài 1–128 ký tự, gồm chữ, số và _ . : -",
                    "Idempotency-Key must be 1–128 characters of letters, digits and _ . : -");
        }
        return key;
    }

    private static ResponseEntity<SubmissionReceipt> accepted(SubmissionReceipt receipt) {
        return ResponseEntity.accepted().location(URI.create(receipt.statusUrl())).body(receipt);
    }
}
