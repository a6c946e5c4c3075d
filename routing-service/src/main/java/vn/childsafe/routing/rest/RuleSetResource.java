package vn.childsafe.routing.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.security.Roles;
import vn.childsafe.routing.rules.RuleSetDefinition;
import vn.childsafe.routing.rules.SimulationRequest;
import vn.childsafe.routing.service.RuleSetService;
import vn.childsafe.routing.service.SimulationService;

/**
 * Routing rules as data: versioned rule sets (draft → simulate → activate) and the simulator. See
 * docs/routing-rules.md for the safe change procedure.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Routing rules", description = "Versioned rule sets and the routing simulator")
public class RuleSetResource {

    private static final String DRAFT_EXAMPLE = """
            {"version": "default-3", "description": "SELF_HARM to child protection within 1 h",
             "rules": [
              {"id": "R1", "urgencyIn": ["IMMEDIATE_DANGER"], "lead": "POLICE_COMMUNE",
               "supports": [{"type": "POLICE_PROVINCE"}, {"type": "CHILD_PROTECTION_PROVINCE"}], "ackWithin": "PT15M"},
              {"id": "R7", "categoryIn": ["SELF_HARM"], "lead": "CHILD_PROTECTION_PROVINCE",
               "supports": [{"type": "COMMUNE_COMMITTEE"}], "ackWithin": "PT1H"},
              {"id": "R6", "lead": "CHILD_PROTECTION_PROVINCE", "supports": [{"type": "COMMUNE_COMMITTEE"}],
               "ackWithin": "PT24H"}],
             "policies": {"liaisonWhenVictimGiven": true, "liaisonUrgencies": ["IMMEDIATE_DANGER", "HIGH"],
              "takedownCategories": ["CSAM", "SEXTORTION", "GROOMING", "HARMFUL_CONTENT", "PRIVACY_VIOLATION",
                                     "CYBERBULLYING"],
              "halvedDeadlineUrgencies": ["HIGH"], "minimumHalvedDeadline": "PT15M"}}""";

    @Inject
    RuleSetService ruleSets;

    @Inject
    SimulationService simulation;

    @Inject
    Callers callers;

    @GET
    @Path("/rule-sets")
    @RolesAllowed({Roles.ADMIN, Roles.OPS})
    @Operation(
            summary = "List rule sets",
            description = "Every stored version with its status: DRAFT, ACTIVE " + "(exactly one) or RETIRED.")
    @APIResponse(
            responseCode = "200",
            description = "The rule sets, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = RuleSetService.RuleSetView.class)))
    public List<RuleSetService.RuleSetView> list() {
        return ruleSets.list();
    }

    @GET
    @Path("/rule-sets/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.OPS})
    @Operation(summary = "Read a rule set", description = "The version with its full definition.")
    @APIResponse(
            responseCode = "200",
            description = "The rule set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleSetService.RuleSetView.class)))
    @APIResponse(responseCode = "404", description = "No such version")
    public RuleSetService.RuleSetView get(@PathParam("version") String version) {
        return ruleSets.get(version);
    }

    @POST
    @Path("/rule-sets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Add a draft rule set",
            description = "Stores a new version as DRAFT; it routes nothing until activated. Rules are evaluated in "
                    + "order, first match wins, and the last rule must have no conditions. Stored versions never "
                    + "change: a correction is a new version.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleSetDefinition.class),
                            examples = @ExampleObject(name = "draft", value = DRAFT_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Stored as DRAFT; `Location` names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleSetService.RuleSetView.class)))
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "The version exists")
    public Response create(RuleSetDefinition definition) {
        RuleSetService.RuleSetView created = ruleSets.create(definition, callers.actor());
        return Response.created(URI.create("/api/v1/rule-sets/" + created.version()))
                .entity(created)
                .build();
    }

    @POST
    @Path("/rule-sets/{version}/activate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Activate a rule set",
            description = "From now on every report is routed by this version (all instances); the previously "
                    + "active version becomes RETIRED. Cases keep the version that routed them.")
    @APIResponse(
            responseCode = "200",
            description = "Now active",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleSetService.RuleSetView.class)))
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "409", description = "Already active")
    public RuleSetService.RuleSetView activate(@PathParam("version") String version) {
        return ruleSets.activate(version);
    }

    @POST
    @Path("/routing/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPS})
    @Operation(
            summary = "Simulate routing",
            description = "A report body (as intake accepts it) in; the decision and its explanation out: resolved "
                    + "location, matched rule, assigned units after jurisdiction fallbacks, deadline, liaison and "
                    + "takedown policies; how its content is recognised (canonical URL and the platform rule that made "
                    + "it), the open case it would join (canonical URL, exact hash or PDQ distance) and the "
                    + "known-content hash lists it is on. Against the active rule set or `ruleSetVersion` (e.g. a "
                    + "draft, to test changed platform URL rules before activating them). Nothing is stored.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SimulationRequest.class),
                            examples = @ExampleObject(name = "legacy Hà Đông ward, grooming", value = """
                    {"source": {"channel": "HOTLINE_111"}, "category": "GROOMING", "urgency": "HIGH",
                     "location": {"provinceCode": "01", "districtCode": "268", "wardCode": "09544"},
                     "victim": {"ageYears": 13}, "content": [{"url": "https://www.facebook.com/x/posts/1"}]}""")))
    @APIResponse(
            responseCode = "200",
            description = "The decision and why",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SimulationService.Result.class)))
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "404", description = "No such rule set version")
    public SimulationService.Result simulate(
            @Parameter(description = "Rule set version to use instead of the active one") @QueryParam("ruleSetVersion")
                    String ruleSetVersion,
            SimulationRequest request) {
        return simulation.simulate(request, ruleSetVersion);
    }
}
