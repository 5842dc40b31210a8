package vn.paknhub.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VNI read from its bytes. The VNI forms below are the output of Unikey's converter (VNI-WIN) for each
 * letter, written as they read in windows-1252, and not derived from the hub's table.
 */
class VniTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    private static byte[] cp1252(String s) {
        return s.getBytes(WINDOWS_1252);
    }

    /** Each vowel family with no tone, then huyền, sắc, hỏi, ngã and nặng; capitals; đ and Đ. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a | a aø aù aû aõ aï | a à á ả ã ạ
            ă | aê aè aé aú aü aë | ă ằ ắ ẳ ẵ ặ
            â | aâ aà aá aå aã aä | â ầ ấ ẩ ẫ ậ
            e | e eø eù eû eõ eï | e è é ẻ ẽ ẹ
            ê | eâ eà eá eå eã eä | ê ề ế ể ễ ệ
            i | i ì í æ ó ò | i ì í ỉ ĩ ị
            o | o oø où oû oõ oï | o ò ó ỏ õ ọ
            ô | oâ oà oá oå oã oä | ô ồ ố ổ ỗ ộ
            ơ | ô ôø ôù ôû ôõ ôï | ơ ờ ớ ở ỡ ợ
            u | u uø uù uû uõ uï | u ù ú ủ ũ ụ
            ư | ö öø öù öû öõ öï | ư ừ ứ ử ữ ự
            y | y yø yù yû yõ î | y ỳ ý ỷ ỹ ỵ
            A | A AØ AÙ AÛ AÕ AÏ | A À Á Ả Ã Ạ
            Ă | AÊ AÈ AÉ AÚ AÜ AË | Ă Ằ Ắ Ẳ Ẵ Ặ
            Â | AÂ AÀ AÁ AÅ AÃ AÄ | Â Ầ Ấ Ẩ Ẫ Ậ
            E | E EØ EÙ EÛ EÕ EÏ | E È É Ẻ Ẽ Ẹ
            Ê | EÂ EÀ EÁ EÅ EÃ EÄ | Ê Ề Ế Ể Ễ Ệ
            I | I Ì Í Æ Ó Ò | I Ì Í Ỉ Ĩ Ị
            O | O OØ OÙ OÛ OÕ OÏ | O Ò Ó Ỏ Õ Ọ
            Ô | OÂ OÀ OÁ OÅ OÃ OÄ | Ô Ồ Ố Ổ Ỗ Ộ
            Ơ | Ô ÔØ ÔÙ ÔÛ ÔÕ ÔÏ | Ơ Ờ Ớ Ở Ỡ Ợ
            U | U UØ UÙ UÛ UÕ UÏ | U Ù Ú Ủ Ũ Ụ
            Ư | Ö ÖØ ÖÙ ÖÛ ÖÕ ÖÏ | Ư Ừ Ứ Ử Ữ Ự
            Y | Y YØ YÙ YÛ YÕ Î | Y Ỳ Ý Ỷ Ỹ Ỵ
            đ | ñ Ñ | đ Đ
            """)
    void every_letter_is_composed_from_its_base_letter_and_mark_byte(String family, String vni, String expected) {
        String decoded = Vni.decode(cp1252(vni));
        assertThat(decoded).isEqualTo(Normalizer.normalize(expected, Normalizer.Form.NFC));
        assertThat(Normalizer.isNormalized(decoded, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void words_and_bytes_outside_the_letters_read_as_windows_1252() {
        assertThat(Vni.decode(cp1252("Vieät Nam"))).isEqualTo("Việt Nam");
        assertThat(Vni.decode(cp1252("ÑÖÔØNG ÑOÀNG KHÔÛI – “ngaäp nöôùc” 5 €")))
                .isEqualTo("ĐƯỜNG ĐỒNG KHỞI – “ngập nước” 5 €");
        // a mark byte after a letter it does not fit, or a lower-case mark on a capital, is left as it reads
        assertThat(Vni.decode(cp1252("ié Où"))).isEqualTo("ié Où");
    }

    @Test
    void a_letter_in_vni_is_recognised() throws Exception {
        byte[] mail = Files.readAllBytes(Path.of("src/test/resources/mail/vni-unlabelled.eml"));
        assertThat(Vni.looksLike(mail)).isTrue();
        assertThat(Vni.looksLike(cp1252("Kính göûi: UÛy ban nhaân daân Thaønh phoá Hoà Chí Minh"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Très élégant : le café à côté de la gare, ouvert l'été — 5 € «à emporter» ou «sur place».",
            "Je ne sais pas où il est, ni d'où il vient ; le goût du café, un coût naïf, l'aéroport héroïque.",
            "Größere Änderungen für Müller: Übergabe am Dienstag, schöne Grüße aus Köln.",
            "¿Dónde está el baúl? Aún no sé; mañana iré al país vecino con mi niña, reúne a todos.",
            "Ik ben geïnteresseerd en wil het beïnvloeden, zei Raphaël in België over de ruïne.",
            "A saúde da população não é só uma questão de serviços, mas de gestão pública."})
    void western_text_in_windows_1252_is_not_taken_for_vni(String western) {
        assertThat(Vni.looksLike(cp1252(western))).as(western).isFalse();
    }

    /** TCVN3 writes uỷ as u + 0xFB, which in VNI is ủ: a VNI pair, among bytes VNI has no use for. */
    @Test
    void tcvn3_is_not_taken_for_vni() throws Exception {
        // TCVN3 bytes of "Uỷ ban nhân dân tỉnh đã huỷ quyết định của Uỷ ban xã về thuỷ lợi" (glibc's iconv,
        // TCVN5712-1), written as they read in ISO-8859-1
        String tcvn3 = "Uû ban nh©n d©n tØnh ®· huû quyÕt ®Þnh cña Uû ban x· vÒ thuû lîi";
        assertThat(Vni.looksLike(tcvn3.getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(Vni.looksLike(Files.readAllBytes(Path.of("src/test/resources/mail/tcvn3-unlabelled.eml"))))
                .isFalse();
    }

    /** windows-1258 writes the oă of hoặc as o + 0xE3, which in VNI is ỗ, among bytes VNI has no use for. */
    @Test
    void windows_1258_is_not_taken_for_vni() throws Exception {
        String text = "HOẶC sửa hoặc xoá, hoặc giữ nguyên: Sở Xây dựng quyết định trước thứ Năm.";
        assertThat(Vni.looksLike(windows1258(text))).isFalse();
        assertThat(Vni.looksLike(Files.readAllBytes(Path.of("src/test/resources/mail/windows-1258.eml")))).isFalse();
    }

    /** windows-1258 as Outlook writes it: letters with their shape marks (ă, ê, ơ), tones as combining marks. */
    private static byte[] windows1258(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            String tones = nfd.replaceAll("[^\\u0300\\u0301\\u0303\\u0309\\u0323]", "");
            String letter = Normalizer.normalize(nfd.replaceAll("[\\u0300\\u0301\\u0303\\u0309\\u0323]", ""),
                    Normalizer.Form.NFC);
            out.append(letter).append(tones);
        }
        byte[] bytes = out.toString().getBytes(WINDOWS_1258);
        assertThat(new String(bytes, WINDOWS_1258)).doesNotContain("?");
        return bytes;
    }
}
