package vn.paknhub.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Looks inside a ZIP (a DOCX or ODT is one) without trusting it: the central directory is read first
 * and an archive with too many entries, too large an inflated size or too high a compression ratio is
 * refused before anything is inflated (a zip bomb costs milliseconds); then each entry is inflated at
 * most to the size it declares, so that an archive lying about its sizes is refused as soon as it does.
 *
 * @param maxEntries  entries an office document may have
 * @param maxInflated bytes all entries may inflate to together
 * @param maxRatio    inflated size over compressed size of an entry (text compresses 5 to 20 times)
 */
record ArchiveInspector(int maxEntries, long maxInflated, int maxRatio) {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    /** Below this an entry's ratio is not judged: tiny files of repeated markup compress very well. */
    private static final long SMALL_ENTRY = 64 * 1024;

    /** What the archive is, or why it is refused (Vietnamese, then English). */
    sealed interface Verdict permits Document, Refusal {
    }

    record Document(String mediaType) implements Verdict {
    }

    record Refusal(String rule, String message, String englishMessage) implements Verdict {
    }

    Verdict inspect(byte[] zip) {
        try (ZipFile archive = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            List<ZipArchiveEntry> entries = Collections.list(archive.getEntries());
            if (entries.size() > maxEntries) {
                return refusal("archive-entries", "Tệp nén có quá nhiều thành phần (" + entries.size() + ", tối đa "
                        + maxEntries + ").", "The archive has too many entries (" + entries.size() + ", at most " + maxEntries + ").");
            }
            long declared = 0;
            for (ZipArchiveEntry e : entries) {
                long size = e.getSize();
                if (size < 0) {
                    return refusal("archive-sizes", "Tệp nén không khai kích thước các thành phần.",
                            "The archive does not declare the sizes of its entries.");
                }
                declared += size;
                if (declared > maxInflated) {
                    return tooLarge();
                }
                if (size > SMALL_ENTRY && size > (long) maxRatio * Math.max(1, e.getCompressedSize())) {
                    return refusal("archive-ratio", "Tệp nén có tỉ lệ nén bất thường (" + e.getName() + "): nghi là bom nén.",
                            "An entry compresses abnormally (" + e.getName() + "): a suspected zip bomb.");
                }
            }
            String type = null;
            for (ZipArchiveEntry e : entries) {
                if (!archive.canReadEntryData(e)) {
                    return refusal("archive-unreadable", "Không đọc được thành phần " + e.getName() + " của tệp nén.",
                            "Entry " + e.getName() + " of the archive cannot be read.");
                }
                byte[] head = new byte[100];
                long inflated = 0;
                int headLength = 0;
                try (InputStream in = archive.getInputStream(e)) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        if (headLength < head.length) {
                            int take = Math.min(n, head.length - headLength);
                            System.arraycopy(buffer, 0, head, headLength, take);
                            headLength += take;
                        }
                        inflated += n;
                        if (inflated > e.getSize()) {
                            return refusal("archive-sizes", "Tệp nén khai sai kích thước thành phần " + e.getName() + ".",
                                    "Entry " + e.getName() + " inflates to more than the archive declares.");
                        }
                    }
                }
                if (e.getName().equals("word/document.xml")) {
                    type = DOCX;
                } else if (e.getName().equals("mimetype")
                        && new String(head, 0, headLength, StandardCharsets.US_ASCII).trim().equals(ODT)) {
                    type = ODT;
                }
            }
            return type != null ? new Document(type) : refusal("media-type", "Tệp nén không phải văn bản DOCX hoặc ODT.",
                    "The archive is not a DOCX or ODT document.");
        } catch (IOException | RuntimeException e) {
            return refusal("archive-unreadable", "Tệp nén bị hỏng, không đọc được.", "The archive is damaged and cannot be read.");
        }
    }

    private Refusal tooLarge() {
        return refusal("archive-size", "Tệp nén giải nén ra quá lớn (tối đa " + maxInflated / (1024 * 1024) + " MB).",
                "The archive inflates to too much (at most " + maxInflated / (1024 * 1024) + " MB).");
    }

    private static Refusal refusal(String rule, String vi, String en) {
        return new Refusal(rule, vi, en);
    }
}
