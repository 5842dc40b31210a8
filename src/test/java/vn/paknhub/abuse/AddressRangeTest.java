package vn.paknhub.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void ranges_contain_their_addresses_and_no_others() {
        AddressRange range = AddressRange.parse("203.0.113.0/24");
        assertThat(range.contains(AddressRange.bytes("203.0.113.0"))).isTrue();
        assertThat(range.contains(AddressRange.bytes("203.0.113.255"))).isTrue();
        assertThat(range.contains(AddressRange.bytes("203.0.114.1"))).isFalse();
        AddressRange odd = AddressRange.parse("198.51.100.64/26");
        assertThat(odd.contains(AddressRange.bytes("198.51.100.127"))).isTrue();
        assertThat(odd.contains(AddressRange.bytes("198.51.100.128"))).isFalse();
        assertThat(odd.contains(AddressRange.bytes("198.51.100.63"))).isFalse();
        assertThat(AddressRange.parse("192.0.2.7/32").contains(AddressRange.bytes("192.0.2.7"))).isTrue();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(AddressRange.bytes("8.8.8.8"))).isTrue();
        AddressRange six = AddressRange.parse("2001:db8::/32");
        assertThat(six.contains(AddressRange.bytes("2001:db8:1::5"))).isTrue();
        assertThat(six.contains(AddressRange.bytes("2001:db9::5"))).isFalse();
        assertThat(six.contains(AddressRange.bytes("203.0.113.5"))).isFalse();
    }

    @Test
    void only_literal_addresses_are_read_never_names() {
        assertThat(AddressRange.bytes("example.vn")).isNull();
        assertThat(AddressRange.bytes("")).isNull();
        assertThat(AddressRange.bytes(null)).isNull();
        assertThatThrownBy(() -> AddressRange.parse("localhost/8")).isInstanceOf(IllegalArgumentException.class);
    }
}
