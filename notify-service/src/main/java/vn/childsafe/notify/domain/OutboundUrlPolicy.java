package vn.childsafe.notify.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where notify may send signed requests (chống SSRF): unit webhooks and platform takedown endpoints.
 * <ul>
 * <li>{@code https} only; plain {@code http} only when {@code allowHttpLoopback} is set (dev, test, the local
 * stack) and then only to loopback addresses;</li>
 * <li>no private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), shared (100.64/10), link-local
 * (169.254/16 – the cloud metadata service –, fe80::/10), loopback (unless {@code allowHttpLoopback}),
 * unspecified (0.0.0.0/8, ::), multicast, benchmarking (198.18/15), documentation or Teredo address, and no
 * NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address that carries such an IPv4 address, unless the host is in
 * {@code allowedHosts};</li>
 * <li>a host name is resolved and <em>every</em> address it resolves to must pass, at registration and again
 * right before each send (a name that resolved to a public address when it was registered and to a private one
 * now – DNS rebinding – is refused). The JVM caches a successful lookup for 30 s, so the HTTP client connects to
 * the address that was just checked.</li>
 * </ul>
 */
public final class OutboundUrlPolicy {

    /** Resolves a host name to all its addresses ({@link InetAddress#getAllByName} in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern IPV4_LITERAL = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$");

    private final boolean allowHttpLoopback;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public OutboundUrlPolicy(boolean allowHttpLoopback, Collection<String> allowedHosts, Resolver resolver) {
        this.allowHttpLoopback = allowHttpLoopback;
        this.allowedHosts = allowedHosts.stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /**
     * Why {@code url} may not be registered, or {@code null}. A host name that does not resolve (yet) is accepted
     * over https: it is checked again before every send.
     */
    public String registrationProblem(String url) {
        return problem(url, false);
    }

    /**
     * Whether something may be sent to {@code url} now, and to which address: the host is resolved (blocking) and
     * every address checked; the sender then connects to {@link Verdict#address()} and never resolves again, so a
     * name that changes its answer between the check and the connection (DNS rebinding) cannot redirect the request.
     */
    public Verdict vet(String url) {
        List<InetAddress> addresses = new ArrayList<>(1);
        String problem = problem(url, true, addresses);
        return problem != null ? Verdict.refused(problem) : new Verdict(null, addresses.get(0));
    }

    /**
     * The outcome of {@link #vet}.
     *
     * @param problem why nothing may be sent, or {@code null}
     * @param address the checked address to connect to when {@code problem} is {@code null}
     */
    public record Verdict(String problem, InetAddress address) {

        /** A refusal. */
        public static Verdict refused(String problem) {
            return new Verdict(problem, null);
        }
    }

    private String problem(String url, boolean mustResolve) {
        return problem(url, mustResolve, new ArrayList<>(1));
    }

    private String problem(String url, boolean mustResolve, List<InetAddress> vetted) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return "is not a valid URL";
        }
        if (!parsed.isHttpWithHost()) {
            return "must be an absolute https URL with a host";
        }
        String scheme = parsed.scheme();
        String host = parsed.uri().getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        boolean allowListed = allowedHosts.contains(host);
        List<InetAddress> addresses;
        try {
            addresses =
                    List.of(isLiteral(host) ? new InetAddress[] {InetAddress.getByName(host)} : resolver.resolve(host));
        } catch (UnknownHostException e) {
            if (mustResolve) {
                return "its host does not resolve";
            }
            return scheme.equals("https")
                    ? null
                    : "must use https (http is only allowed to loopback addresses in development and tests)";
        }
        if (addresses.isEmpty()) {
            return "its host does not resolve";
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            allLoopback &= loopback;
            if (loopback) {
                if (!allowHttpLoopback && !allowListed) {
                    return "resolves to a loopback address (" + address.getHostAddress() + "), which is refused";
                }
            } else if (!isPublic(address) && !allowListed) {
                return "resolves to a private, link-local, unspecified or multicast address ("
                        + address.getHostAddress() + "), which is refused unless the host is allow-listed "
                        + "(childsafe.delivery.allowed-hosts)";
            }
        }
        if (scheme.equals("http") && !(allowHttpLoopback && allLoopback)) {
            return "must use https (http is only allowed to loopback addresses in development and tests)";
        }
        vetted.add(addresses.get(0));
        return null;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || IPV4_LITERAL.matcher(host).matches();
    }

    private static boolean isPublicV4(byte a, byte b, byte c, byte d) {
        try {
            return isPublic(InetAddress.getByAddress(new byte[] {a, b, c, d}));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether an address is a public unicast address (not loopback, private, link-local, unspecified ...). */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            int third = b[2] & 0xff;
            return first != 0 // 0.0.0.0/8 "this network"
                    && !(first == 100 && second >= 64 && second < 128) // 100.64/10 shared (carrier-grade NAT)
                    && !(first == 198 && (second == 18 || second == 19)) // 198.18/15 benchmarking
                    && !(first == 192 && second == 0 && (third == 0 || third == 2)) // IETF protocol, documentation
                    && !(first == 198 && second == 51 && third == 100) // documentation
                    && !(first == 203 && second == 0 && third == 113) // documentation
                    && first < 240; // 240/4 reserved, 255.255.255.255 broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            if (b[0] == 0x20 && b[1] == 0x01 && ((b[2] == 0 && b[3] == 0) || (b[2] == 0x0d && b[3] == (byte) 0xb8))) {
                return false; // 2001::/32 Teredo (hides the IPv4 it reaches), 2001:db8::/32 documentation
            }
            if (b[0] == 0x20 && b[1] == 0x02) { // 2002::/16 6to4: judged by the IPv4 address it carries
                return isPublicV4(b[2], b[3], b[4], b[5]);
            }
            if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
                // 64:ff9b::/96 NAT64 is judged by the IPv4 address it carries; 64:ff9b:1::/48 is local use.
                boolean wellKnown = true;
                for (int i = 4; i < 12; i++) {
                    wellKnown &= b[i] == 0;
                }
                return wellKnown && isPublicV4(b[12], b[13], b[14], b[15]);
            }
            // IPv4-compatible / NAT64 forms of a private IPv4 address are judged by that address.
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                    return isPublic(v4);
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
