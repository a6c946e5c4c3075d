package vn.childsafe.routing.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The canonical form of a content URL for duplicate detection (docs/routing-rules.md, section 7): host in lower case without a leading
 * {@code m.} or {@code www.}, tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}) and the fragment
 * removed, the scheme dropped (http and https show the same content), a trailing slash ignored.
 */
public final class CanonicalUrl {

    private CanonicalUrl() {
    }

    /** The canonical form, or {@code null} for a blank value. */
    public static String of(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String text = url.strip();
        try {
            URI uri = new URI(text.contains("://") ? text : "https://" + text);
            String host = uri.getHost();
            if (host == null) {
                return fallback(text);
            }
            host = host.toLowerCase(Locale.ROOT);
            while (host.startsWith("www.") || host.startsWith("m.")) {
                host = host.substring(host.indexOf('.') + 1);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            List<String> kept = new ArrayList<>();
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (parameter.isEmpty() || name.startsWith("utm_") || name.equals("fbclid")
                            || name.equals("gclid")) {
                        continue;
                    }
                    kept.add(parameter);
                }
            }
            String port = uri.getPort() == -1 || uri.getPort() == 80 || uri.getPort() == 443 ? "" : ":" + uri.getPort();
            return host + port + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        } catch (URISyntaxException e) {
            return fallback(text);
        }
    }

    private static String fallback(String text) {
        int hash = text.indexOf('#');
        return (hash >= 0 ? text.substring(0, hash) : text).toLowerCase(Locale.ROOT);
    }
}
