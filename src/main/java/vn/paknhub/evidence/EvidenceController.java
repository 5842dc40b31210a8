package vn.paknhub.evidence;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.identity.CentralOfficeOnly;

/** Whether the case history is as it was written, and the keys that sign it. */
@RestController
class EvidenceController {

    private final EvidenceVerifier verifier;
    private final SigningKeys keys;
    private final EvidenceBundle bundles;
    private final EvidenceReport reports;

    EvidenceController(EvidenceVerifier verifier, SigningKeys keys, EvidenceBundle bundles,
            EvidenceReport reports) {
        this.reports = reports;
        this.verifier = verifier;
        this.keys = keys;
        this.bundles = bundles;
    }

    /** One case's evidence as a document signed by the hub; Central Party Office only (the read is in the access log). */
    @GetMapping("/api/v1/evidence/cases/{code}/bundle")
    @CentralOfficeOnly
    com.fasterxml.jackson.databind.JsonNode bundle(
            @org.springframework.web.bind.annotation.PathVariable String code) {
        return bundles.of(code);
    }

    /** The same bundle as a report a person reads (PDF), naming the signed JSON it was printed from. */
    @GetMapping(path = "/api/v1/evidence/cases/{code}/bundle.pdf", produces = "application/pdf")
    @CentralOfficeOnly
    org.springframework.http.ResponseEntity<byte[]> bundlePdf(
            @org.springframework.web.bind.annotation.PathVariable String code) {
        return org.springframework.http.ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chung-cu-" + code + ".pdf\"")
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .body(reports.render(bundles.of(code)));
    }

    /** One case ({@code case}: its tracking code) or the whole history; Central Party Office only. */
    @GetMapping("/api/v1/evidence/verification")
    @CentralOfficeOnly
    EvidenceVerifier.Report verify(@RequestParam(name = "case", required = false) String code) {
        return code == null ? verifier.verifyAll() : verifier.verifyCase(code);
    }

    /** The public keys checkpoints are signed with: public, so that anyone holding a copy can check them. */
    @GetMapping("/api/v1/evidence/signing-keys")
    List<SigningKeys.PublishedKey> signingKeys() {
        return keys.published();
    }
}
