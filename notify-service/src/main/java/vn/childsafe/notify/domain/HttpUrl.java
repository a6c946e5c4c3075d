package vn.childsafe.notify.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A URL as notify's URL rules read it ({@link ContactPointRules#webhookUrlProblem}, {@link OutboundUrlPolicy}): the
 * parsed URI and its scheme in lower case, empty if it has none.
 */
record HttpUrl(URI uri, String scheme) {

    /** {@code url} parsed, or {@code null} if it is not a URI. */
    static HttpUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        return new HttpUrl(uri, uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT));
    }

    /** Whether it is an http or https URL with a host. */
    boolean isHttpWithHost() {
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }
}
