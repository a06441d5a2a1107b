package io.intelligencecrm.webhooks.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses a webhook may be sent to. Unless the operator allows internal networks, a receiver
 * must be on the public internet: loopback, private (RFC 1918, IPv6 unique local), link-local (cloud
 * metadata lives there), carrier-grade NAT, multicast, broadcast and reserved ranges are refused, as are
 * IPv6 forms that embed such an IPv4 address. Checked when a URL is saved and again, on the resolved
 * addresses, for every connection.
 */
public record AddressPolicy(boolean allowInternal) {

    public boolean permits(InetAddress address) {
        return allowInternal || !internal(address);
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) return internalIpv4(bytes);
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) return true; // fc00::/7 unique local
            if (embedsIpv4(bytes)) return internalIpv4(Arrays.copyOfRange(bytes, 12, 16));
        }
        return false;
    }

    private static boolean internalIpv4(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        return a == 0 || a == 10 || a == 127 || a >= 224 // this network, private, loopback, multicast and reserved
                || (a == 100 && b >= 64 && b <= 127) // carrier-grade NAT
                || (a == 169 && b == 254) || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                || (a == 192 && b == 0 && (ip[2] & 0xff) == 0) // IETF protocol assignments
                || (a == 198 && (b == 18 || b == 19)); // benchmarking
    }

    /** ::a.b.c.d, ::ffff:a.b.c.d and the NAT64 prefix 64:ff9b::/96 all reach an IPv4 address. */
    private static boolean embedsIpv4(byte[] ip) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) zeroPrefix &= ip[i] == 0;
        boolean mapped = zeroPrefix && ((ip[10] == 0 && ip[11] == 0) || ((ip[10] & 0xff) == 0xff && (ip[11] & 0xff) == 0xff));
        boolean nat64 = (ip[0] & 0xff) == 0 && (ip[1] & 0xff) == 0x64 && (ip[2] & 0xff) == 0xff && (ip[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) nat64 = ip[i] == 0;
        return mapped || nat64;
    }

    /** The host's addresses, all of which the policy must permit (a name with one internal address is refused). */
    public List<InetAddress> resolve(String host) throws RefusedAddressException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw RefusedAddressException.unresolved(host);
        }
        for (InetAddress address : addresses) {
            if (!permits(address)) throw RefusedAddressException.internal(host, address.getHostAddress());
        }
        return List.of(addresses);
    }
}
