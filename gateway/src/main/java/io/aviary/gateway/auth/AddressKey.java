package io.aviary.gateway.auth;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key the login throttle counts failures under. An IPv4 address is its own key; an IPv6 address
 * is keyed by its /64 prefix, because one host (or one customer line) usually owns a whole /64 and
 * could otherwise pick a fresh address for every guess; an IPv4-mapped IPv6 address
 * ({@code ::ffff:192.0.2.1}) is the IPv4 address it maps. Anything else (only possible from a trusted
 * proxy's X-Forwarded-For) is keyed by its text, capped in length so a key cannot grow memory.
 */
final class AddressKey {

    static final int MAX_OTHER_KEY_LENGTH = 64;

    /** Only literals are parsed, so {@link InetAddress#getByName} never turns into a DNS lookup. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private AddressKey() {
    }

    static String of(String address) {
        String literal = literalPart(address == null ? "" : address.strip());
        if (IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches()) {
            try {
                return keyOf(InetAddress.getByName(literal));
            } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
                // falls through: keyed by its text like any other non-address
            }
        }
        return literal.length() <= MAX_OTHER_KEY_LENGTH ? literal : literal.substring(0, MAX_OTHER_KEY_LENGTH);
    }

    private static String keyOf(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
            prefix.append(Integer.toHexString(value)).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** Drops the brackets of {@code [2001:db8::1]} and an IPv6 zone ({@code fe80::1%eth0}). */
    private static String literalPart(String address) {
        String unbracketed = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        int zone = unbracketed.indexOf('%');
        return zone >= 0 && unbracketed.contains(":") ? unbracketed.substring(0, zone) : unbracketed;
    }
}
