package vn.paknhub.publication;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.statistics.CaseStatistics;

/**
 * The public side of publication (Đ12.4b) and open data (Đ14.5), without authentication and under the same
 * per-address limits as the rest of the public API (abuse.ClientLimitFilter): published items as JSON, CSV and
 * an Atom feed, one item, selected statistics; and, for the Central Party Office's reviewer, the preview of
 * what publishing a case would show. Lists are validated by the time anything published last changed (ETag and
 * Last-Modified, so a client's conditional request is answered 304) and may be cached for a few minutes.
 * Their shape is schemas/open-data/*.schema.json, version 1: fields are only ever added.
 */
@RestController
class PublishedController {

    static final String BASE = "/api/public/v1";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final CacheControl LIST_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    /** Statistics of whole days change slowly; today's are a day's work in progress. */
    private static final CacheControl STATISTICS_CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final List<String> PUBLIC_DIMENSIONS = List.of("FIELD", "AGENCY", "KIND", "CHANNEL");

    private final Publications publications;
    private final CaseStatistics statistics;
    private final AgencyAccess access;

    PublishedController(Publications publications, CaseStatistics statistics, AgencyAccess access) {
        this.publications = publications;
        this.statistics = statistics;
        this.access = access;
    }

    /** Published items, newest first: {@code q} in words with or without diacritics, a field, a body, a period. */
    @GetMapping(BASE + "/published")
    ResponseEntity<?> list(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
            @RequestParam(required = false) String agency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "json") String format,
            WebRequest request) {
        String as = ApiProblem.oneOf("format", format, List.of("JSON", "CSV"));
        if (limit < 1 || limit > 100 || offset < 0 || offset > 100_000) {
            throw ApiProblem.invalid("query:limit", "range", "limit phải từ 1 đến 100 và offset từ 0 đến 100000.",
                    "limit must be 1–100 and offset 0–100000.");
        }
        if (q != null && q.length() > 200) {
            throw ApiProblem.invalid("query:q", "length", "Từ khóa tìm kiếm tối đa 200 ký tự.", "A query is at most 200 characters.");
        }
        Publications.Query query = new Publications.Query(q, blankToNull(field), blankToNull(agency),
                from == null ? null : ApiProblem.date("from", from), to == null ? null : ApiProblem.date("to", to));
        Instant changed = publications.lastModified();
        String etag = "\"" + Long.toHexString(changed.toEpochMilli()) + "-" + Integer.toHexString(
                (as + query + limit + "/" + offset).hashCode()) + "\"";
        if (request.checkNotModified(etag, changed.toEpochMilli())) {
            return null;
        }
        Publications.Page page = publications.search(query, limit, offset);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(LIST_CACHE).eTag(etag).lastModified(changed);
        if (as.equals("CSV")) {
            return ok.contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pakn-cong-khai.csv\"")
                    .header("X-Total-Count", Long.toString(page.total())).body(OpenData.csv(page.items()));
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(OpenData.page(page));
    }

    /** The newest published items as an Atom feed (RFC 4287). */
    @GetMapping(BASE + "/published/feed.atom")
    ResponseEntity<String> feed(WebRequest request) {
        Instant changed = publications.lastModified();
        String etag = "\"atom-" + Long.toHexString(changed.toEpochMilli()) + "\"";
        if (request.checkNotModified(etag, changed.toEpochMilli())) {
            return null;
        }
        String self = request.getContextPath() + BASE + "/published/feed.atom";
        return ResponseEntity.ok().cacheControl(LIST_CACHE).eTag(etag).lastModified(changed).contentType(ATOM)
                .body(OpenData.atom(publications.search(new Publications.Query(null, null, null, null, null), 50, 0)
                        .items(), changed, self, request.getContextPath() + BASE + "/published/"));
    }

    @GetMapping(BASE + "/published/{code}")
    ResponseEntity<OpenData.PublishedItem> item(@PathVariable String code, WebRequest request) {
        Publications.Item item = publications.find(code).orElseThrow(() -> ApiProblem.notFound("PAKN, SKGP đã công khai",
                "published item"));
        String etag = "\"" + Long.toHexString(item.updatedAt().toEpochMilli()) + "\"";
        if (request.checkNotModified(etag, item.updatedAt().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(LIST_CACHE).eTag(etag).lastModified(item.updatedAt())
                .body(OpenData.item(item));
    }

    /**
     * Selected statistics (Đ14.5, with Đ14.3's figures): counts by field, body, kind or channel over a period, the
     * same report the bodies read, every body's, without anything about a person.
     */
    @GetMapping(BASE + "/statistics")
    ResponseEntity<?> statistics(@RequestParam(defaultValue = "FIELD") String by, @RequestParam String from,
            @RequestParam String to, @RequestParam(defaultValue = "json") String format) {
        CaseStatistics.Dimension dimension = CaseStatistics.Dimension.valueOf(
                ApiProblem.oneOf("by", by.toUpperCase(Locale.ROOT), PUBLIC_DIMENSIONS));
        String as = ApiProblem.oneOf("format", format, List.of("JSON", "CSV"));
        CaseStatistics.Period period = CaseStatistics.Period.parse(from, to);
        CaseStatistics.Report report = statistics.report(dimension, period.from(), period.to(), null);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(STATISTICS_CACHE);
        if (as.equals("CSV")) {
            return ok.contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"" + CaseStatistics.csvName(report) + "\"").body(CaseStatistics.csv(report));
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /**
     * The reviewer's preview (Đ12.4b–c): the text publishing would show, and each removal with its words, so that
     * the reviewer can correct it (PUBLISH's {@code publication}) before anything is public. Central Party Office
     * only: the review is its duty; the read of the submitter's details it needs is recorded in the history.
     */
    @GetMapping("/api/v1/agency/cases/{code}/publication")
    Publications.Preview preview(@PathVariable String code) {
        String agency = access.authenticate();
        if (!access.isCentralOffice(agency)) {
            throw ApiProblem.centralOfficeOnly();
        }
        AgencyAccess.Access a = access.access(agency, code);
        return publications.preview(a.caseFile(), a.actor());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
