package vn.paknhub.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Labels, flags and legal bases of the enums, transcribed from the specification. */
class CaseVocabularyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SUBMITTED                  | Đã gửi, chờ phân loại
            SUPPLEMENT_REQUESTED       | Yêu cầu bổ sung
            SUSPENDED                  | Tạm dừng xử lý, lưu trữ theo dõi
            REJECTED                   | Không tiếp nhận
            FORWARDED                  | Đã chuyển cơ quan có thẩm quyền
            RETURNED_TO_CENTRAL_OFFICE | Trả lại Văn phòng Trung ương Đảng
            ACCEPTED                   | Đã tiếp nhận xử lý
            IN_PROGRESS                | Đang xử lý
            COORDINATION               | Đang phối hợp xử lý
            OVERDUE                    | Quá hạn xử lý
            ESCALATED                  | Đã báo cáo Ban Chỉ đạo
            RESULT_POSTED              | Đã có kết quả xử lý
            RETURNED_FOR_REWORK        | Trả lại để xử lý lại
            PUBLISHED                  | Đã công khai
            RESULT_APPROVED            | Đã duyệt kết quả, không công khai
            FAST_CLOSED                | Kết thúc xử lý nhanh
            WITHDRAWAL_REQUESTED       | Đề nghị rút
            WITHDRAWN                  | Đã rút
            VERIFICATION_HOLD          | Tạm giữ để xác minh
            APPEALED                   | Đã gửi phúc đáp
            APPEAL_ANSWERED            | Đã trả lời phúc đáp
            CLOSED                     | Đã kết thúc
            """)
    void stateLabelsAreTheRegulationsWording(CaseState state, String labelVi) {
        assertThat(state.labelVi()).isEqualTo(Normalizer.normalize(labelVi, Normalizer.Form.NFC));
    }

    @Test
    void everyStateIsLabelled() {
        assertThat(CaseState.values()).hasSize(22);
    }

    @Test
    void onlyRejectedWithdrawnAndClosedAreTerminal() {
        assertThat(EnumSet.allOf(CaseState.class).stream().filter(CaseState::terminal))
                .containsExactlyInAnyOrder(CaseState.REJECTED, CaseState.WITHDRAWN, CaseState.CLOSED);
    }

    @Test
    void beforeAcceptanceStates() {
        assertThat(EnumSet.allOf(CaseState.class).stream().filter(CaseState::beforeAcceptance))
                .containsExactlyInAnyOrder(CaseState.SUBMITTED, CaseState.FORWARDED,
                        CaseState.RETURNED_TO_CENTRAL_OFFICE, CaseState.SUPPLEMENT_REQUESTED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FORWARD                  | false | Đ10, Đ11.2c
            ACCEPT                   | false | Đ11.2d
            REJECT                   | true  | Đ11.2a
            REQUEST_SUPPLEMENT       | true  | Đ11.2b
            ADD_SUPPLEMENT           | false | Đ11.2b
            SUSPEND                  | false | Đ11.2b
            RETURN_TO_CENTRAL_OFFICE | true  | Đ11.2c/Đ11.2e
            FAST_CLOSE               | true  | Đ11.3
            REQUEST_WITHDRAWAL       | true  | Đ11.4
            CONFIRM_WITHDRAWAL       | false | Đ11.4c
            REFUSE_WITHDRAWAL        | true  | Đ11.4d
            START_PROCESSING         | false | Đ12.2
            REQUEST_COORDINATION     | true  | Đ11.2đ/Đ12
            END_COORDINATION         | false | Đ12
            PROGRESS_UPDATE          | true  | Đ13.2
            MARK_OVERDUE             | false | Đ13.2
            ESCALATE                 | false | Đ13.2
            POST_RESULT              | true  | Đ13.3
            RETURN_FOR_REWORK        | true  | Đ12.4c
            PUBLISH                  | false | Đ12.4b
            APPROVE_RESULT           | false | Đ12.4c
            RATE                     | false | Đ14.1
            APPEAL                   | true  | Đ14.1
            ANSWER_APPEAL            | true  | Đ14.1
            CLOSE                    | false |
            PLACE_ON_HOLD            | true  | Đ20b
            RELEASE_HOLD             | false | Đ20b
            """)
    void actionReasonsAndLegalBases(CaseAction action, boolean reasonRequired, String legalBasis) {
        assertThat(action.reasonRequired()).isEqualTo(reasonRequired);
        assertThat(action.legalBasis()).isEqualTo(legalBasis == null ? "" : legalBasis);
    }

    @Test
    void everyActionIsListed() {
        assertThat(CaseAction.values()).hasSize(27);
    }

    @Test
    void labelsAreNonBlankNfcAndUniqueWithinTheirEnum() {
        checkLabels(CaseState.values(), CaseState::labelVi, CaseState::labelEn);
        checkLabels(CaseAction.values(), CaseAction::labelVi, CaseAction::labelEn);
        checkLabels(ActorRole.values(), ActorRole::labelVi, ActorRole::labelEn);
    }

    @Test
    void actorRolesAreTheFourOfTheSpecification() {
        assertThat(ActorRole.values()).extracting(Enum::name)
                .containsExactly("SUBMITTER", "AGENCY", "CENTRAL_OFFICE", "SYSTEM");
        assertThat(ActorRole.CENTRAL_OFFICE.labelVi()).isEqualTo("Văn phòng Trung ương Đảng");
    }

    private static <E extends Enum<E>> void checkLabels(E[] values, Function<E, String> vi, Function<E, String> en) {
        Set<String> seenVi = new HashSet<>();
        Set<String> seenEn = new HashSet<>();
        Stream.of(values).forEach(value -> {
            for (String label : new String[] {vi.apply(value), en.apply(value)}) {
                assertThat(label).as("%s", value).isNotBlank().isEqualTo(label.strip());
                assertThat(Normalizer.isNormalized(label, Normalizer.Form.NFC)).as("%s NFC", value).isTrue();
            }
            assertThat(en.apply(value)).as("%s English label is ASCII", value).matches("\\p{ASCII}+");
            assertThat(seenVi.add(vi.apply(value))).as("duplicate Vietnamese label %s", vi.apply(value)).isTrue();
            assertThat(seenEn.add(en.apply(value))).as("duplicate English label %s", en.apply(value)).isTrue();
        });
    }
}
