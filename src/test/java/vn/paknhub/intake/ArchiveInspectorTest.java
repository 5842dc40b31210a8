package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Office documents looked into with limits: what they are, and archives refused with their reason. */
class ArchiveInspectorTest {

    private final ArchiveInspector inspector = new ArchiveInspector(1000, 100L * 1024 * 1024, 100);

    @Test
    void a_docx_and_an_odt_are_recognised() throws IOException {
        assertThat(inspector.inspect(docx())).isEqualTo(new ArchiveInspector.Document(ArchiveInspector.DOCX));
        assertThat(inspector.inspect(odt())).isEqualTo(new ArchiveInspector.Document(ArchiveInspector.ODT));
    }

    @Test
    void an_entry_inflating_beyond_the_limit_is_refused_from_the_directory() throws IOException {
        byte[] bomb = zip(new Entry("word/document.xml", new byte[150 * 1024 * 1024], true));
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(rule(inspector.inspect(bomb))).isEqualTo("archive-size");
    }

    @Test
    void an_entry_compressed_a_thousand_times_is_refused_as_a_suspected_bomb() throws IOException {
        byte[] zeros = zip(new Entry("word/document.xml", new byte[10 * 1024 * 1024], true));
        ArchiveInspector.Verdict v = inspector.inspect(zeros);
        assertThat(rule(v)).isEqualTo("archive-ratio");
        assertThat(((ArchiveInspector.Refusal) v).message()).contains("bom nén");
    }

    @Test
    void an_archive_lying_about_its_sizes_is_refused_as_soon_as_it_inflates_more() throws IOException {
        byte[] honest = zip(new Entry("word/document.xml", prose(200_000), true));
        assertThat(inspector.inspect(honest)).isInstanceOf(ArchiveInspector.Document.class);
        assertThat(rule(inspector.inspect(declaringSize(honest, 1000)))).isEqualTo("archive-sizes");
    }

    @Test
    void too_many_entries_an_arbitrary_archive_and_a_damaged_one_are_refused() throws IOException {
        Entry[] many = new Entry[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = new Entry("word/media/" + i + ".txt", new byte[] {'x'}, true);
        }
        assertThat(rule(inspector.inspect(zip(many)))).isEqualTo("archive-entries");
        assertThat(rule(inspector.inspect(zip(new Entry("setup.exe", "MZ...".getBytes(StandardCharsets.US_ASCII), true)))))
                .isEqualTo("media-type");
        byte[] damaged = docx();
        byte[] cut = java.util.Arrays.copyOf(damaged, damaged.length / 2);
        assertThat(rule(inspector.inspect(cut))).isEqualTo("archive-unreadable");
    }

    /** Word-processing markup around varied Vietnamese words: compresses as a real document does. */
    private static byte[] prose(int length) {
        String[] words = {"đề", "xuất", "số", "hoá", "hồ", "sơ", "khoa", "học", "công", "nghệ", "tỉnh", "huyện", "xã",
            "người", "dân", "doanh", "nghiệp", "thủ", "tục", "trực", "tuyến", "dữ", "liệu", "nền", "tảng", "chuyển", "đổi"};
        java.util.Random random = new java.util.Random(7);
        StringBuilder text = new StringBuilder("<w:document><w:body>");
        while (text.length() < length) {
            text.append("<w:p><w:r><w:t>");
            for (int i = 0; i < 5 + random.nextInt(30); i++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(10) == 0 ? ", " : " ");
            }
            text.append(random.nextInt(1000)).append(".</w:t></w:r></w:p>");
        }
        return text.append("</w:body></w:document>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String rule(ArchiveInspector.Verdict v) {
        return v instanceof ArchiveInspector.Refusal r ? r.rule() : "accepted";
    }

    record Entry(String name, byte[] content, boolean deflated) {
    }

    static byte[] docx() throws IOException {
        return zip(new Entry("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8), true),
                new Entry("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Đề xuất</w:t></w:r></w:p></w:body></w:document>"
                        .getBytes(StandardCharsets.UTF_8), true));
    }

    private static byte[] odt() throws IOException {
        return zip(new Entry("mimetype", ArchiveInspector.ODT.getBytes(StandardCharsets.US_ASCII), false),
                new Entry("content.xml", "<office:document-content/>".getBytes(StandardCharsets.UTF_8), true));
    }

    static byte[] zip(Entry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry e : entries) {
                ZipEntry entry = new ZipEntry(e.name());
                if (!e.deflated()) {
                    CRC32 crc = new CRC32();
                    crc.update(e.content());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.content().length);
                    entry.setCompressedSize(e.content().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.content());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The archive with its (only) entry's uncompressed size in the central directory set to {@code size}. */
    private static byte[] declaringSize(byte[] zip, int size) {
        byte[] patched = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = patched.length - 46; i >= 0; i--) {
            if (b.getInt(i) == 0x02014b50) {
                b.putInt(i + 24, size);
                return patched;
            }
        }
        throw new IllegalArgumentException("no central directory");
    }
}
