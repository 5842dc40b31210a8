/*
 * Generates deterministic scanned-letter fixtures for the OCR (scanned paper) channel, and
 * measures Tesseract accuracy against their ground truth. JDK only, no external libraries.
 *
 *   java -Dfile.encoding=UTF-8 ScanFixtures.java <outdir>
 *       writes the images, <letter>.txt (body ground truth, NFC), <letter>.json (expected fields)
 *       and manifest.json into <outdir> (normally src/test/resources/scans).
 *
 *   java -Dfile.encoding=UTF-8 ScanFixtures.java --evaluate <dir> [psm,psm,...] [-- extra tesseract args]
 *       runs `tesseract <img> <tmp> -l vie --psm N [extra] txt tsv` on every manifest entry that has
 *       ground truth and prints: file, dpi, psm, body accuracy, mean word confidence, wall seconds.
 *
 *   java -Dfile.encoding=UTF-8 ScanFixtures.java --accuracy <image|ocr.txt> <truth.txt> [--psm N] [extra args]
 *       one file. Accuracy = 1 - Levenshtein / len(truth) over NFC, whitespace-collapsed text; the truth
 *       (body only) is aligned against the best-matching substring of the OCR output of the whole page.
 *
 *   java -Dfile.encoding=UTF-8 ScanFixtures.java --preprocess <bin|red|up2> <in> <out.png>
 *       bin = Otsu binarisation, red = keep the red channel (drops red stamps), up2 = 2x bicubic upscale.
 *
 * Font: DejaVu Serif (or Liberation Serif) loaded from file with Font.createFont; override the
 * directory with -Dscan.fontDir=/path. Rendering is deterministic for a given JDK/font (fixed seeds).
 * -Dfile.encoding=UTF-8 is only needed when the locale is not UTF-8 (JDK 17 source launcher reads
 * this file in the platform charset); the program refuses to run if the Vietnamese literals were mangled.
 */

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ScanFixtures {

    // ------------------------------------------------------------------------------------------
    // Letters (NFC). body = paragraphs between the "Kính gửi" line and the signature block.
    // ------------------------------------------------------------------------------------------

    record Letter(String id, String senderName, String address, String phone, String email,
                  String place, int day, int month, int year, String title, String subject,
                  String addressee, List<String> paragraphs, String stampText) {
        String dateLine() {
            return place + ", ngày " + two(day) + " tháng " + (month <= 2 ? two(month) : String.valueOf(month))
                    + " năm " + year;
        }
        String isoDate() { return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day); }
        String body() { return String.join("\n\n", paragraphs); }
        static String two(int v) { return v < 10 ? "0" + v : String.valueOf(v); }
    }

    static final List<Letter> LETTERS = List.of(
        new Letter("letter1", "Nguyễn Văn An",
            "Số 15 đường Trần Phú, phường 3, thành phố Đà Lạt, tỉnh Lâm Đồng",
            "0912 345 678", "nguyen.van.an@example.com", "Đà Lạt", 12, 10, 2026,
            "THƯ KIẾN NGHỊ",
            "V/v đề xuất ứng dụng công nghệ số trong sản xuất nông nghiệp công nghệ cao",
            "Bộ Khoa học và Công nghệ",
            List.of(
                "Tôi là Nguyễn Văn An, kỹ sư nông nghiệp đang sinh sống và làm việc tại thành phố Đà Lạt. "
                + "Qua nhiều năm tham gia sản xuất rau, hoa theo hướng công nghệ cao, tôi nhận thấy việc ứng dụng "
                + "khoa học và công nghệ đã giúp nâng cao năng suất, tiết kiệm nước tưới và giảm đáng kể lượng "
                + "phân bón hóa học.",
                "Tuy nhiên, nhiều hộ nông dân vẫn gặp khó khăn khi tiếp cận các thiết bị cảm biến, hệ thống tưới "
                + "tự động và phần mềm quản lý trang trại do chi phí đầu tư ban đầu cao và thiếu đội ngũ hướng dẫn "
                + "kỹ thuật tại chỗ. Dữ liệu về thời tiết, thổ nhưỡng và giá cả thị trường hiện nằm rải rác ở nhiều "
                + "cơ quan khác nhau, chưa được kết nối để người dân khai thác.",
                "Vì vậy, tôi kính đề nghị Bộ xem xét xây dựng nền tảng dữ liệu mở về nông nghiệp, hỗ trợ kinh phí "
                + "thử nghiệm cảm biến giá rẻ cho các hợp tác xã và tổ chức các lớp tập huấn chuyển đổi số ngay tại "
                + "địa phương. Tôi tin rằng những giải pháp này sẽ góp phần nâng cao thu nhập của người nông dân và "
                + "thúc đẩy phát triển bền vững.",
                "Xin trân trọng cảm ơn!"),
            null),
        new Letter("letter2", "Trần Thị Bích Ngọc",
            "Thôn Phú Hòa, xã Lộc Châu, thành phố Bảo Lộc, tỉnh Lâm Đồng",
            "0987.654.321", "bichngoc.tran@example.org", "Bảo Lộc", 5, 9, 2026,
            "ĐƠN KIẾN NGHỊ",
            "V/v số hóa thủ tục hành chính và phát triển hạ tầng số ở vùng nông thôn",
            "Ủy ban nhân dân tỉnh Lâm Đồng",
            List.of(
                "Tôi tên là Trần Thị Bích Ngọc, giáo viên trung học cơ sở tại xã Lộc Châu. Trong thời gian qua, "
                + "tỉnh đã triển khai nhiều dịch vụ công trực tuyến, giúp người dân tiết kiệm thời gian đi lại và "
                + "giảm giấy tờ khi làm thủ tục hành chính.",
                "Tuy vậy, tại nhiều thôn vùng sâu, tín hiệu internet di động còn yếu, người cao tuổi chưa quen sử "
                + "dụng điện thoại thông minh nên vẫn phải nhờ cán bộ xã nộp hồ sơ hộ. Một số biểu mẫu điện tử còn "
                + "phức tạp, yêu cầu khai báo trùng lặp những thông tin đã có trong cơ sở dữ liệu quốc gia về dân cư.",
                "Tôi kính đề nghị Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành phối hợp với doanh nghiệp viễn thông mở "
                + "rộng vùng phủ sóng, thành lập tổ công nghệ số cộng đồng tại mỗi thôn và rút gọn biểu mẫu theo hướng "
                + "tự động điền dữ liệu sẵn có. Đồng thời, nên đưa nội dung kỹ năng số cơ bản vào chương trình sinh "
                + "hoạt của các đoàn thể để người dân mạnh dạn sử dụng dịch vụ công trực tuyến.",
                "Kính mong Ủy ban nhân dân tỉnh quan tâm xem xét. Xin trân trọng cảm ơn!"),
            "ỦY BAN NHÂN DÂN XÃ LỘC CHÂU * TP. BẢO LỘC *"),
        new Letter("letter3", "Lê Hoàng Minh",
            "Số 27 phố Nguyễn Chí Thanh, phường Láng Thượng, quận Đống Đa, thành phố Hà Nội",
            "0903 123 456", "lehoangminh@example.net", "Hà Nội", 20, 11, 2026,
            "THƯ GÓP Ý",
            "V/v đẩy mạnh chuyển đổi số và ứng dụng trí tuệ nhân tạo trong ngành y tế",
            "Bộ Y tế",
            List.of(
                "Tôi là Lê Hoàng Minh, bác sĩ nội khoa đang công tác tại một bệnh viện tuyến quận ở Hà Nội. Tôi xin "
                + "gửi tới Bộ Y tế một số ý kiến đóng góp về việc đẩy mạnh chuyển đổi số trong khám bệnh, chữa bệnh, "
                + "với mong muốn người bệnh được phục vụ nhanh chóng, an toàn và thuận tiện hơn.",
                "Thứ nhất, hồ sơ sức khỏe điện tử đã được triển khai ở nhiều địa phương nhưng dữ liệu giữa các cơ sở "
                + "y tế chưa được liên thông đầy đủ. Người bệnh khi chuyển tuyến vẫn phải mang theo phim chụp, kết quả "
                + "xét nghiệm bản giấy và thường phải làm lại một số chỉ định, gây tốn kém thời gian và chi phí.",
                "Thứ hai, các công cụ trí tuệ nhân tạo hỗ trợ đọc phim X-quang, phát hiện sớm bệnh võng mạc do đái "
                + "tháo đường hay cảnh báo tương tác thuốc đã cho kết quả khả quan trong nghiên cứu. Tuy nhiên, hiện "
                + "chưa có hướng dẫn rõ ràng về thẩm định, cấp phép và trách nhiệm pháp lý khi sử dụng các phần mềm "
                + "này tại bệnh viện.",
                "Thứ ba, việc bảo vệ dữ liệu cá nhân về sức khỏe cần được quan tâm đặc biệt. Tôi đề nghị Bộ ban hành "
                + "bộ tiêu chuẩn kỹ thuật thống nhất về trao đổi dữ liệu y tế, quy định cụ thể việc mã hóa, phân quyền "
                + "truy cập và lưu vết mọi lần khai thác hồ sơ của người bệnh.",
                "Cuối cùng, tôi kiến nghị Bộ xây dựng cơ chế thử nghiệm có kiểm soát cho các giải pháp y tế số do "
                + "doanh nghiệp khởi nghiệp và viện nghiên cứu trong nước phát triển, đồng thời tăng cường đào tạo kỹ "
                + "năng số cho đội ngũ nhân viên y tế ở tuyến cơ sở.",
                "Rất mong nhận được sự quan tâm của Bộ Y tế. Xin trân trọng cảm ơn!"),
            null));

    static final String MOTTO1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO2 = "Độc lập - Tự do - Hạnh phúc";

    // ------------------------------------------------------------------------------------------
    // Fonts
    // ------------------------------------------------------------------------------------------

    static Font REGULAR, BOLD, ITALIC, BOLD_CONDENSED;
    static String FONT_DESC;

    static void loadFonts() throws Exception {
        String override = System.getProperty("scan.fontDir");
        String[][] families = {
            // dir, regular, bold, italic, bold condensed (may equal bold)
            {"/usr/share/fonts/truetype/dejavu", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
                "DejaVuSerifCondensed-Bold.ttf"},
            {"/usr/share/fonts/truetype/liberation2", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                "LiberationSerif-Italic.ttf", "LiberationSerif-Bold.ttf"},
            {"/usr/share/fonts/truetype/liberation", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                "LiberationSerif-Italic.ttf", "LiberationSerif-Bold.ttf"},
        };
        for (String[] f : families) {
            String dir = override != null ? override : f[0];
            File r = new File(dir, f[1]), b = new File(dir, f[2]), i = new File(dir, f[3]), bc = new File(dir, f[4]);
            if (!(r.isFile() && b.isFile() && i.isFile())) continue;
            REGULAR = Font.createFont(Font.TRUETYPE_FONT, r);
            BOLD = Font.createFont(Font.TRUETYPE_FONT, b);
            ITALIC = Font.createFont(Font.TRUETYPE_FONT, i);
            BOLD_CONDENSED = bc.isFile() ? Font.createFont(Font.TRUETYPE_FONT, bc) : BOLD;
            StringBuilder all = new StringBuilder(MOTTO1 + MOTTO2);
            for (Letter l : LETTERS) all.append(l.senderName).append(l.address).append(l.dateLine())
                    .append(l.title).append(l.subject).append(l.addressee).append(l.body());
            for (Font ft : List.of(REGULAR, BOLD, ITALIC, BOLD_CONDENSED)) {
                int bad = ft.canDisplayUpTo(all.toString().replaceAll("\\s", ""));
                if (bad >= 0) throw new IllegalStateException(ft.getFontName() + " lacks glyph for U+"
                        + Integer.toHexString(all.toString().replaceAll("\\s", "").codePointAt(bad)));
            }
            FONT_DESC = REGULAR.getFontName() + " (" + r.getPath() + ")";
            return;
        }
        throw new IllegalStateException("No Vietnamese-capable serif font found; install fonts-dejavu-core "
                + "or fonts-liberation2, or pass -Dscan.fontDir=");
    }

    // ------------------------------------------------------------------------------------------
    // Layout / rendering
    // ------------------------------------------------------------------------------------------

    static final class Page {
        final BufferedImage img; final Graphics2D g;
        Page(int w, int h) {
            img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            g = img.createGraphics();
            g.setColor(Color.WHITE); g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(20, 20, 20));
        }
    }

    /** Result of rendering a letter: pages plus where the signature block landed (for the stamp). */
    record Rendered(List<BufferedImage> pages, int sigPage, int sigCx, int sigCy) {}

    static final class Layout {
        final double dpi, s; // s = pixels per point
        final int w, h, left, right, top, bottom;
        final List<Page> pages = new ArrayList<>();
        final FontRenderContext frc = new FontRenderContext(null, true, true);
        double y;

        Layout(double dpi) {
            this.dpi = dpi; this.s = dpi / 72.0;
            w = (int) Math.round(210 / 25.4 * dpi); h = (int) Math.round(297 / 25.4 * dpi);
            left = mm(30); right = w - mm(20); top = mm(20); bottom = h - mm(20);
            newPage();
        }
        int mm(double v) { return (int) Math.round(v / 25.4 * dpi); }
        double pt(double v) { return v * s; }
        Font f(Font base, double pt) { return base.deriveFont((float) (pt * s)); }
        double width(Font f, String t) { return f.getStringBounds(t, frc).getWidth(); }
        Page page() { return pages.get(pages.size() - 1); }
        void newPage() { pages.add(new Page(w, h)); y = top; }
        void ensure(double hh) { if (y + hh > bottom) newPage(); }
        double ascent(Font f) { return f.getLineMetrics("ÀẬỹg", frc).getAscent(); }

        List<String> wrap(Font f, String text, double maxW) {
            List<String> lines = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (String word : text.split(" ")) {
                String cand = cur.length() == 0 ? word : cur + " " + word;
                if (cur.length() > 0 && width(f, cand) > maxW) { lines.add(cur.toString()); cur = new StringBuilder(word); }
                else { cur = new StringBuilder(cand); }
            }
            if (cur.length() > 0) lines.add(cur.toString());
            return lines;
        }
        void drawAt(Font f, String t, double x, double yTop) {
            Graphics2D g = page().g; g.setFont(f); g.drawString(t, (float) x, (float) (yTop + ascent(f)));
        }
        void centered(Font f, String t, double x0, double x1, double lineH) {
            ensure(lineH);
            drawAt(f, t, (x0 + x1 - width(f, t)) / 2, y); y += lineH;
        }
        /** Justified paragraph with first-line indent. */
        void paragraph(Font f, String text, double indent, double lineH) {
            double maxW = right - left;
            String[] words = text.split(" ");
            int i = 0; boolean first = true;
            double space = width(f, " ");
            while (i < words.length) {
                double avail = maxW - (first ? indent : 0);
                int j = i; double sum = 0;
                while (j < words.length) {
                    double ww = width(f, words[j]);
                    double need = sum + ww + (j > i ? space * (j - i) : 0);
                    if (j > i && need > avail) break;
                    sum += ww; j++;
                }
                boolean last = j >= words.length;
                ensure(lineH);
                double x = left + (first ? indent : 0);
                double gap = (last || j - i == 1) ? space : (avail - sum) / (j - i - 1);
                for (int k = i; k < j; k++) { drawAt(f, words[k], x, y); x += width(f, words[k]) + gap; }
                y += lineH; i = j; first = false;
            }
        }
    }

    static Rendered render(Letter l, double dpi, double bodyPt, double lineSpacing) {
        Layout L = new Layout(dpi);
        Font motto1 = L.f(BOLD_CONDENSED, 12), motto2 = L.f(BOLD, 12.5), small = L.f(REGULAR, 11);
        Font dateF = L.f(ITALIC, 12.5), titleF = L.f(BOLD, 14), subjF = L.f(ITALIC, 12.5);
        Font body = L.f(REGULAR, bodyPt), bodyB = L.f(BOLD, bodyPt), smallI = L.f(ITALIC, 11);
        double colW = Math.max(Math.max(L.width(motto1, MOTTO1), L.width(motto2, MOTTO2)), L.width(dateF, l.dateLine()))
                + L.pt(8);
        double rx0 = L.right - colW, rx1 = L.right;
        // right column: national motto, underline, place/date
        double y0 = L.y;
        L.centered(motto1, MOTTO1, rx0, rx1, L.pt(12) * 1.3);
        double m2w = L.width(motto2, MOTTO2);
        L.centered(motto2, MOTTO2, rx0, rx1, L.pt(12.5) * 1.25);
        Graphics2D g = L.page().g;
        g.setStroke(new BasicStroke((float) L.pt(0.7)));
        g.draw(new Line2D.Double((rx0 + rx1 - m2w) / 2, L.y, (rx0 + rx1 + m2w) / 2, L.y));
        L.y += L.pt(12);
        L.centered(dateF, l.dateLine(), rx0, rx1, L.pt(12.5) * 1.3);
        double rightEnd = L.y;
        // left column: sender block
        L.y = y0;
        double lw = rx0 - L.left - L.pt(14);
        List<String> sender = new ArrayList<>();
        sender.add("Họ và tên: " + l.senderName);
        sender.addAll(L.wrap(small, "Địa chỉ: " + l.address, lw));
        sender.add("Điện thoại: " + l.phone);
        sender.add("Email: " + l.email);
        for (String s : sender) { L.drawAt(small, s, L.left, L.y); L.y += L.pt(11) * 1.35; }
        L.y = Math.max(L.y, rightEnd) + L.pt(20);
        // title, subject, addressee
        L.centered(titleF, l.title, L.left, L.right, L.pt(14) * 1.4);
        for (String s : L.wrap(subjF, l.subject, (L.right - L.left) * 0.85))
            L.centered(subjF, s, L.left, L.right, L.pt(12.5) * 1.3);
        L.y += L.pt(12);
        String kg = "Kính gửi: ";
        double kgW = L.width(bodyB, kg) + L.width(body, l.addressee);
        double kx = (L.left + L.right - kgW) / 2;
        L.drawAt(bodyB, kg, kx, L.y); L.drawAt(body, l.addressee, kx + L.width(bodyB, kg), L.y);
        L.y += L.pt(bodyPt) * lineSpacing + L.pt(8);
        // body
        for (String p : l.paragraphs) { L.paragraph(body, p, L.pt(28), L.pt(bodyPt) * lineSpacing); L.y += L.pt(6); }
        // signature block (kept together, right column)
        double sigH = L.pt(13) * 1.3 + L.pt(11) * 1.3 + L.pt(62) + L.pt(13) * 1.3;
        L.y += L.pt(10);
        L.ensure(sigH);
        double sy = L.y;
        L.centered(L.f(BOLD, 13), "Người gửi", rx0, rx1, L.pt(13) * 1.3);
        L.centered(smallI, "(Ký và ghi rõ họ tên)", rx0, rx1, L.pt(11) * 1.3);
        scribble(L, (rx0 + rx1) / 2, L.y + L.pt(30), L.pt(45), new Random(l.id.hashCode()));
        L.y += L.pt(62);
        L.centered(L.f(BOLD, 13), l.senderName, rx0, rx1, L.pt(13) * 1.3);
        List<BufferedImage> imgs = new ArrayList<>();
        for (Page p : L.pages) { p.g.dispose(); imgs.add(p.img); }
        return new Rendered(imgs, imgs.size() - 1, (int) ((rx0 + rx1) / 2 - L.pt(40)), (int) ((sy + L.y) / 2));
    }

    static void scribble(Layout L, double cx, double cy, double halfW, Random r) {
        Graphics2D g = L.page().g;
        g.setStroke(new BasicStroke((float) L.pt(1.1), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(35, 35, 60));
        double x = cx - halfW, yy = cy;
        for (int k = 0; k < 5; k++) {
            double nx = x + halfW * 2 / 5;
            double ny = cy + (r.nextDouble() - 0.5) * L.pt(14);
            g.draw(new CubicCurve2D.Double(x, yy, x + L.pt(6), yy - L.pt(20 + r.nextInt(10)),
                    nx - L.pt(14), ny + L.pt(18 + r.nextInt(8)), nx, ny));
            x = nx; yy = ny;
        }
        g.draw(new CubicCurve2D.Double(cx - halfW * 0.9, cy + L.pt(10), cx, cy + L.pt(16), cx + halfW * 0.5,
                cy + L.pt(4), cx + halfW * 1.05, cy + L.pt(9)));
        g.setColor(new Color(20, 20, 20));
    }

    // ------------------------------------------------------------------------------------------
    // Image effects
    // ------------------------------------------------------------------------------------------

    static BufferedImage toRgb(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics(); g.drawImage(src, 0, 0, null); g.dispose();
        return out;
    }

    /** Red round seal, multiply-blended onto an RGB page. */
    static void stamp(BufferedImage rgb, int cx, int cy, double dpi, String ringText) {
        double s = dpi / 72.0;
        int R = (int) Math.round(19 / 25.4 * dpi); // 38 mm seal
        int size = 2 * R + 8;
        BufferedImage m = new Page(size, size).img;
        Graphics2D g = m.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.BLACK);
        double c = size / 2.0;
        g.setStroke(new BasicStroke((float) (2.2 * s)));
        g.draw(new Ellipse2D.Double(c - R + 2 * s, c - R + 2 * s, 2 * R - 4 * s, 2 * R - 4 * s));
        g.setStroke(new BasicStroke((float) (0.9 * s)));
        double ri = R * 0.62;
        g.draw(new Ellipse2D.Double(c - ri, c - ri, 2 * ri, 2 * ri));
        // star
        Polygon star = new Polygon();
        for (int k = 0; k < 10; k++) {
            double rr = (k % 2 == 0) ? ri * 0.55 : ri * 0.22, a = -Math.PI / 2 + k * Math.PI / 5;
            star.addPoint((int) Math.round(c + rr * Math.cos(a)), (int) Math.round(c + rr * Math.sin(a)));
        }
        g.fill(star);
        // ring text
        Font f = BOLD.deriveFont((float) (8.5 * s));
        g.setFont(f);
        FontRenderContext frc = g.getFontRenderContext();
        double rt = (R - 4 * s + ri) / 2 + f.getSize2D() * 0.35;
        double total = 0;
        for (char ch : ringText.toCharArray()) total += f.getStringBounds(String.valueOf(ch), frc).getWidth();
        double scale = (2 * Math.PI * rt * 0.97) / total; // spread to close the ring
        double ang = 0;
        g.translate(c, c);
        for (char ch : ringText.toCharArray()) {
            double cw = f.getStringBounds(String.valueOf(ch), frc).getWidth();
            double a = ang + cw * scale / 2 / rt;
            g.rotate(a);
            g.drawString(String.valueOf(ch), (float) (-cw / 2), (float) (-rt + f.getSize2D() * 0.7));
            g.rotate(-a);
            ang += cw * scale / rt;
        }
        g.dispose();
        int ir = 200, ig = 28, ib = 40; double opacity = 0.85;
        for (int yy = 0; yy < size; yy++) for (int xx = 0; xx < size; xx++) {
            int px = cx - size / 2 + xx, py = cy - size / 2 + yy;
            if (px < 0 || py < 0 || px >= rgb.getWidth() || py >= rgb.getHeight()) continue;
            double a = (255 - (m.getRaster().getSample(xx, yy, 0))) / 255.0 * opacity;
            if (a <= 0) continue;
            int p = rgb.getRGB(px, py);
            int r = (p >> 16) & 255, gg = (p >> 8) & 255, b = p & 255;
            r = (int) Math.round(r * (1 - a) + r * ir / 255.0 * a);
            gg = (int) Math.round(gg * (1 - a) + gg * ig / 255.0 * a);
            b = (int) Math.round(b * (1 - a) + b * ib / 255.0 * a);
            rgb.setRGB(px, py, (r << 16) | (gg << 8) | b);
        }
    }

    static BufferedImage rotate(BufferedImage src, double degrees) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), src.getType());
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE); g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), src.getWidth() / 2.0, src.getHeight() / 2.0);
        g.drawImage(src, 0, 0, null); g.dispose();
        return out;
    }

    static void gaussianNoiseRgb(BufferedImage img, double sigma, Random r) {
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) {
            int n = (int) Math.round(r.nextGaussian() * sigma);
            int p = img.getRGB(x, y);
            img.setRGB(x, y, (clip(((p >> 16) & 255) + n) << 16) | (clip(((p >> 8) & 255) + n) << 8) | clip((p & 255) + n));
        }
    }

    static void gaussianNoiseGray(BufferedImage img, double sigma, Random r) {
        WritableRaster ras = img.getRaster();
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++)
            ras.setSample(x, y, 0, clip(ras.getSample(x, y, 0) + (int) Math.round(r.nextGaussian() * sigma)));
    }

    static int clip(int v) { return v < 0 ? 0 : Math.min(255, v); }

    static BufferedImage boxBlurGray(BufferedImage src, int radius) {
        int w = src.getWidth(), h = src.getHeight();
        int[] a = src.getRaster().getPixels(0, 0, w, h, (int[]) null), b = new int[a.length];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int sum = 0, n = 0;
            for (int k = -radius; k <= radius; k++) { int xx = x + k; if (xx >= 0 && xx < w) { sum += a[y * w + xx]; n++; } }
            b[y * w + x] = sum / n;
        }
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int sum = 0, n = 0;
            for (int k = -radius; k <= radius; k++) { int yy = y + k; if (yy >= 0 && yy < h) { sum += b[yy * w + x]; n++; } }
            a[y * w + x] = sum / n;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setPixels(0, 0, w, h, a);
        return out;
    }

    /** Fade: map black..white to lo..hi (washed-out scan). */
    static void contrast(BufferedImage img, int lo, int hi) {
        WritableRaster r = img.getRaster();
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++)
            r.setSample(x, y, 0, lo + r.getSample(x, y, 0) * (hi - lo) / 255);
    }

    static BufferedImage threshold(BufferedImage gray, int t, double speckle, Random r) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster in = gray.getRaster(), o = out.getRaster();
        for (int y = 0; y < gray.getHeight(); y++) for (int x = 0; x < gray.getWidth(); x++) {
            int v = in.getSample(x, y, 0) < t ? 0 : 1;
            if (speckle > 0 && r.nextDouble() < speckle) v = 0;
            o.setSample(x, y, 0, v);
        }
        return out;
    }

    /** 16-entry palette: 12 grays + 4 seal reds; nearest colour. Keeps noisy colour pages small (4-bit PNG). */
    static BufferedImage quantize16(BufferedImage rgb) {
        int n = 16; byte[] rr = new byte[n], gg = new byte[n], bb = new byte[n];
        int[][] pal = new int[n][3];
        for (int i = 0; i < 12; i++) { int v = Math.round(i * 255f / 11); pal[i] = new int[]{v, v, v}; }
        double[] tints = {1.0, 0.72, 0.45, 0.22};
        for (int i = 0; i < 4; i++) {
            double t = tints[i];
            pal[12 + i] = new int[]{(int) (255 - t * 55), (int) (255 - t * 227), (int) (255 - t * 215)};
        }
        for (int i = 0; i < n; i++) { rr[i] = (byte) pal[i][0]; gg[i] = (byte) pal[i][1]; bb[i] = (byte) pal[i][2]; }
        IndexColorModel icm = new IndexColorModel(4, n, rr, gg, bb);
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_BINARY, icm);
        WritableRaster o = out.getRaster();
        for (int y = 0; y < rgb.getHeight(); y++) for (int x = 0; x < rgb.getWidth(); x++) {
            int p = rgb.getRGB(x, y), r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
            int best = 0; long bd = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                long d = sq(r - pal[i][0]) * 3L + sq(g - pal[i][1]) * 6L + sq(b - pal[i][2]);
                if (d < bd) { bd = d; best = i; }
            }
            o.setSample(x, y, 0, best);
        }
        return out;
    }

    static long sq(int v) { return (long) v * v; }

    // ------------------------------------------------------------------------------------------
    // Writers (with DPI metadata, so tesseract does not guess the resolution)
    // ------------------------------------------------------------------------------------------

    static IIOMetadataNode dpiTree(double dpi) {
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        IIOMetadataNode dim = new IIOMetadataNode("Dimension");
        IIOMetadataNode hps = new IIOMetadataNode("HorizontalPixelSize");
        hps.setAttribute("value", String.valueOf(25.4 / dpi));
        IIOMetadataNode vps = new IIOMetadataNode("VerticalPixelSize");
        vps.setAttribute("value", String.valueOf(25.4 / dpi));
        dim.appendChild(hps); dim.appendChild(vps); root.appendChild(dim);
        return root;
    }

    /**
     * The JDK PNG writer turns the standard HorizontalPixelSize into a wrong pHYs (treats mm/pixel as
     * pixels/mm) and the JPEG one writes a 1x1 JFIF density, so PNG and JPEG get native nodes; TIFF's standard
     * tree is correct.
     */
    static void setDpi(IIOMetadata md, String format, double dpi) throws IOException {
        switch (format) {
            case "png" -> {
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                String ppm = String.valueOf(Math.round(dpi / 0.0254));
                phys.setAttribute("pixelsPerUnitXAxis", ppm); phys.setAttribute("pixelsPerUnitYAxis", ppm);
                phys.setAttribute("unitSpecifier", "meter");
                root.appendChild(phys);
                md.mergeTree("javax_imageio_png_1.0", root);
            }
            case "jpeg" -> {
                IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_jpeg_image_1.0");
                IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", String.valueOf(Math.round(dpi)));
                jfif.setAttribute("Ydensity", String.valueOf(Math.round(dpi)));
                md.setFromTree("javax_imageio_jpeg_image_1.0", root);
            }
            default -> md.mergeTree("javax_imageio_1.0", dpiTree(dpi));
        }
    }

    static byte[] encode(List<BufferedImage> imgs, String format, double dpi, String compression, Float quality)
            throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ImageOutputStream os = ImageIO.createImageOutputStream(bos)) {
            w.setOutput(os);
            ImageWriteParam p = w.getDefaultWriteParam();
            if (compression != null || quality != null) {
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                if (compression != null) p.setCompressionType(compression);
                if (quality != null) p.setCompressionQuality(quality);
            }
            boolean seq = imgs.size() > 1;
            if (seq) w.prepareWriteSequence(null);
            for (BufferedImage img : imgs) {
                IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
                setDpi(md, format, dpi);
                if (seq) w.writeToSequence(new IIOImage(img, null, md), p);
                else w.write(null, new IIOImage(img, null, md), p);
            }
            if (seq) w.endWriteSequence();
        } finally { w.dispose(); }
        return bos.toByteArray();
    }

    /** Reads back page count and DPI of an image file (ImageIO only). */
    static String describe(File f) {
        try (ImageInputStream is = ImageIO.createImageInputStream(f)) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(is);
            if (!it.hasNext()) return "unreadable (no reader)";
            ImageReader r = it.next(); r.setInput(is);
            int n = r.getNumImages(true);
            BufferedImage first = r.read(0);
            return String.format(Locale.ROOT, "%s %dx%d pages=%d dpi=%s", r.getFormatName(), first.getWidth(),
                    first.getHeight(), n, dpiOf(r.getImageMetadata(0)));
        } catch (Exception e) {
            return "unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    static String dpiOf(IIOMetadata md) {
        try {
            IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_1.0");
            var l = root.getElementsByTagName("HorizontalPixelSize");
            if (l.getLength() == 0) return "?";
            double mmpp = Double.parseDouble(((IIOMetadataNode) l.item(0)).getAttribute("value"));
            return String.valueOf(Math.round(25.4 / mmpp));
        } catch (Exception e) { return "?"; }
    }

    // ------------------------------------------------------------------------------------------
    // Generation
    // ------------------------------------------------------------------------------------------

    static final List<Map<String, Object>> MANIFEST = new ArrayList<>();

    static void write(Path dir, String name, byte[] data, String letter, int dpi, int pages, String variant,
                      String expect) throws IOException {
        Files.write(dir.resolve(name), data);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", name); m.put("letter", letter); m.put("dpi", dpi); m.put("pages", pages);
        m.put("variant", variant); m.put("expect", expect);
        if (letter != null) { m.put("truth", letter + ".txt"); m.put("fields", letter + ".json"); }
        MANIFEST.add(m);
        System.out.printf(Locale.ROOT, "%-40s %9d bytes  %s%n", name, data.length, describe(dir.resolve(name).toFile()));
    }

    static void generate(Path dir) throws Exception {
        Files.createDirectories(dir);
        loadFonts();
        System.out.println("font: " + FONT_DESC);
        Letter l1 = LETTERS.get(0), l2 = LETTERS.get(1), l3 = LETTERS.get(2);
        for (Letter l : LETTERS) {
            Files.writeString(dir.resolve(l.id + ".txt"), l.body() + "\n", StandardCharsets.UTF_8);
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("addressee", l.addressee); j.put("senderName", l.senderName); j.put("phone", l.phone);
            j.put("phoneDigits", l.phone.replaceAll("\\D", "")); j.put("email", l.email); j.put("address", l.address);
            j.put("letterDate", l.isoDate()); j.put("place", l.place); j.put("dateLine", l.dateLine());
            j.put("title", l.title); j.put("subject", l.subject);
            Files.writeString(dir.resolve(l.id + ".json"), json(j, "") + "\n", StandardCharsets.UTF_8);
        }

        // 1. letter1, 300 dpi, clean grayscale PNG
        Rendered r1 = render(l1, 300, 13, 1.3);
        write(dir, "letter1_300dpi_clean.png", encode(r1.pages, "png", 300, null, null), "letter1", 300, 1,
                "clean 8-bit gray", "ok");

        // 2. letter1, 150 dpi grayscale JPEG (rendered at 150 dpi, mild sensor noise)
        Rendered r1b = render(l1, 150, 13, 1.3);
        BufferedImage p150 = r1b.pages.get(0);
        gaussianNoiseGray(p150, 3, new Random(150));
        write(dir, "letter1_150dpi.jpg", encode(List.of(p150), "jpeg", 150, null, 0.82f), "letter1", 150, 1,
                "gray JPEG q=0.82, noise sigma=3", "ok");

        // 3. letter2, 300 dpi, red seal over the signature, 1.5 degree skew, gaussian noise, 4-bit palette PNG
        Rendered r2 = render(l2, 300, 13, 1.3);
        BufferedImage rgb = toRgb(r2.pages.get(0));
        stamp(rgb, r2.sigCx, r2.sigCy, 300, l2.stampText);
        rgb = rotate(rgb, 1.5);
        gaussianNoiseRgb(rgb, 7, new Random(2));
        write(dir, "letter2_300dpi_noisy_skew_stamp.png", encode(List.of(quantize16(rgb)), "png", 300, null, null),
                "letter2", 300, 1, "red seal, skew 1.5deg, gaussian noise sigma=7, 16-colour palette", "ok");

        // 4. letter3, 300 dpi, 2-page bilevel TIFF (CCITT G4) with scanner dust
        Rendered r3 = render(l3, 300, 14, 1.5);
        if (r3.pages.size() != 2) throw new IllegalStateException("letter3 should span 2 pages, got " + r3.pages.size());
        Random dust = new Random(3);
        List<BufferedImage> bil = new ArrayList<>();
        for (BufferedImage p : r3.pages) bil.add(threshold(p, 150, 0.00005, dust));
        write(dir, "letter3_300dpi_2pages.tif", encode(bil, "tiff", 300, "CCITT T.6", null), "letter3", 300, 2,
                "bilevel, CCITT T.6, 2 pages", "ok");

        // 5. low quality: letter1 at 75 dpi, faded, blurred, heavy noise
        Rendered rl = render(l1, 75, 13, 1.3);
        BufferedImage lq = rl.pages.get(0);
        contrast(lq, 70, 215);
        lq = boxBlurGray(boxBlurGray(lq, 1), 1);
        gaussianNoiseGray(lq, 10, new Random(75));
        write(dir, "lowq_letter1_75dpi.png", encode(List.of(lq), "png", 75, null, null), "letter1", 75, 1,
                "75 dpi, faded 70..215, 3x3 box blur x2, gaussian noise sigma=10", "low-confidence");

        // 6. corrupt: a valid PNG signature/IHDR followed by a truncated IDAT stream
        byte[] full = encode(List.of(render(l2, 100, 13, 1.3).pages.get(0)), "png", 100, null, null);
        write(dir, "corrupt.png", Arrays.copyOf(full, Math.min(full.length, 6000)), null, 100, 1,
                "truncated PNG (first 6000 bytes)", "error");

        Files.writeString(dir.resolve("manifest.json"), json(MANIFEST, "") + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + dir.resolve("manifest.json"));
    }

    // ------------------------------------------------------------------------------------------
    // Minimal JSON (writer and the tiny reader needed for manifest.json / fields)
    // ------------------------------------------------------------------------------------------

    static String json(Object o, String ind) {
        if (o == null) return "null";
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        if (o instanceof String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\""); case '\\' -> b.append("\\\\"); case '\n' -> b.append("\\n");
                    default -> { if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c); }
                }
            }
            return b.append('"').toString();
        }
        String in = ind + "  ";
        if (o instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            for (var e : m.entrySet()) parts.add(in + json(e.getKey(), in) + ": " + json(e.getValue(), in));
            return "{\n" + String.join(",\n", parts) + "\n" + ind + "}";
        }
        if (o instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object e : l) parts.add(in + json(e, in));
            return "[\n" + String.join(",\n", parts) + "\n" + ind + "]";
        }
        throw new IllegalArgumentException(o.getClass().toString());
    }

    /** Flat "key": "string"|number pairs of each object in a JSON document (enough for our own files). */
    static List<Map<String, String>> flatObjects(String json) {
        List<Map<String, String>> out = new ArrayList<>();
        Matcher obj = Pattern.compile("\\{([^{}]*)\\}").matcher(json);
        Pattern kv = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+|null)");
        while (obj.find()) {
            Map<String, String> m = new LinkedHashMap<>();
            Matcher k = kv.matcher(obj.group(1));
            while (k.find()) m.put(k.group(1), k.group(3) != null ? k.group(3).replace("\\\"", "\"")
                    .replace("\\n", "\n").replace("\\\\", "\\") : k.group(2));
            out.add(m);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // OCR evaluation
    // ------------------------------------------------------------------------------------------

    static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").trim();
    }

    /** Edit distance of truth against the best-matching substring of ocr (free prefix/suffix in ocr). */
    static int semiGlobal(String truth, String ocr) {
        int[] t = truth.codePoints().toArray(), o = ocr.codePoints().toArray();
        int n = o.length;
        int[] prev = new int[n + 1], cur = new int[n + 1];
        for (int i = 1; i <= t.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= n; j++) {
                int c = t[i - 1] == o[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + c);
            }
            int[] sw = prev; prev = cur; cur = sw;
        }
        int best = Integer.MAX_VALUE;
        for (int v : prev) best = Math.min(best, v);
        return t.length == 0 ? 0 : best;
    }

    record OcrResult(String text, double meanConf, List<Double> pageConf, double seconds, int exit, String stderr) {}

    static OcrResult tesseract(File img, String psm, List<String> extra) throws Exception {
        Path tmp = Files.createTempDirectory("ocr");
        List<String> cmd = new ArrayList<>(List.of("tesseract", img.getPath(), tmp.resolve("out").toString(),
                "-l", "vie", "--psm", psm));
        cmd.addAll(extra);
        cmd.add("txt"); cmd.add("tsv");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        int exit = p.waitFor();
        double secs = (System.nanoTime() - t0) / 1e9;
        String text = "";
        List<Double> pages = new ArrayList<>();
        double sum = 0; int cnt = 0;
        Path txt = tmp.resolve("out.txt"), tsv = tmp.resolve("out.tsv");
        if (Files.exists(txt)) text = Files.readString(txt, StandardCharsets.UTF_8);
        if (Files.exists(tsv)) {
            Map<Integer, double[]> per = new LinkedHashMap<>();
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                String[] c = line.split("\t", -1);
                if (c.length < 12 || !c[0].equals("5")) continue;
                double conf = Double.parseDouble(c[10]);
                if (conf < 0 || c[11].isBlank()) continue; // tesseract emits a blank "word" with conf 95 on empty pages
                sum += conf; cnt++;
                per.computeIfAbsent(Integer.parseInt(c[1]), k -> new double[2]);
                per.get(Integer.parseInt(c[1]))[0] += conf; per.get(Integer.parseInt(c[1]))[1]++;
            }
            for (double[] v : per.values()) pages.add(v[0] / v[1]);
        }
        try (var s = Files.list(tmp)) { s.forEach(f -> f.toFile().delete()); }
        Files.deleteIfExists(tmp);
        return new OcrResult(text, cnt == 0 ? Double.NaN : sum / cnt, pages, secs, exit,
                new String(err, StandardCharsets.UTF_8).trim());
    }

    static String evaluateOne(File img, File truthFile, String psm, List<String> extra, String dpi) throws Exception {
        String truth = norm(Files.readString(truthFile.toPath(), StandardCharsets.UTF_8));
        OcrResult r;
        if (img.getName().endsWith(".txt")) r = new OcrResult(Files.readString(img.toPath(), StandardCharsets.UTF_8),
                Double.NaN, List.of(), 0, 0, "");
        else r = tesseract(img, psm, extra);
        String raw = r.text;
        boolean nfc = Normalizer.isNormalized(raw, Normalizer.Form.NFC);
        long combining = raw.codePoints().filter(c -> c >= 0x300 && c <= 0x36f).count();
        String ocr = norm(raw);
        int d = semiGlobal(truth, ocr);
        double acc = truth.isEmpty() ? 1 : 1 - (double) d / truth.codePointCount(0, truth.length());
        // expected fields present verbatim in the (whitespace-normalised) OCR text of the whole page
        StringBuilder fields = new StringBuilder();
        File fj = new File(truthFile.getParentFile(), truthFile.getName().replaceAll("\\.txt$", ".json"));
        if (fj.isFile()) {
            Map<String, String> m = flatObjects(Files.readString(fj.toPath(), StandardCharsets.UTF_8)).get(0);
            for (String k : List.of("addressee", "senderName", "phone", "email", "dateLine"))
                fields.append(ocr.contains(norm(m.get(k))) ? k.charAt(0) : '-');
        }
        StringBuilder pc = new StringBuilder();
        for (double v : r.pageConf) pc.append(pc.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.1f", v));
        return String.format(Locale.ROOT, "%-36s %4s %4s %7.2f%% %6.1f %-11s %6.2f  %-5s %s%s", img.getName(), dpi, psm,
                acc * 100, r.meanConf, pc, r.seconds, fields, nfc ? "NFC" : "NOT-NFC(" + combining + " combining)",
                r.exit != 0 ? "  exit=" + r.exit + " " + r.stderr.replace('\n', ' ') : "");
    }

    static final String HEADER = String.format(Locale.ROOT, "%-36s %4s %4s %8s %6s %-11s %6s  %-5s %s", "file", "dpi",
            "psm", "acc", "conf", "page-conf", "secs", "flds", "output");

    static void evaluate(Path dir, String psms, List<String> extra) throws Exception {
        System.out.println(HEADER + "   (flds: a=addressee s=senderName p=phone e=email d=dateLine found verbatim)");
        for (Map<String, String> m : flatObjects(Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8))) {
            File img = dir.resolve(m.get("file")).toFile();
            if (m.get("truth") == null) {
                OcrResult r = tesseract(img, "4", extra);
                System.out.printf(Locale.ROOT, "%-36s %4s %4s  exit=%d text=%d chars secs=%.2f stderr=%s%n", img.getName(),
                        m.get("dpi"), "4", r.exit, r.text.length(), r.seconds, r.stderr.replace('\n', ' '));
                continue;
            }
            for (String psm : psms.split(","))
                System.out.println(evaluateOne(img, dir.resolve(m.get("truth")).toFile(), psm, extra, m.get("dpi")));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Preprocessing experiments
    // ------------------------------------------------------------------------------------------

    static void preprocess(String op, File in, File out) throws Exception {
        ImageReader rd;
        BufferedImage src; String dpi;
        try (ImageInputStream is = ImageIO.createImageInputStream(in)) {
            rd = ImageIO.getImageReaders(is).next(); rd.setInput(is);
            src = rd.read(0); dpi = dpiOf(rd.getImageMetadata(0));
        }
        double d = dpi.equals("?") ? 300 : Double.parseDouble(dpi);
        BufferedImage res;
        switch (op) {
            case "red" -> {
                res = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < src.getHeight(); y++) for (int x = 0; x < src.getWidth(); x++)
                    res.getRaster().setSample(x, y, 0, (src.getRGB(x, y) >> 16) & 255);
            }
            case "bin" -> {
                BufferedImage g = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D gg = g.createGraphics(); gg.drawImage(src, 0, 0, null); gg.dispose();
                int[] hist = new int[256];
                for (int y = 0; y < g.getHeight(); y++) for (int x = 0; x < g.getWidth(); x++) hist[g.getRaster().getSample(x, y, 0)]++;
                res = threshold(g, otsu(hist, g.getWidth() * g.getHeight()), 0, null);
            }
            case "up2" -> {
                res = new BufferedImage(src.getWidth() * 2, src.getHeight() * 2, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = res.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.drawImage(src, 0, 0, res.getWidth(), res.getHeight(), null); g.dispose();
                d *= 2;
            }
            default -> throw new IllegalArgumentException("op: bin|red|up2");
        }
        Files.write(out.toPath(), encode(List.of(res), "png", d, null, null));
        System.out.println(out + ": " + describe(out));
    }

    static int otsu(int[] hist, int total) {
        double sum = 0; for (int i = 0; i < 256; i++) sum += i * (double) hist[i];
        double sumB = 0, best = -1; int wB = 0, t = 128;
        for (int i = 0; i < 256; i++) {
            wB += hist[i]; if (wB == 0) continue;
            int wF = total - wB; if (wF == 0) break;
            sumB += i * (double) hist[i];
            double mB = sumB / wB, mF = (sum - sumB) / wF, between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) { best = between; t = i + 1; }
        }
        return t;
    }

    // ------------------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if ("ệ".length() != 1 || "ệ".charAt(0) != '\u1EC7') {
            System.err.println("This source was decoded in the wrong charset; run: java -Dfile.encoding=UTF-8 ScanFixtures.java ...");
            System.exit(2);
        }
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8));
        if (args.length == 0) { System.err.println("usage: see header comment"); System.exit(2); }
        switch (args[0]) {
            case "--evaluate" -> {
                List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
                List<String> extra = new ArrayList<>();
                int dd = rest.indexOf("--");
                if (dd >= 0) { extra.addAll(rest.subList(dd + 1, rest.size())); rest = rest.subList(0, dd); }
                evaluate(Path.of(rest.get(0)), rest.size() > 1 ? rest.get(1) : "3,4,6", extra);
            }
            case "--accuracy" -> {
                List<String> extra = new ArrayList<>(Arrays.asList(args).subList(3, args.length));
                String psm = "4";
                int i = extra.indexOf("--psm");
                if (i >= 0) { psm = extra.get(i + 1); extra.remove(i + 1); extra.remove(i); }
                File img = new File(args[1]);
                String dpi = img.getName().endsWith(".txt") ? "-" : describe(img).replaceAll(".*dpi=", "");
                System.out.println(HEADER);
                System.out.println(evaluateOne(img, new File(args[2]), psm, extra, dpi));
            }
            case "--preprocess" -> preprocess(args[1], new File(args[2]), new File(args[3]));
            default -> generate(Path.of(args[0]));
        }
    }
}
