package vn.childsafe.routing.rest;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.routing.geo.AdminUnitRepository;
import vn.childsafe.routing.service.AdminUnitService;

/** Viet Nam's administrative units as reference data: import from CSV, list, resolve codes. */
@Path("/api/v1/admin-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administrative units", description = "Provinces, communes and the legacy ward mapping (2025 reform)")
public class AdminUnitResource {

    @Inject
    AdminUnitService units;

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Import administrative units from CSV",
            description = "Accepts exactly two layouts, told apart by the header row (required): today's units "
                    + "`level,code,parent_code,name,full_name,name_en,unit_type` and the legacy mapping "
                    + "`old_province_code,old_province_name,old_district_code,old_ward_code,old_ward_name,"
                    + "new_province_code,new_commune_codes` (';'-separated communes when a ward was split). "
                    + "Idempotent upsert; a file with any bad line is rejected whole, every bad line named in "
                    + "`errors[].pointer` as `/lines/<n>` (the header is line 1). See docs/admin-units-import.md.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "units", value = """
                    level,code,parent_code,name,full_name,name_en,unit_type
                    PROVINCE,01,,Hà Nội,Thành phố Hà Nội,Hanoi,Thành phố
                    COMMUNE,00004,01,Ba Đình,Phường Ba Đình,Ba Dinh,Phường
                    """)))
    @APIResponse(
            responseCode = "200",
            description = "Imported",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminUnitService.ImportResult.class),
                            examples =
                                    @ExampleObject(
                                            name = "units",
                                            value =
                                                    "{\"layout\": \"UNITS\", \"rows\": 3355, \"validFrom\": \"2025-07-01\"}")))
    @APIResponse(
            responseCode = "400",
            description = "Rejected whole: unknown header or bad lines (`/lines/<n>`)",
            content =
                    @Content(
                            mediaType = ApiDocs.PROBLEM,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "bad lines", value = """
                            {"type": "https://childsafe.gov.vn/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "The file was rejected whole: 1 bad line(s). Nothing was imported.",
                             "instance": "/api/v1/admin-units/import",
                             "errors": [{"pointer": "/lines/17", "message": "commune code must be 5 digits"}]}""")))
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    @APIResponse(responseCode = "415", description = "Not text/csv")
    public AdminUnitService.ImportResult importCsv(
            @Parameter(description = "First day the imported units are valid; default 2025-07-01")
                    @QueryParam("validFrom")
                    String validFrom,
            @Parameter(description = "First day they no longer are (units only); default: until further notice")
                    @QueryParam("validTo")
                    String validTo,
            InputStream body) {
        return units.importCsv(
                new InputStreamReader(body, StandardCharsets.UTF_8),
                QueryParams.date("validFrom", validFrom),
                QueryParams.date("validTo", validTo));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.UNIT})
    @Operation(
            summary = "List administrative units",
            description = "Units valid today, provinces first, in code order; filter by level and parent.")
    @APIResponse(
            responseCode = "200",
            description = "The units",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AdminUnitRepository.Unit.class)))
    @APIResponse(responseCode = "400", description = "Unknown level")
    public List<AdminUnitRepository.Unit> list(
            @Parameter(description = "PROVINCE or COMMUNE") @QueryParam("level") String level,
            @Parameter(description = "Province code whose communes to list") @QueryParam("parentCode")
                    String parentCode) {
        return units.list(level, parentCode);
    }

    @GET
    @Path("/resolve")
    @RolesAllowed({Roles.ADMIN, Roles.OPS, Roles.UNIT})
    @Operation(
            summary = "Resolve location codes",
            description = "Resolves today's or legacy codes to today's province and, where possible, commune, as "
                    + "routing does, with notes on how (legacy mapping, split wards, ignored codes).")
    @APIResponse(
            responseCode = "200",
            description = "The resolution",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdminUnitService.ResolutionView.class),
                            examples = @ExampleObject(name = "legacy Hà Đông ward", value = """
                            {"provinceCode": "01", "provinceName": "Hà Nội", "communeCode": "09556",
                             "communeName": "Hà Đông", "level": "COMMUNE",
                             "notes": ["legacy district 268 not used: districts were abolished on 2025-07-01",
                                       "legacy ward 09544 (Phường Vạn Phúc) → commune 09556"]}""")))
    public AdminUnitService.ResolutionView resolve(
            @QueryParam("provinceCode") String provinceCode,
            @QueryParam("districtCode") String districtCode,
            @QueryParam("wardCode") String wardCode,
            @QueryParam("communeCode") String communeCode) {
        return units.resolve(provinceCode, districtCode, wardCode, communeCode);
    }
}
