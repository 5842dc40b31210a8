package vn.paknhub.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Phone numbers as people write them in mail signatures, and what is not a phone number. */
class ContactFinderPhoneTest {

    @Test
    void the_usual_ways_of_writing_a_vietnamese_number_are_found() {
        String[][] written = {
            {"ĐT: 0912 345 678", "0912345678"},
            {"Điện thoại: 0912.345.678", "0912345678"},
            {"Mobile: +84 912 345 678", "0912345678"},
            {"ĐT: (+84) 905 123 456", "0905123456"},
            {"Tel (+84) 905-123-456 | Fax", "0905123456"},
            {"SĐT (84) 905 123 456", "0905123456"},
            {"Phone: +84 (0) 905 123 456", "0905123456"},
            {"ĐT: 0084 905 123 456", "0905123456"},
            {"ĐT cơ quan: (0296) 3856 123", "02963856123"},
            {"Điện thoại: (024) 3825 1234", "02438251234"},
            {"Điện thoại: 0296 3856 123", "02963856123"}};
        for (String[] w : written) {
            assertThat(ContactFinder.phone(w[0])).as(w[0]).contains(w[1]);
        }
    }

    @Test
    void ids_dates_and_amounts_are_not_taken_for_phone_numbers() {
        for (String text : new String[] {"CCCD số 001085012345", "ngày 01/12/2026", "số tiền 150.000.000 đồng",
                "mã hồ sơ 000.00.12.H26-241124-0001", "mã số thuế 0101234567891"}) {
            assertThat(ContactFinder.phone(text)).as(text).isEmpty();
        }
    }

    @Test
    void a_signature_line_drops_a_parenthesised_number_from_the_address() {
        assertThat(ContactFinder.address("Trân trọng,\nLê Văn Hùng, 5 Trần Phú, phường Điện Biên, quận Ba Đình, Hà Nội,"
                + " (+84) 904 555 666")).contains("5 Trần Phú, phường Điện Biên, quận Ba Đình, Hà Nội");
    }
}
