package vn.childsafe.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.security.Roles;
import vn.childsafe.routing.config.RoutingConfig;
import vn.childsafe.routing.service.StatsService;

/** Statistics for ops and the Decision 830 reports, as JSON or CSV. */
@Path("/api/v1/stats")
@Tag(name = "Statistics", description = "Counts, times and the Decision 830 rates")
public class StatsResource {

    @Inject
    StatsService stats;

    @Inject
    RoutingConfig config;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.ADMIN, Roles.OPS})
    @Operation(
            summary = "Case statistics",
            description = "Over cases created in [from, to) (ISO instants or dates in Viet Nam; default: this year "
                    + "until now): counts, p50/p90 seconds to route (intake acceptance → routed), to acknowledge and "
                    + "to resolve (from case creation), and the two Decision 830 rates, overall and per province, "
                    + "agency (current lead), category or platform (a case counts once per platform of its content). "
                    + "`Accept: text/csv` gives the same as CSV.")
    @APIResponse(
            responseCode = "200",
            description = "The statistics",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = StatsService.Stats.class)),
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = """
                            group,key,cases,acknowledged,resolved,route_p50_s,route_p90_s,ack_p50_s,ack_p90_s,resolve_p50_s,resolve_p90_s,child_victim_cases,child_victim_cases_with_acknowledged_protection,child_victim_protection_rate,resolved_rate
                            total,ALL,3,2,1,0.21,0.4,600.0,900.0,3600.0,3600.0,2,1,0.5,0.3333333333333333
                            """))
            })
    @APIResponse(responseCode = "400", description = "Invalid from, to or groupBy")
    public Response get(
            @Parameter(description = "Created at or after (ISO instant or date)") @QueryParam("from") String from,
            @Parameter(description = "Created before (ISO instant or date)") @QueryParam("to") String to,
            @Parameter(description = "province, agency, category or platform") @QueryParam("groupBy") String groupBy,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        StatsService.Stats result = stats.stats(
                QueryParams.instant("from", from, config.timeZone()),
                QueryParams.instant("to", to, config.timeZone()),
                groupBy);
        if (accept != null && accept.contains("text/csv")) {
            return Response.ok(StatsService.csv(result), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"childsafe-stats.csv\"")
                    .build();
        }
        return Response.ok(result, MediaType.APPLICATION_JSON).build();
    }
}
