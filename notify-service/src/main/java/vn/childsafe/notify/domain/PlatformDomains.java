package vn.childsafe.notify.domain;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which platform hosts a content URL (xác định nền tảng theo tên miền). Hosts and domains are compared in
 * canonical form: lower case, IDN in ASCII, a trailing dot and leading {@code www.} / {@code m.} removed. A host
 * matches a domain when it is that domain or a subdomain of it ({@code vt.tiktok.com} matches {@code tiktok.com});
 * the longest matching domain wins.
 */
public final class PlatformDomains {

    /** A domain as admins register it: labels of letters, digits and hyphens, at least one dot. */
    public static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    private PlatformDomains() {}

    /** Whether {@code domain} is a domain name an admin may register, once in canonical form. */
    public static boolean isValidDomain(String domain) {
        if (domain == null) {
            return false;
        }
        try {
            return DOMAIN.matcher(canonical(domain)).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The canonical host of a URL (a scheme-less {@code tiktok.com/@x} is read as https), or empty. */
    public static Optional<String> canonicalHost(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String candidate = url.trim();
        if (!candidate.contains("://")) {
            candidate = "https://" + candidate;
        }
        try {
            String host = new URI(candidate).getHost();
            return host == null ? Optional.empty() : Optional.of(canonical(host));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A host or domain in canonical form. */
    public static String canonical(String host) {
        String h = IDN.toASCII(host.trim(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : new String[] {"www.", "m."}) {
                if (h.startsWith(prefix) && h.indexOf('.', prefix.length()) > 0) {
                    h = h.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        return h;
    }

    /**
     * The code of the platform that hosts {@code url}, given each platform's canonical domains; empty if none.
     */
    public static Optional<String> match(String url, Map<String, ? extends Collection<String>> domainsByPlatform) {
        Optional<String> host = canonicalHost(url);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, ? extends Collection<String>> platform : domainsByPlatform.entrySet()) {
            for (String domain : platform.getValue()) {
                boolean matches = host.get().equals(domain) || host.get().endsWith("." + domain);
                if (matches && domain.length() > bestLength) {
                    best = platform.getKey();
                    bestLength = domain.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
