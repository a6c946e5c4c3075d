package vn.childsafe.routing.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.security.Roles;
import vn.childsafe.routing.agency.AgencyPage;
import vn.childsafe.routing.agency.AgencyRequest;
import vn.childsafe.routing.agency.AgencyView;
import vn.childsafe.routing.domain.AgencyType;
import vn.childsafe.routing.service.AgencyService;

/**
 * The agency register: the responsible units (đơn vị chịu trách nhiệm) routing can assign, with their type and
 * jurisdiction. Routing decides who acts; how to reach them is notify-service's contact points.
 */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "Responsible units and their jurisdiction")
public class AgencyResource {

    private static final String EXAMPLE = """
            {"name": "Công an thành phố Hà Nội", "type": "POLICE_PROVINCE", "provinceCode": "01",
             "escalationParentCode": "A05", "active": true, "validFrom": "2025-07-01"}""";

    @Inject
    AgencyService agencies;

    @Inject
    Callers callers;

    @Inject
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.UNIT})
    @Operation(
            summary = "List agencies",
            description = "One page of the register in code order, optionally filtered by type and province. "
                    + "A unit caller sees only its own agency (claim `agency`).")
    @APIResponse(
            responseCode = "200",
            description = "A page of agencies",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid type, page or size")
    public AgencyPage list(
            @Parameter(description = "Only agencies of this type", schema = @Schema(implementation = AgencyType.class))
                    @QueryParam("type")
                    String type,
            @Parameter(description = "Only agencies of this province (2 digits)") @QueryParam("provinceCode")
                    String provinceCode,
            @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to " + AgencyService.MAX_PAGE_SIZE)
                    @QueryParam("size")
                    @DefaultValue("100")
                    int size) {
        return agencies.list(
                callers.scope(),
                QueryParams.enumValue(AgencyType.class, "agency type", type),
                provinceCode,
                page,
                size);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.UNIT})
    @Operation(
            summary = "Read an agency",
            description = "A unit caller can read only its own agency; any other code answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "The agency",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "404", description = "No such agency, or not the caller's")
    public AgencyView get(@PathParam("code") String code) {
        return agencies.get(callers.scope(), code);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Register an agency",
            description = "Registers a new unit. Fails with 409 if the code exists; use PUT to create or replace.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyRequest.class),
                            examples = @ExampleObject(name = "provincial police", value = """
                    {"code": "CA-01", "name": "Công an thành phố Hà Nội", "type": "POLICE_PROVINCE",
                     "provinceCode": "01", "escalationParentCode": "A05", "validFrom": "2025-07-01"}""")))
    @APIResponse(
            responseCode = "201",
            description = "Registered; `Location` names the new agency",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "An agency with this code exists")
    public Response create(@NotNull @Valid AgencyRequest request) {
        AgencyView created = agencies.create(request);
        return Response.created(location(created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Create or replace an agency",
            description = "Idempotent: the agency `code` gets exactly the body's content, whether it existed or "
                    + "not. The body's `code` may be left out; if given it must equal the path's. "
                    + "This is how deployments seed the register.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyRequest.class),
                            examples = @ExampleObject(name = "provincial police", value = EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced (or unchanged)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created; `Location` names the agency",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
    public Response put(@PathParam("code") String code, @NotNull @Valid AgencyRequest request) {
        AgencyService.Saved saved = agencies.put(code, request);
        return saved.created()
                ? Response.created(location(code)).entity(saved.agency()).build()
                : Response.ok(saved.agency()).build();
    }

    private URI location(String code) {
        return uriInfo.getBaseUriBuilder().path(AgencyResource.class).path(code).build();
    }
}
