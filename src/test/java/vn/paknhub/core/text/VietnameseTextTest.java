package vn.paknhub.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseTextTest {

    private static final String NFC_VIET = "Vi\u1EC7t Nam";

    @Nested
    class Normalize {

        @Test
        void nullStaysNull() {
            assertThat(VietnameseText.normalize(null)).isNull();
        }

        @Test
        void decomposedInputEqualsTheComposedLiteral() {
            String nfd = Normalizer.normalize("Cộng hoà xã hội chủ nghĩa Việt Nam", Normalizer.Form.NFD);
            assertThat(nfd).isNotEqualTo("Cộng hoà xã hội chủ nghĩa Việt Nam");

            assertThat(VietnameseText.normalize(nfd)).isEqualTo("Cộng hoà xã hội chủ nghĩa Việt Nam");
        }

        @Test
        void markOrderAndPartialDecompositionDoNotMatter() {
            // Canonical order puts dot below before circumflex; typing tools emit either order, and
            // windows-1258 decoding yields ê followed by a combining tone mark.
            assertThat(VietnameseText.normalize("Vie\u0323\u0302t Nam")).isEqualTo(NFC_VIET);
            assertThat(VietnameseText.normalize("Vie\u0302\u0323t Nam")).isEqualTo(NFC_VIET);
            assertThat(VietnameseText.normalize("Vi\u00EA\u0323t Nam")).isEqualTo(NFC_VIET);
        }

        @Test
        void ethFromWindows1252MisdecodingBecomesDStroke() {
            assertThat(VietnameseText.normalize("\u00D0iều 149 \u00F0ường")).isEqualTo("Điều 149 đường");
        }

        @Test
        void lineBreaksBecomeLineFeeds() {
            assertThat(VietnameseText.normalize("một\r\nhai\rba\nbốn")).isEqualTo("một\nhai\nba\nbốn");
        }

        @Test
        void controlCharactersAreRemovedButTabAndLineFeedKept() {
            assertThat(VietnameseText.normalize("a\u0000b\u0007c\u001Bd\u007Fe\u0085f\tg\nh")).isEqualTo("abcdef\tg\nh");
        }

        @Test
        void zeroWidthCharactersAreRemoved() {
            assertThat(VietnameseText.normalize("\uFEFFkhoa\u200B học\u200C công\u200D nghệ")).isEqualTo("khoa học công nghệ");
        }

        @Test
        void zeroWidthBetweenLetterAndToneMarkDoesNotBlockComposition() {
            assertThat(VietnameseText.normalize("Vie\u200B\u0302\u0323t Nam")).isEqualTo(NFC_VIET);
        }

        @Test
        void surroundingWhitespaceIsTrimmedInnerKept() {
            assertThat(VietnameseText.normalize(" \t\n  đổi  mới \n ")).isEqualTo("đổi  mới");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "", "   ", "Việt Nam", "Vie\u0323\u0302t\r\n\r\n", "\u00D0\u00F0", "\u200B \u0301a", "a\u200B\u0301",
                "x\r\u0000\u0301", " \u0301 ", "\uFEFF\uFEFF", "hoà hòa\tthuỷ", "e\u0301\u200D\u0323 \u0000\u0302"
        })
        void isIdempotent(String input) {
            String once = VietnameseText.normalize(input);
            assertThat(VietnameseText.normalize(once)).isEqualTo(once);
            assertThat(Normalizer.isNormalized(once, Normalizer.Form.NFC)).isTrue();
        }
    }

    @Nested
    class Fold {

        @Test
        void nullStaysNull() {
            assertThat(VietnameseText.fold(null)).isNull();
        }

        @Test
        void oldAndNewTonePlacementFoldEqual() {
            assertThat(VietnameseText.fold("Khánh Hoà")).isEqualTo(VietnameseText.fold("khánh hòa")).isEqualTo("khanh hoa");
            assertThat(VietnameseText.fold("thuỷ")).isEqualTo(VietnameseText.fold("thủy"));
        }

        @Test
        void dStrokeAndEthBecomeD() {
            assertThat(VietnameseText.fold("Đà Nẵng đẹp")).isEqualTo("da nang dep");
            assertThat(VietnameseText.fold("\u00D0iều")).isEqualTo("dieu");
        }

        @Test
        void allVietnameseVowelsLoseTheirMarks() {
            assertThat(VietnameseText.fold("ĂÂÊÔƠƯ ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ"))
                    .isEqualTo("aaeoou aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy");
        }

        @Test
        void whitespaceIsCollapsedAndTrimmed() {
            assertThat(VietnameseText.fold("  ĐỔI MỚI\u00A0 SÁNG\t\tTẠO\n")).isEqualTo("doi moi sang tao");
        }

        @Test
        void decomposedAndComposedFoldEqual() {
            String nfc = "Khiếu nại về việc thu hồi đất";
            assertThat(VietnameseText.fold(Normalizer.normalize(nfc, Normalizer.Form.NFD))).isEqualTo(VietnameseText.fold(nfc));
        }

        @Test
        void keepsPunctuationAndDigits() {
            assertThat(VietnameseText.fold("Quyết định số 12/QĐ-UBND.")).isEqualTo("quyet dinh so 12/qd-ubnd.");
        }

        @Test
        void trackedFoldLeadsBackToTheOriginalWords() {
            FoldedText folded = VietnameseText.foldTracked("  Nay tôi   XIN khiếu nại!");
            int at = folded.text().indexOf("xin khieu nai");

            assertThat(folded.text()).isEqualTo("nay toi xin khieu nai!");
            assertThat(folded.sourceSpan(at, at + "xin khieu nai".length())).isEqualTo("XIN khiếu nại");
        }

        @Test
        void codePointsThatDecomposeIntoSeveralLettersAreFoldedToo() {
            FoldedText folded = VietnameseText.foldTracked("한 Đà");

            assertThat(folded.text()).hasSize(6).endsWith(" da");
            assertThat(folded.sourceSpan(0, 3)).isEqualTo("한");
            assertThat(folded.sourceSpan(4, 6)).isEqualTo("Đà");
        }

        @Test
        void trackedFoldSpanKeepsTrailingCombiningMarks() {
            String nfd = Normalizer.normalize("tố cáo", Normalizer.Form.NFD);
            FoldedText folded = VietnameseText.foldTracked(nfd);

            assertThat(folded.text()).isEqualTo("to cao");
            assertThat(folded.sourceSpan(0, 6)).isEqualTo(nfd);
        }
    }

    @Nested
    class LooksVietnamese {

        @ParameterizedTest
        @ValueSource(strings = {
                "Đề xuất số hoá toàn bộ quy trình cấp phép cho doanh nghiệp khởi nghiệp sáng tạo.",
                "Kiến nghị sửa đổi quy định về quỹ phát triển khoa học và công nghệ của doanh nghiệp.",
                "Đề xuất xây dựng nền tảng AI và IoT dùng chung, ứng dụng blockchain để truy xuất nguồn gốc,"
                        + " công khai API cho doanh nghiệp.",
                "Đề xuất dùng Kubernetes, Docker và pipeline CI/CD cho cloud platform của Chính phủ.",
                "Thủ tục hành chính trong hoạt động KH, CN, ĐMST và CĐSQG còn nhiều vướng mắc.",
                "Xem chi tiết tại https://example.gov.vn/tai-lieu/de-an-so-hoa và gửi góp ý về gopy@example.gov.vn nhé.",
                "ĐỀ NGHỊ MIỄN PHÍ CHỮ KÝ SỐ CHO HỘ KINH DOANH CÁ THỂ",
                "Tỉnh Khánh Hoà cần hỗ trợ ngành thuỷ sản ứng dụng công nghệ số.",
                "1. Hiện nay phần mềm kế toán chưa kết nối được.\n2. Đề nghị Bộ Tài chính công bố chuẩn dữ liệu năm 2025.",
                "Tôi là người nước ngoài đang làm việc tại Việt Nam, muốn góp ý về thị thực cho chuyên gia công nghệ.",
                "\u00D0ề xuất đơn giản hoá thủ tục đăng ký sáng chế",
                "Đề xuất phủ sóng 5G cho khu công nghệ cao, mã tham chiếu 3f2a9c1e-7b4d-4e8f-a1b2-c3d4e5f6a7b8.",
                "Vie\u0323\u0302t Nam ca\u0302\u0300n ph\u00E1t tri\u00EA\u0309n d\u01B0\u0303 li\u00EA\u0323u mo\u031B\u0309",
        })
        void vietnameseWithDiacriticsIsRecognised(String text) {
            assertThat(VietnameseText.looksVietnamese(text)).isTrue();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
                "   ",
                "Please simplify the licensing procedure for technology start-ups in Vietnam.",
                "The Department of Science and Technology in Hà Nội and Đà Nẵng should publish open data about"
                        + " innovation programmes.",
                "I live in Hà Nội and work for a start-up in Đà Nẵng",
                "We propose an open API for the national data platform, xin cảm ơn.",
                "De xuat so hoa quy trinh cap phep cho doanh nghiep khoi nghiep sang tao.",
                "Ddeef xuaats soos hoas quy trinhf caaps pheps",
                "asdf qwer zxcv uiop hjkl bnm",
                "0901234567 0912345678 123456 2025 100% 3,14 đồng",
                "Mã 3f2a9c1e-7b4d-4e8f-a1b2-c3d4e5f6a7b8 5G 4G H2O số",
                "xem tại https://example.com/abc https://foo.vn/x?y=z www.bar.vn/y a@b.vn",
                "Je voudrais proposer une amélioration du système de sécurité des données à l'hôpital.",
                "A digitalização dos serviços públicos é uma prioridade para o governo.",
                "Việt Nam ơi",
                "建议简化科技企业的审批程序",
        })
        void otherTextIsNot(String text) {
            assertThat(VietnameseText.looksVietnamese(text)).isFalse();
        }
    }
}
