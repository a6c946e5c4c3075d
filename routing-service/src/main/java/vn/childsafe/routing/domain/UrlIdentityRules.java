package vn.childsafe.routing.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Per-platform rules that give every share link of one video or post the same canonical form (đường dẫn chuẩn), so
 * that duplicate reports find the open case (docs/routing-rules.md, section 7). Platforms add share noise
 * ({@code si}, {@code igsh}, {@code mibextid}, ...) and host aliases ({@code youtu.be}); the rules are data that
 * admins edit, so they use simple path templates, never regular expressions.
 *
 * <p>A URL whose host is no platform's host (or a subdomain of one, after a leading {@code www.}, {@code m.},
 * {@code mobile.}, {@code web.} or {@code mbasic.} is dropped) gets the generic form: host in lower case without a
 * leading {@code www.} / {@code m.}, {@code utm_*}, {@code fbclid}, {@code gclid}, the fragment, the scheme and a
 * trailing slash removed. When several platforms' hosts match, the longest host wins.
 */
public record UrlIdentityRules(List<PlatformRule> platforms) {

    /** The rule id of the generic form. */
    public static final String GENERIC = "generic";

    private static final List<String> DROPPED_PREFIXES = List.of("www.", "m.", "mobile.", "web.", "mbasic.");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9-]{1,63}");
    private static final int MAX_PLATFORMS = 50;
    private static final int MAX_ITEMS = 30;
    private static final int MAX_LENGTH = 200;

    public UrlIdentityRules {
        platforms = copy(platforms);
    }

    /**
     * One platform and how it names its content. On the paths its templates know, parameters are kept by
     * allow-list ({@code keepParams}): platforms keep inventing share noise, while the parameters that name a video
     * or post rarely change. On any other path, only the known noise ({@code dropParams}, and the generic
     * {@code utm_*}, {@code fbclid}, {@code gclid}) is dropped: a parameter nobody listed may name the content, and
     * dropping it could merge two different pieces of content into one case, whose second report alerts nobody.
     *
     * @param id            the {@code ruleId} of its canonical forms
     * @param hosts         its hosts; a URL's host matches when it is one of them or a subdomain of one
     * @param canonicalHost the host of the canonical form
     * @param keepParams    the query parameters that identify content on the paths of {@code paths}
     * @param dropParams    the query parameters known to be share noise on this platform's other paths
     * @param paths         tried in order; the first that matches gives the canonical path
     */
    public record PlatformRule(
            String id,
            List<String> hosts,
            String canonicalHost,
            List<String> keepParams,
            List<String> dropParams,
            List<PathRule> paths) {

        public PlatformRule {
            hosts = copy(hosts);
            keepParams = copy(keepParams);
            dropParams = copy(dropParams);
            paths = copy(paths);
        }
    }

    /**
     * A path template and its canonical form; templates, not regular expressions, so that no rule an admin writes
     * can make matching slow. {@code match} is matched against the whole path (trailing slashes
     * ignored), segment by segment: a literal (any case), {@code *} (one non-empty segment), one {@code {name}} with
     * an optional literal prefix and suffix (captures a non-empty value verbatim), or {@code **} as the last
     * segment (any rest). It may end with {@code ?name={value}&...}: these query parameters must be present and
     * match like segments. {@code canonical} is the canonical path, placeholders substituted; without a {@code ?}
     * the platform's {@code keepParams} present in the URL are appended, sorted by name, with one it is used as is.
     *
     * @param hosts only for these hosts of the platform; empty for all of them
     */
    public record PathRule(List<String> hosts, String match, String canonical) {

        public PathRule {
            hosts = copy(hosts);
        }
    }

    /** A canonical form and the id of the platform that gave it, or {@link #GENERIC}: which rule made a match. */
    public record Canonical(String form, String ruleId) {}

    /** Only the generic form. */
    public static UrlIdentityRules genericOnly() {
        return new UrlIdentityRules(List.of());
    }

    /** The canonical form of {@code url}, or {@code null} for a blank value. */
    public Canonical canonicalize(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String text = url.strip();
        try {
            URI uri = new URI(text.contains("://") ? text : "https://" + text);
            int port = uri.getPort();
            if (uri.getHost() != null && (port == -1 || port == 80 || port == 443)) {
                String host = host(uri.getHost());
                PlatformRule platform = platformOf(host);
                if (platform != null) {
                    return new Canonical(form(platform, host, uri), platform.id());
                }
            }
        } catch (URISyntaxException e) {
            // the generic form has its own fallback for text that is no URI
        }
        return new Canonical(generic(text), GENERIC);
    }

    /**
     * What is wrong with these rules, each prefixed with where it is ({@code /platforms/2/paths/0/match: ...});
     * empty if nothing is. Admins see these before a rule set is saved.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        limit(out, "/platforms", platforms, MAX_PLATFORMS);
        Map<String, String> ids = new HashMap<>();
        Map<String, String> hosts = new HashMap<>();
        for (int i = 0; i < platforms.size(); i++) {
            String at = "/platforms/" + i;
            PlatformRule p = platforms.get(i);
            if (p == null) {
                out.add(at + ": must be an object");
                continue;
            }
            if (p.id() == null || !ID.matcher(p.id()).matches()) {
                out.add(at + "/id: required, 1 to 40 of a-z, 0-9 and -");
            } else if (p.id().equals(GENERIC) || ids.putIfAbsent(p.id(), at) != null) {
                out.add(at + "/id: " + p.id() + " is already used"
                        + (p.id().equals(GENERIC) ? " for URLs of no platform" : " by " + ids.get(p.id())));
            }
            if (p.hosts().isEmpty()) {
                out.add(at + "/hosts: at least one host");
            }
            limit(out, at + "/hosts", p.hosts(), MAX_ITEMS);
            for (int j = 0; j < p.hosts().size(); j++) {
                String h = p.hosts().get(j);
                if (checkHost(out, at + "/hosts/" + j, h, true) && hosts.putIfAbsent(h, at + "/hosts/" + j) != null) {
                    out.add(at + "/hosts/" + j + ": " + h + " is already listed at " + hosts.get(h));
                }
            }
            checkHost(out, at + "/canonicalHost", p.canonicalHost(), false);
            checkParams(out, at + "/keepParams", p.keepParams());
            checkParams(out, at + "/dropParams", p.dropParams());
            limit(out, at + "/paths", p.paths(), MAX_ITEMS);
            for (int k = 0; k < p.paths().size(); k++) {
                checkPath(out, at + "/paths/" + k, p.paths().get(k), p.hosts());
            }
        }
        return out;
    }

    private static void checkParams(List<String> out, String at, List<String> names) {
        limit(out, at, names, MAX_ITEMS);
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name == null || name.isBlank() || name.length() > MAX_LENGTH || name.matches(".*[&=].*")) {
                out.add(at + "/" + j + ": not a parameter name of at most " + MAX_LENGTH + " chars");
            }
        }
    }

    private static void checkPath(List<String> out, String at, PathRule rule, List<String> platformHosts) {
        if (rule == null) {
            out.add(at + ": must be an object");
            return;
        }
        for (int j = 0; j < rule.hosts().size(); j++) {
            String h = rule.hosts().get(j);
            if (checkHost(out, at + "/hosts/" + j, h, true)
                    && platformHosts.stream().noneMatch(d -> covers(d, h))) {
                out.add(at + "/hosts/" + j + ": " + h + " is not among the platform's hosts");
            }
        }
        Set<String> captured = new HashSet<>();
        boolean matchValid = checkTemplate(out, at + "/match", rule.match());
        if (matchValid) {
            int q = rule.match().indexOf('?');
            List<String> segments = segments(q < 0 ? rule.match() : rule.match().substring(0, q));
            for (int s = 0; s < segments.size(); s++) {
                String segment = segments.get(s);
                boolean last = s == segments.size() - 1;
                String problem = last && segment.equals("**") ? null : segmentProblem(segment, captured);
                if (problem != null) {
                    out.add(at + "/match: segment \"" + segment + "\" " + problem);
                }
            }
            for (String item :
                    q < 0 ? new String[0] : rule.match().substring(q + 1).split("&", -1)) {
                int eq = item.indexOf('=');
                String problem = eq <= 0 ? "is not name=value" : segmentProblem(item.substring(eq + 1), captured);
                if (problem != null) {
                    out.add(at + "/match: query part \"" + item + "\" " + problem);
                }
            }
        }
        if (checkTemplate(out, at + "/canonical", rule.canonical()) && matchValid) {
            for (int open = rule.canonical().indexOf('{');
                    open >= 0;
                    open = rule.canonical().indexOf('{', open + 1)) {
                int close = rule.canonical().indexOf('}', open);
                String name = close < 0 ? null : rule.canonical().substring(open + 1, close);
                if (name == null || !captured.contains(name)) {
                    out.add(at + "/canonical: "
                            + (name == null ? "{ without }" : "{" + name + "} is not captured by match"));
                }
            }
        }
    }

    /** Why a segment (or query value) of a match is wrong, or {@code null}; adds its placeholder to captured. */
    private static String segmentProblem(String segment, Set<String> captured) {
        int open = segment.indexOf('{');
        int close = segment.indexOf('}');
        String name = close > open && open >= 0 ? segment.substring(open + 1, close) : "";
        if (segment.isEmpty()) {
            return "is empty";
        } else if (segment.equals("**")) {
            return "is ** but not the last segment";
        } else if (segment.contains("*") && !segment.equals("*")) {
            return "mixes * with text";
        } else if (open != segment.lastIndexOf('{') || close != segment.lastIndexOf('}')) {
            return "has more than one placeholder";
        } else if ((open >= 0 || close >= 0) && !NAME.matcher(name).matches()) {
            return "has a placeholder that is not {name}, the name of letters, digits and _";
        } else if (open >= 0 && !captured.add(name)) {
            return "captures {" + name + "} twice";
        }
        return null;
    }

    private static boolean checkTemplate(List<String> out, String at, String template) {
        String problem = template == null || template.isBlank()
                ? "required"
                : template.length() > MAX_LENGTH
                        ? "at most " + MAX_LENGTH + " characters"
                        : !template.startsWith("/") ? "must start with /" : null;
        if (problem != null) {
            out.add(at + ": " + problem);
        }
        return problem == null;
    }

    /** Whether {@code host} is a lower-case host name (of a URL to match, so without a prefix that is dropped). */
    private static boolean checkHost(List<String> out, String at, String host, boolean matched) {
        String[] labels = host == null ? new String[0] : host.split("\\.", -1);
        boolean valid = labels.length >= 2
                && host.length() <= MAX_LENGTH
                && Arrays.stream(labels)
                        .allMatch(l -> LABEL.matcher(l).matches() && !l.startsWith("-") && !l.endsWith("-"));
        if (!valid) {
            out.add(at + ": " + (host == null ? "required" : host + " is not a lower-case host name"));
        } else if (matched && !host(host).equals(host)) {
            out.add(at + ": " + host + " never matches, as a leading " + String.join(", ", DROPPED_PREFIXES)
                    + " is dropped: write " + host(host));
            return false;
        }
        return valid;
    }

    private static void limit(List<String> out, String at, List<?> items, int max) {
        if (items.size() > max) {
            out.add(at + ": at most " + max);
        }
    }

    private PlatformRule platformOf(String host) {
        PlatformRule best = null;
        int bestLength = -1;
        for (PlatformRule platform : platforms) {
            if (platform == null || platform.id() == null || platform.canonicalHost() == null) {
                continue;
            }
            for (String domain : platform.hosts()) {
                if (covers(domain, host) && domain.length() > bestLength) {
                    best = platform;
                    bestLength = domain.length();
                }
            }
        }
        return best;
    }

    private static String form(PlatformRule platform, String host, URI uri) {
        String path = trimSlashes(uri.getRawPath());
        List<String[]> query = new ArrayList<>();
        for (String parameter :
                uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            query.add(parameter.split("=", 2));
        }
        for (PathRule rule : platform.paths()) {
            if (rule == null
                    || rule.match() == null
                    || rule.canonical() == null
                    || !rule.hosts().isEmpty() && rule.hosts().stream().noneMatch(h -> covers(h, host))) {
                continue;
            }
            Map<String, String> captured = match(rule.match(), path, query);
            if (captured != null) {
                String target = substitute(rule.canonical(), captured);
                return platform.canonicalHost()
                        + (target.contains("?") ? target : trimSlashes(target) + kept(platform, query));
            }
        }
        return platform.canonicalHost() + path + remaining(platform, query);
    }

    /** {@code ?name=value&...} for the parameters that are not known noise, sorted; or empty. */
    private static String remaining(PlatformRule platform, List<String[]> query) {
        Set<String> noise = new HashSet<>();
        platform.dropParams().stream().filter(n -> n != null).forEach(n -> noise.add(n.toLowerCase(Locale.ROOT)));
        List<String> kept = new ArrayList<>();
        for (String[] parameter : query) {
            String name = parameter[0].toLowerCase(Locale.ROOT);
            if (!parameter[0].isEmpty() && !noise.contains(name) && !genericNoise(name)) {
                kept.add(String.join("=", parameter));
            }
        }
        Collections.sort(kept);
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }

    /** Tracking parameters that never name content, on any site. */
    private static boolean genericNoise(String lowerCaseName) {
        return lowerCaseName.startsWith("utm_") || lowerCaseName.equals("fbclid") || lowerCaseName.equals("gclid");
    }

    /** The placeholders' values if {@code template} matches, else {@code null}. */
    private static Map<String, String> match(String template, String path, List<String[]> query) {
        int q = template.indexOf('?');
        List<String> want = segments(q < 0 ? template : template.substring(0, q));
        List<String> have = segments(path);
        boolean rest = !want.isEmpty() && want.get(want.size() - 1).equals("**");
        int fixed = rest ? want.size() - 1 : want.size();
        if (rest ? have.size() < fixed : have.size() != fixed) {
            return null;
        }
        Map<String, String> captured = new HashMap<>();
        for (int i = 0; i < fixed; i++) {
            if (!segment(want.get(i), have.get(i), captured)) {
                return null;
            }
        }
        for (String item : q < 0 ? new String[0] : template.substring(q + 1).split("&")) {
            int eq = item.indexOf('=');
            String value = eq < 0 ? null : first(query, item.substring(0, eq));
            if (value == null || !segment(item.substring(eq + 1), value, captured)) {
                return null;
            }
        }
        return captured;
    }

    private static boolean segment(String template, String value, Map<String, String> captured) {
        int open = template.indexOf('{');
        int close = template.indexOf('}');
        if (open < 0 || close < open) {
            return template.equals("*") ? !value.isEmpty() : template.equalsIgnoreCase(value);
        }
        String prefix = template.substring(0, open);
        String suffix = template.substring(close + 1);
        if (value.length() <= prefix.length() + suffix.length()
                || !value.regionMatches(true, 0, prefix, 0, prefix.length())
                || !value.regionMatches(true, value.length() - suffix.length(), suffix, 0, suffix.length())) {
            return false;
        }
        String name = template.substring(open + 1, close);
        captured.put(name, value.substring(prefix.length(), value.length() - suffix.length()));
        return true;
    }

    private static String substitute(String template, Map<String, String> captured) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int open;
        int close;
        while ((open = template.indexOf('{', from)) >= 0 && (close = template.indexOf('}', open)) > 0) {
            out.append(template, from, open).append(captured.getOrDefault(template.substring(open + 1, close), ""));
            from = close + 1;
        }
        return out.append(template.substring(from)).toString();
    }

    /** {@code ?name=value&...} for the platform's parameters present with a value, sorted by name; or empty. */
    private static String kept(PlatformRule platform, List<String[]> query) {
        List<String> kept = new ArrayList<>();
        for (String name : new TreeSet<>(
                platform.keepParams().stream().filter(n -> n != null).toList())) {
            String value = first(query, name);
            if (value != null && !value.isEmpty()) {
                kept.add(name + "=" + value);
            }
        }
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }

    private static String first(List<String[]> query, String name) {
        return query.stream()
                .filter(p -> p[0].equals(name))
                .map(p -> p.length > 1 ? p[1] : "")
                .findFirst()
                .orElse(null);
    }

    private static List<String> segments(String path) {
        String trimmed = trimSlashes(path);
        return trimmed.isEmpty()
                ? List.of()
                : Arrays.asList(trimmed.substring(1).split("/", -1));
    }

    private static String trimSlashes(String path) {
        String p = path == null ? "" : path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** A host in lower case, without a trailing dot or the prefixes that name no other content. */
    private static String host(String raw) {
        String h = raw.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        for (String before = null; !h.equals(before); ) {
            before = h;
            for (String prefix : DROPPED_PREFIXES) {
                if (h.startsWith(prefix) && h.indexOf('.', prefix.length()) > 0) {
                    h = h.substring(prefix.length());
                    break;
                }
            }
        }
        return h;
    }

    /** Whether {@code host} is {@code domain} or a subdomain of it: {@code evil-youtube.com} is not youtube.com's. */
    private static boolean covers(String domain, String host) {
        return domain != null && !domain.isEmpty() && (host.equals(domain) || host.endsWith("." + domain));
    }

    /** The generic rule (docs/routing-rules.md, section 7.1): what every URL got before platforms had rules. */
    private static String generic(String text) {
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
            String path = trimSlashes(uri.getRawPath());
            List<String> kept = new ArrayList<>();
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (parameter.isEmpty() || genericNoise(name)) {
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

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
