package dev.bulwark.auth.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CIDR block of an IpAddress condition ({@code 203.0.113.0/24}, {@code 2001:db8::/32}), or one
 * address, which is a block of one. Host bits below the prefix are ignored, as AWS ignores them.
 *
 * <p>Texts are parsed without name resolution: only dotted-quad IPv4 and colon-hex IPv6 literals
 * are accepted, never a host name, so evaluating a policy cannot trigger a DNS lookup.
 */
final class IpRange {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    // Starts with a hex digit or a colon and holds a colon: InetAddress then parses it as a literal
    // and never resolves it (a leading '.' would send it to DNS).
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    static Optional<IpRange> parse(String cidr) {
        int slash = cidr.indexOf('/');
        Optional<byte[]> address = address(slash < 0 ? cidr : cidr.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        if (slash < 0) {
            return Optional.of(new IpRange(address.get(), bits));
        }
        String prefix = cidr.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
            return Optional.empty();
        }
        return Optional.of(new IpRange(address.get(), Integer.parseInt(prefix)));
    }

    boolean contains(String addressText) {
        Optional<byte[]> address = address(addressText);
        if (address.isEmpty() || address.get().length != network.length) {
            return false;
        }
        byte[] candidate = address.get();
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainingBits) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** The address's bytes (4 or 16), or empty when the text is not an IP literal. */
    static Optional<byte[]> address(String text) {
        var ipv4 = IPV4.matcher(text);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(ipv4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (!IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
