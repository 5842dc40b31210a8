package vn.paknhub.publication;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The open-data shapes of published items, version 1 (schemas/open-data/published-items.v1.schema.json): JSON,
 * CSV (UTF-8 with a byte-order mark, RFC 4180 quoting, so spreadsheet programs show Vietnamese right) and Atom.
 * Times are offset date-times in Vietnam's time (+07:00), as the rest of the API gives them.
 */
final class OpenData {

    static final String SCHEMA = "https://paknhub.vn/schemas/open-data/published-items.v1.schema.json";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private OpenData() {
    }

    record Named(String code, String nameVi, String nameEn) {
    }

    record PublishedItem(String code, String title, String content, String answer, Named field, Named agency,
            OffsetDateTime receivedAt, OffsetDateTime answeredAt, OffsetDateTime publishedAt, OffsetDateTime updatedAt) {
    }

    record PublishedPage(String schema, long total, int limit, int offset, List<PublishedItem> items) {
    }

    static PublishedPage page(Publications.Page p) {
        return new PublishedPage(SCHEMA, p.total(), p.limit(), p.offset(), p.items().stream().map(OpenData::item).toList());
    }

    static PublishedItem item(Publications.Item i) {
        return new PublishedItem(i.code(), i.title(), i.content(), i.answer(),
                i.fieldCode() == null ? null : new Named(i.fieldCode(), i.fieldNameVi(), i.fieldNameEn()),
                i.agencyCode() == null ? null : new Named(i.agencyCode(), i.agencyNameVi(), i.agencyNameEn()),
                at(i.receivedAt()), at(i.answeredAt()), at(i.publishedAt()), at(i.updatedAt()));
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atZone(VIETNAM).toOffsetDateTime();
    }

    static final List<String> CSV_HEADER = List.of("code", "title", "content", "answer", "field_code", "field_name",
            "agency_code", "agency_name", "received_at", "answered_at", "published_at", "updated_at");

    static String csv(List<Publications.Item> items) {
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", CSV_HEADER)).append("\r\n");
        for (Publications.Item i : items) {
            List<Object> row = List.of(i.code(), i.title(), i.content(), i.answer(), n(i.fieldCode()), n(i.fieldNameVi()),
                    n(i.agencyCode()), n(i.agencyNameVi()), n(at(i.receivedAt())), n(at(i.answeredAt())),
                    n(at(i.publishedAt())), n(at(i.updatedAt())));
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : ",").append(quoted(row.get(c).toString()));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static Object n(Object o) {
        return o == null ? "" : o;
    }

    private static String quoted(String s) {
        return s.matches("[\\p{L}\\p{N} ._:+-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** An Atom feed (RFC 4287) of {@code items}; {@code self} is the feed's address, {@code itemBase} an item's less its code. */
    static String atom(List<Publications.Item> items, Instant updated, String self, String itemBase) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n")
                .append("  <id>urn:paknhub:published</id>\n")
                .append("  <title>PAKN, SKGP đã được trả lời và công khai</title>\n")
                .append("  <subtitle>Published answers to feedback and initiatives (Quy chế 03-QC/BCĐTW, Điều 12.4)</subtitle>\n")
                .append("  <updated>").append(at(updated)).append("</updated>\n")
                .append("  <author><name>Văn phòng Trung ương Đảng</name></author>\n")
                .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(esc(self)).append("\"/>\n");
        for (Publications.Item i : items) {
            x.append("  <entry>\n")
                    .append("    <id>urn:paknhub:published:").append(esc(i.code())).append("</id>\n")
                    .append("    <title>").append(esc(i.title())).append("</title>\n")
                    .append("    <updated>").append(at(i.updatedAt())).append("</updated>\n")
                    .append("    <published>").append(at(i.publishedAt())).append("</published>\n")
                    .append("    <link rel=\"alternate\" type=\"application/json\" href=\"").append(esc(itemBase + i.code()))
                    .append("\"/>\n");
            if (i.fieldCode() != null) {
                x.append("    <category term=\"").append(esc(i.fieldCode())).append("\" label=\"")
                        .append(esc(i.fieldNameVi() == null ? i.fieldCode() : i.fieldNameVi())).append("\"/>\n");
            }
            x.append("    <summary type=\"text\">").append(esc(i.content())).append("</summary>\n")
                    .append("    <content type=\"text\">").append(esc(i.answer())).append("</content>\n")
                    .append("  </entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    // characters XML 1.0 cannot carry are dropped rather than break the feed
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
