package vn.childsafe.notify.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a valid contact point (đầu mối liên lạc) looks like. All rules are checked together so that an admin sees
 * every mistake of a request at once.
 */
public final class ContactPointRules {

    /** Agency codes as routing-service issues them (letters, digits, {@code _ . -}). */
    public static final Pattern AGENCY_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$");

    /** Secrets at once: the current one plus a few while rotating. */
    public static final int MAX_SECRETS = 5;
    public static final int MAX_EMAILS = 20;
    public static final int MAX_SMS_NUMBERS = 20;
    public static final int MAX_URL_LENGTH = 2000;

    private static final String SECRET_PREFIX = "whsec_";
    // Standard Webhooks: secrets of 24 to 64 random bytes.
    private static final int MIN_SECRET_BYTES = 24;
    private static final int MAX_SECRET_BYTES = 64;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    private static final Pattern SMS_NUMBER = Pattern.compile("^\\+?[0-9]{8,15}$");

    /**
     * One rule broken by a request.
     *
     * @param pointer JSON Pointer into the request body
     * @param message what is wrong
     */
    public record Violation(String pointer, String message) {
    }

    private ContactPointRules() {
    }

    /** The violations of a contact point; empty when it is valid. {@code null} lists count as empty. */
    public static List<Violation> validate(String webhookUrl, List<String> secrets, List<String> emails,
            List<String> smsNumbers) {
        List<Violation> violations = new ArrayList<>();
        if (webhookUrl != null) {
            String problem = webhookUrlProblem(webhookUrl);
            if (problem != null) {
                violations.add(new Violation("/webhookUrl", problem));
            }
        }
        List<String> secretList = secrets == null ? List.of() : secrets;
        if (webhookUrl != null && secretList.isEmpty()) {
            violations.add(new Violation("/secrets", "at least one signing secret is required with a webhookUrl"));
        }
        if (secretList.size() > MAX_SECRETS) {
            violations.add(new Violation("/secrets", "at most " + MAX_SECRETS + " secrets"));
        }
        for (int i = 0; i < secretList.size(); i++) {
            if (!isValidSecret(secretList.get(i))) {
                violations.add(new Violation("/secrets/" + i,
                        "must be whsec_ followed by the base64 of 24 to 64 random bytes"));
            }
        }
        checkEach(violations, "/emails", emails, MAX_EMAILS, EMAIL, "must be an e-mail address");
        checkEach(violations, "/smsNumbers", smsNumbers, MAX_SMS_NUMBERS, SMS_NUMBER,
                "must be a phone number of 8 to 15 digits, optionally starting with +");
        return violations;
    }

    /** Whether {@code secret} is a Standard Webhooks secret {@code whsec_<base64>}. */
    public static boolean isValidSecret(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
            return length >= MIN_SECRET_BYTES && length <= MAX_SECRET_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String webhookUrlProblem(String url) {
        if (url.isBlank() || url.length() > MAX_URL_LENGTH) {
            return "must be an absolute http or https URL of at most " + MAX_URL_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return "must be an absolute http or https URL with a host";
        }
        // Credentials in the URL would be shown to every reader of the contact point: the signature authenticates.
        if (uri.getRawUserInfo() != null) {
            return "must not contain user credentials";
        }
        if (uri.getRawFragment() != null) {
            return "must not contain a fragment";
        }
        return null;
    }

    private static void checkEach(List<Violation> violations, String pointer, List<String> values, int max,
            Pattern pattern, String message) {
        if (values == null) {
            return;
        }
        if (values.size() > max) {
            violations.add(new Violation(pointer, "at most " + max + " entries"));
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !pattern.matcher(value).matches()) {
                violations.add(new Violation(pointer + "/" + i, message));
            }
        }
    }
}
