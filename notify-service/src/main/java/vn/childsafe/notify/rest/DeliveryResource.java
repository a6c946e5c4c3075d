package vn.childsafe.notify.rest;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.notify.domain.DeliveryState;
import vn.childsafe.notify.service.DeliveryService;

/** {@code /api/v1/deliveries}: what was sent to whom, and sending a failed alert again (ops, admin). */
@Path("/api/v1/deliveries")
@Tag(name = "Deliveries", description = "Alerts to units and the 111 liaison, their attempts and outcomes.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.ADMIN})
public class DeliveryResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    @Inject
    DeliveryService deliveries;

    @GET
    @Operation(
            summary = "List deliveries",
            description = "Newest first. Filter by case to see whether every unit of a case was reached; "
                    + "NO_CONTACT_POINT shows a unit nobody could alert.")
    @APIResponse(
            responseCode = "200",
            description = "The deliveries.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryList.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid.")
    @APIResponse(responseCode = "403", description = "The caller is neither ops nor admin.")
    public DeliveryList list(
            @Parameter(
                            description = "Only the deliveries of this case.",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("caseId")
                    String caseId,
            @Parameter(
                            description = "Only deliveries in this state.",
                            schema = @Schema(implementation = DeliveryState.class))
                    @QueryParam("state")
                    String state,
            @Parameter(
                            description =
                                    "Most deliveries returned, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ").",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                    @QueryParam("limit")
                    String limit) {
        List<DeliveryView> items =
                deliveries.list(parseUuid("caseId", caseId), parseState(state), parseLimit(limit)).stream()
                        .map(DeliveryView::of)
                        .toList();
        return new DeliveryList(items);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(
            summary = "Send a delivery again",
            description = "A FAILED delivery becomes PENDING with a fresh series of attempts, due now. A "
                    + "NO_CONTACT_POINT delivery is sent by webhook once the agency's contact point has one. "
                    + "A DELIVERED or PENDING delivery is left alone (409).")
    @APIResponse(
            responseCode = "200",
            description = "The delivery, now PENDING.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither ops nor admin.")
    @APIResponse(responseCode = "404", description = "No such delivery.")
    @APIResponse(
            responseCode = "409",
            description = "Already delivered, already pending, or the agency " + "still has no webhook.")
    public DeliveryView retry(@Parameter(description = "The delivery id.") @PathParam("id") UUID id) {
        return DeliveryView.of(deliveries.retry(id));
    }

    private static UUID parseUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter " + name + " must be a UUID.", null);
        }
    }

    private static DeliveryState parseState(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    "Query parameter state must be one of " + List.of(DeliveryState.values()) + ".", null);
        }
    }

    private static int parseLimit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(
                "Query parameter limit must be an integer from 1 to " + MAX_LIMIT + ".", null);
    }
}
