package vn.childsafe.notify.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.notify.domain.ContactPointRules;
import vn.childsafe.notify.domain.DomainName;
import vn.childsafe.notify.domain.SigningSecret;

/**
 * Body of {@code POST /api/v1/platforms} and {@code PUT /api/v1/platforms/{code}}. Unknown fields are rejected. The
 * code is checked only on POST ({@link OnCreate}): PUT takes it from the path.
 */
@Schema(name = "PlatformRequest", description = "A platform that receives takedown requests.")
public class PlatformRequest extends StrictRequest {

    /** Most domains per platform. */
    public static final int MAX_DOMAINS = 50;

    private static final String CODE_MESSAGE = "must be 1 to 100 letters, digits, '_', '.' or '-'";
    private static final String NAME_MESSAGE = "is required, at most 200 characters";
    private static final String DOMAINS_MESSAGE = "1 to " + MAX_DOMAINS + " domains are required";
    private static final String URL_MESSAGE =
            "is required, an https URL of at most " + ContactPointRules.MAX_URL_LENGTH + " characters";
    private static final String SECRETS_MESSAGE =
            "1 to " + ContactPointRules.MAX_SECRETS + " signing secrets are required";

    /** The constraints of {@code POST}: every default one, and the code. */
    public interface OnCreate extends Default {}

    @Schema(
            description = "Platform code (POST only; PUT takes it from the path). Also the value of the JWT claim "
                    + "'platform' of the platform's API client.",
            examples = "TIKTOK",
            maxLength = 100)
    @NotNull(groups = OnCreate.class, message = CODE_MESSAGE)
    @Pattern(groups = OnCreate.class, regexp = ContactPointRules.AGENCY_CODE_REGEX, message = CODE_MESSAGE)
    public String code;

    @Schema(description = "Display name.", examples = "TikTok Việt Nam", maxLength = 200)
    @NotBlank(message = NAME_MESSAGE)
    @Size(max = 200, message = NAME_MESSAGE)
    public String name;

    @Schema(
            description = "Domains of the platform's content URLs; a URL whose host is one of them or a subdomain "
                    + "(after lower-casing and dropping www. and m.) is sent to this platform.",
            maxItems = 50,
            examples = "[\"tiktok.com\", \"tiktokv.com\"]")
    @NotEmpty(message = DOMAINS_MESSAGE)
    @Size(max = MAX_DOMAINS, message = DOMAINS_MESSAGE)
    public List<@DomainName String> domains;

    @Schema(
            description = "https endpoint that receives Standard Webhooks-signed takedown requests.",
            examples = "https://trust.tiktok.com/childsafe/takedowns",
            maxLength = 2000)
    @NotBlank(message = URL_MESSAGE)
    @Size(max = ContactPointRules.MAX_URL_LENGTH, message = URL_MESSAGE)
    @RegistrableUrl
    public String takedownUrl;

    @Schema(
            description = "Signing secrets whsec_<base64 of 24-64 bytes>; every secret signs each request.",
            maxItems = 5)
    @NotEmpty(message = SECRETS_MESSAGE)
    @Size(max = ContactPointRules.MAX_SECRETS, message = SECRETS_MESSAGE)
    public List<@SigningSecret String> secrets;
}
