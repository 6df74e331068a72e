package io.propertyimages.download;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address range in CIDR notation; a plain address is a range of one. */
final class AddressRange {
    /** Ranges that are internal though Java's InetAddress checks miss them: shared (CGNAT), IPv6 unique-local. */
    static final List<AddressRange> INTERNAL = List.of(parse("100.64.0.0/10"), parse("fc00::/7"), parse("0.0.0.0/8"));
    private static final Pattern ADDRESS = Pattern.compile("[0-9.]+(/\\d{1,2})?|[0-9a-f:.]*:[0-9a-f:.]*(/\\d{1,3})?");

    private final BigInteger network;
    private final BigInteger mask;
    private final int length;

    private AddressRange(byte[] address, int prefix) {
        this.length = address.length;
        int bits = address.length * 8;
        this.mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        this.network = new BigInteger(1, address).and(mask);
    }

    static boolean looksLikeAddress(String entry) {
        return ADDRESS.matcher(entry).matches();
    }

    static AddressRange parse(String cidr) {
        String[] parts = cidr.split("/", 2);
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            throw new IllegalArgumentException("not an address or CIDR range: " + cidr);
        }
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("prefix out of range in " + cidr);
        }
        return new AddressRange(address, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == length && new BigInteger(1, bytes).and(mask).equals(network);
    }
}
