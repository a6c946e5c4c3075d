package vn.childsafe.notify.takedown;

import java.time.Instant;
import java.util.UUID;

/**
 * The takedown notice a platform receives (JSON, Standard Webhooks-signed; docs/guide-platforms.md): the first one
 * is {@code takedown.requested}, every later one {@code takedown.renotice}.
 */
public record TakedownNotice(
        String type,
        UUID takedownRequestId,
        UUID caseId,
        String platformCode,
        String url,
        String legalBasis,
        Instant requestedAt,
        Instant deadline,
        int notice,
        String resultEndpoint) {

    public static final String TYPE_REQUESTED = "takedown.requested";
    public static final String TYPE_RENOTICE = "takedown.renotice";

    /** Notice number {@code request.notices} of a request. */
    public static TakedownNotice of(TakedownRequest request, String legalBasis) {
        return new TakedownNotice(
                request.notices == 1 ? TYPE_REQUESTED : TYPE_RENOTICE,
                request.id,
                request.caseId,
                request.platformCode,
                request.url,
                legalBasis,
                request.requestedAt,
                request.deadline,
                request.notices,
                "/api/v1/takedown-requests/" + request.id + "/result");
    }
}
