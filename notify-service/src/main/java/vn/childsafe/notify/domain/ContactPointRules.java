package vn.childsafe.notify.domain;

import java.net.URI;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What valid contact points and platforms (đầu mối liên lạc, nền tảng) are made of: codes, signing secrets,
 * webhook URLs, e-mail addresses and SMS numbers. The request types apply these rules as Bean Validation constraints
 * ({@link WebhookUrl}, {@link SigningSecret}, {@code @Pattern} with the expressions below), so that an admin sees
 * every mistake of a request at once.
 */
public final class ContactPointRules {

    /** Agency and platform codes as routing-service issues them (letters, digits, {@code _ . -}). */
    public static final String AGENCY_CODE_REGEX = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$";

    public static final Pattern AGENCY_CODE = Pattern.compile(AGENCY_CODE_REGEX);
    public static final String EMAIL_REGEX = "^[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";
    public static final String SMS_NUMBER_REGEX = "^\\+?[0-9]{8,15}$";

    /** Secrets at once: the current one plus a few while rotating. */
    public static final int MAX_SECRETS = 5;

    public static final int MAX_EMAILS = 20;
    public static final int MAX_SMS_NUMBERS = 20;
    public static final int MAX_URL_LENGTH = 2000;

    private static final String SECRET_PREFIX = "whsec_";
    // Standard Webhooks: secrets of 24 to 64 random bytes.
    private static final int MIN_SECRET_BYTES = 24;
    private static final int MAX_SECRET_BYTES = 64;

    private ContactPointRules() {}

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

    /**
     * What is wrong with a webhook URL's form, or {@code null} if nothing is. Where it may point (public addresses,
     * https) is {@link OutboundUrlPolicy}'s to say.
     */
    public static String webhookUrlProblem(String url) {
        if (url.isBlank() || url.length() > MAX_URL_LENGTH) {
            return "must be an absolute http or https URL of at most " + MAX_URL_LENGTH + " characters";
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            return "is not a valid URL";
        }
        // An http(s) scheme makes the URI absolute: no separate check for that.
        if (!parsed.isHttpWithHost()) {
            return "must be an absolute http or https URL with a host";
        }
        URI uri = parsed.uri();
        // Credentials in the URL would be shown to every reader of the contact point: the signature authenticates.
        if (uri.getRawUserInfo() != null) {
            return "must not contain user credentials";
        }
        if (uri.getRawFragment() != null) {
            return "must not contain a fragment";
        }
        return null;
    }
}
