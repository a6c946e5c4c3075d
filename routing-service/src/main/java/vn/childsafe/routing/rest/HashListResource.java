package vn.childsafe.routing.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.routing.service.HashListService;

/**
 * Known-content hash lists: admins register a list (a national or hotline list of abuse material) and import its
 * hashes; reports whose content is on a list are marked. See docs/routing-rules.md, section 7.
 */
@Path("/api/v1/hash-lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Known-content hash lists", description = "Hash lists that mark known abuse material; admin only")
@RolesAllowed(Roles.ADMIN)
public class HashListResource {

    @Inject
    HashListService lists;

    @Inject
    Callers callers;

    @GET
    @Operation(
            summary = "List hash lists",
            description = "Every registered list with its entry count; never the " + "hashes themselves.")
    @APIResponse(
            responseCode = "200",
            description = "The lists, by name",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = HashListService.View.class)))
    public List<HashListService.View> list() {
        return lists.list();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Read a hash list", description = "The list's source, category and entry count.")
    @APIResponse(
            responseCode = "200",
            description = "The list",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HashListService.View.class)))
    @APIResponse(responseCode = "404", description = "No such list")
    public HashListService.View get(@PathParam("name") String name) {
        return lists.get(name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a hash list",
            description = "Registers an empty list; import its hashes with "
                    + "PUT /api/v1/hash-lists/{name}/entries. A report whose content matches the list gets the list's "
                    + "category, urgency at least HIGH and takedown requests.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HashListService.Definition.class),
                            examples = @ExampleObject(name = "hotline list", value = """
                    {"name": "iwf-2026-11", "source": "IWF", "category": "CSAM",
                     "description": "IWF hash list, November 2026 release"}""")))
    @APIResponse(
            responseCode = "201",
            description = "Registered, empty",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HashListService.View.class)))
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "A list of that name exists")
    public Response create(HashListService.Definition definition) {
        HashListService.View created = lists.create(definition, callers.actor());
        return Response.created(URI.create("/api/v1/hash-lists/" + created.name()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{name}/entries")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            summary = "Import a list's hashes",
            description = "Replaces the list's hashes with the body's, read as it streams in: one hash per line as "
                    + "`sha256,<64 hex>`, `md5,<32 hex>` or `pdq,<64 hex>`; blank lines and lines starting with `#` "
                    + "are skipped. A body with any bad line is rejected whole and the list keeps its previous "
                    + "hashes; every bad line is named in `errors[].pointer` as `/lines/<n>` (first line is 1, at "
                    + "most 100 listed). The body size is limited by `quarkus.http.limits.max-body-size`.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "three hashes", value = """
                    # IWF hash list, November 2026
                    sha256,9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                    md5,098f6bcd4621d373cade4e832627b4f6
                    pdq,f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22
                    """)))
    @APIResponse(
            responseCode = "200",
            description = "Imported",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HashListService.ImportResult.class),
                            examples = @ExampleObject(name = "imported", value = """
                            {"name": "iwf-2026-11", "sha256": 1, "md5": 1, "pdq": 1, "total": 3}""")))
    @APIResponse(
            responseCode = "400",
            description = "Rejected whole: bad lines (`/lines/<n>`)",
            content =
                    @Content(
                            mediaType = ApiDocs.PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "bad lines", value = """
                            {"type": "https://childsafe.gov.vn/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "The list was rejected whole: 1 bad line(s). Nothing was imported; the list keeps its previous hashes.",
                             "instance": "/api/v1/hash-lists/iwf-2026-11/entries",
                             "errors": [{"pointer": "/lines/3", "message": "an md5 is 32 hex digits"}]}""")))
    @APIResponse(responseCode = "404", description = "No such list")
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    @APIResponse(responseCode = "415", description = "Not text/csv or text/plain")
    public HashListService.ImportResult importEntries(@PathParam("name") String name, InputStream body) {
        return lists.importEntries(name, body, callers.actor());
    }

    @DELETE
    @Path("/{name}")
    @Operation(
            summary = "Delete a hash list",
            description = "Removes the list and its hashes. Cases that matched " + "it keep the record of the match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such list")
    public void delete(@PathParam("name") String name) {
        lists.delete(name);
    }
}
