package vn.childsafe.notify.rest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/** Body of {@code POST /api/v1/platforms} and {@code PUT /api/v1/platforms/{code}}. Unknown fields are rejected. */
@Schema(name = "PlatformRequest", description = "A platform that receives takedown requests.")
public class PlatformRequest {

    @Schema(description = "Platform code (POST only; PUT takes it from the path). Also the value of the JWT claim "
            + "'platform' of the platform's API client.", examples = "TIKTOK", maxLength = 100)
    public String code;

    @Schema(description = "Display name.", examples = "TikTok Việt Nam", maxLength = 200)
    public String name;

    @Schema(description = "Domains of the platform's content URLs; a URL whose host is one of them or a subdomain "
            + "(after lower-casing and dropping www. and m.) is sent to this platform.", maxItems = 50,
            examples = "[\"tiktok.com\", \"tiktokv.com\"]")
    public List<String> domains;

    @Schema(description = "https endpoint that receives Standard Webhooks-signed takedown requests.",
            examples = "https://trust.tiktok.com/childsafe/takedowns", maxLength = 2000)
    public String takedownUrl;

    @Schema(description = "Signing secrets whsec_<base64 of 24-64 bytes>; every secret signs each request.",
            maxItems = 5)
    public List<String> secrets;

    @JsonIgnore
    private final List<String> unknownFields = new ArrayList<>();

    @JsonAnySetter
    void unknownField(String name, Object ignored) {
        unknownFields.add(name);
    }

    @JsonIgnore
    public List<String> unknownFields() {
        return unknownFields;
    }
}
