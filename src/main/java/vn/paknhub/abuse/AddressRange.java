package vn.paknhub.abuse;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address range as PostgreSQL's {@code cidr} writes it ({@code 203.0.113.0/24}, {@code 2001:db8::/32}),
 * matched against a client's address in memory. Only literal addresses are parsed: no name is ever looked up.
 */
record AddressRange(byte[] network, int prefix) {

    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("[0-9a-fA-F:.]+");

    static AddressRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] network = bytes(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("not an address range: " + cidr);
        }
        return new AddressRange(network, slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1)));
    }

    /** The address's bytes (4 or 16), or null when it is not a literal IP address. */
    static byte[] bytes(String address) {
        if (address == null || address.isBlank() || !LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (address[whole] & mask) == (network[whole] & mask);
    }
}
