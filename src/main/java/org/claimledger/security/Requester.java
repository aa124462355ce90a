package org.claimledger.security;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Whom a limit counts: a caller with a token by its subject, wherever it comes from; an anonymous
 * one by its address (behind a proxy, the address the proxy forwards: see the README's "Limits").
 */
public record Requester(boolean authenticated, String name) {

    public static Requester of(Caller caller, HttpServerRequest http) {
        String subject = caller.name();
        if (!Caller.ANONYMOUS.equals(subject)) {
            return new Requester(true, subject);
        }
        SocketAddress remote = http == null ? null : http.remoteAddress();
        if (remote == null) {
            return new Requester(false, "unknown");
        }
        return new Requester(false, remote.hostAddress() != null ? address(remote.hostAddress()) : remote.host());
    }

    /**
     * The name an address is counted under: an IPv4 address as it is, an IPv6 address by its /64
     * network, which one household or host holds whole (counted one by one, it would never run out).
     */
    static String address(String literal) {
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        try {
            // a literal: parsed, never looked up
            InetAddress ip = InetAddress.getByName(literal);
            if (!(ip instanceof Inet6Address)) {
                return ip.getHostAddress();
            }
            byte[] network = Arrays.copyOf(ip.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return literal;
        }
    }
}
