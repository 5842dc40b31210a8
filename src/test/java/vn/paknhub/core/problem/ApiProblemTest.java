package vn.paknhub.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ApiProblemTest {

    private static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "PARKED");

    @Test
    void a_word_of_the_list_is_taken_in_any_case() {
        assertThat(ApiProblem.oneOf("status", " parked ", STATUSES)).isEqualTo("PARKED");
    }

    @Test
    void any_other_word_is_refused_naming_the_field_and_the_words_it_takes() {
        assertThatThrownBy(() -> ApiProblem.oneOf("status", "DONE", STATUSES)).isInstanceOfSatisfying(ApiProblem.class,
                p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    FieldError e = p.errors().get(0);
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.rule()).isEqualTo("one-of");
                    assertThat(e.message()).contains("PENDING, DELIVERED, PARKED");
                    assertThat(e.messageEn()).contains("must be one of");
                });
    }
}
