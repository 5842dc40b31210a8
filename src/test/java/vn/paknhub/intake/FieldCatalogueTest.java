package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.paknhub.intake.FieldCatalogue.Field;
import vn.paknhub.support.Samples;

class FieldCatalogueTest {

    private final FieldCatalogue standard = Samples.fields();

    @Test
    void standardCatalogueHasTheSixteenFieldsOfArticle6InOrder() {
        assertThat(standard.all()).extracting(Field::code)
                .containsExactly("a", "b", "c", "d", "dd", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q");
        assertThat(standard.all()).extracting(Field::letter).contains("đ").doesNotContain("dd");
    }

    @Test
    void fieldBIsAdministrativeProcedures() {
        assertThat(standard.find("b")).get().satisfies(field -> {
            assertThat(field.nameVi()).startsWith("Thủ tục hành chính");
            assertThat(field.nameEn()).startsWith("Administrative procedures");
        });
    }

    @Test
    void everyFieldHasNfcNamesInBothLanguages() {
        assertThat(standard.all()).allSatisfy(field -> {
            assertThat(field.nameVi()).isNotBlank();
            assertThat(field.nameEn()).isNotBlank();
            assertThat(Normalizer.isNormalized(field.nameVi(), Normalizer.Form.NFC)).isTrue();
        });
        assertThat(standard.find("n")).get().extracting(Field::nameVi).asString().contains("trí tuệ nhân tạo");
    }

    @Test
    void findMatchesCodesExactly() {
        assertThat(standard.find("dd")).get().extracting(Field::letter).isEqualTo("đ");
        assertThat(standard.find("đ")).isEmpty();
        assertThat(standard.find("B")).isEmpty();
        assertThat(standard.find("f")).isEmpty();
        assertThat(standard.find(null)).isEmpty();
    }

    @Test
    void allIsUnmodifiable() {
        assertThatThrownBy(() -> standard.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anotherListCanBeLoadedWithBomQuotedCommasAndEscapedQuotes() {
        FieldCatalogue custom = FieldCatalogue.load(csv("\uFEFFcode,letter,name_vi,name_en\r\n"
                + "a,a,\"Pháp luật, chính sách\",\"Law, \"\"policy\"\"\"\r\n"
                + "\r\n"
                + "r,r,Lĩnh vực bổ sung,Added field\r\n"));

        assertThat(custom.all()).containsExactly(
                new Field("a", "a", "Pháp luật, chính sách", "Law, \"policy\""),
                new Field("r", "r", "Lĩnh vực bổ sung", "Added field"));
    }

    @Test
    void decomposedNamesAreStoredComposed() {
        String nfd = Normalizer.normalize("Thủ tục hành chính", Normalizer.Form.NFD);
        FieldCatalogue custom = FieldCatalogue.load(csv("code,letter,name_vi,name_en\nb,b," + nfd + ",Procedures\n"));

        assertThat(custom.find("b")).get().extracting(Field::nameVi).isEqualTo("Thủ tục hành chính");
    }

    @Test
    void wrongHeaderIsRefused() {
        assertThatThrownBy(() -> FieldCatalogue.load(csv("code,name_vi,name_en\na,x,y\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }

    @Test
    void missingValueIsRefusedWithItsLine() {
        assertThatThrownBy(() -> FieldCatalogue.load(csv("code,letter,name_vi,name_en\na,a,x,y\nb,b,,y\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> FieldCatalogue.load(csv("code,letter,name_vi,name_en\na,a,x\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void repeatedCodeIsRefused() {
        assertThatThrownBy(() -> FieldCatalogue.load(csv("code,letter,name_vi,name_en\na,a,x,y\na,a,z,w\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats code a");
    }

    @Test
    void unclosedQuoteIsRefused() {
        assertThatThrownBy(() -> FieldCatalogue.load(csv("code,letter,name_vi,name_en\na,a,\"x,y\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed quote");
    }

    @Test
    void emptyCatalogueIsRefused() {
        assertThatThrownBy(() -> FieldCatalogue.load(csv("code,letter,name_vi,name_en\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> FieldCatalogue.load(csv("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
