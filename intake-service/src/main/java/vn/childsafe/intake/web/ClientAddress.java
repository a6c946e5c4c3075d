package vn.childsafe.intake.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

import io.vertx.core.http.HttpServerRequest;

/**
 * The quota key of a request's client address: the IPv4 address, or the /64 prefix of an IPv6 address (one
 * subscriber's network, in which an attacker can pick any address). Behind a reverse proxy the address is the
 * one the proxy forwards when {@code quarkus.http.proxy.*} trusts it (docs/runbook.md). Never logged.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServerRequest request) {
        String host =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (host == null || !host.matches("[0-9A-Fa-f:.]{2,45}")) {
            return "unknown";
        }
        try {
            // Only literal addresses get here, so no DNS lookup happens.
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return host;
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
