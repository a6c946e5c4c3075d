package vn.childsafe.routing.rules;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Gender;
import vn.childsafe.commons.domain.ReporterRelationship;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;

/**
 * A report as intake accepts it (docs/integration-government-and-111.md, section 2), for simulation: only the routing facts are read; names, phones and
 * the description may be present but are never stored or logged.
 */
@Schema(name = "SimulationRequest")
public record SimulationRequest(
        Source source,
        Category category,
        Urgency urgency,
        Location location,
        Victim victim,
        Reporter reporter,
        List<Content> content) {

    @Schema(name = "SimulationSource")
    public record Source(SourceChannel channel) {}

    @Schema(name = "SimulationLocation")
    public record Location(String provinceCode, String communeCode, String districtCode, String wardCode) {}

    @Schema(name = "SimulationVictim")
    public record Victim(Integer ageYears, Gender gender, String name, String school) {}

    @Schema(name = "SimulationReporter")
    public record Reporter(ReporterRelationship relationship) {}

    @Schema(name = "SimulationContent")
    public record Content(
            String url,
            String platform,
            String sha256,
            String md5,

            @Schema(description = "PDQ perceptual hash, 64 hex digits")
            String pdq,

            @Schema(description = "PDQ quality, 0-100") Integer pdqQuality) {}
}
