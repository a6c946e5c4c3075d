package vn.childsafe.routing.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.agency.AgencyRepository;
import vn.childsafe.routing.config.RoutingConfig;
import vn.childsafe.routing.domain.AgencyType;
import vn.childsafe.routing.domain.Jurisdiction;
import vn.childsafe.routing.domain.LocationResolver;
import vn.childsafe.routing.domain.ReportFacts;
import vn.childsafe.routing.domain.Resolution;
import vn.childsafe.routing.domain.RoutingDecision;
import vn.childsafe.routing.domain.RoutingRules;
import vn.childsafe.routing.service.CaseRoutingService;

/** Routes a report on paper: the same resolution, rules and jurisdiction as a real report, nothing stored. */
@ApplicationScoped
public class SimulationService {

    @Inject
    RuleSetService ruleSets;

    @Inject
    LocationResolver locations;

    @Inject
    AgencyRepository agencies;

    @Inject
    RoutingConfig config;

    @Inject
    Clock clock;

    /** The decision and why. */
    @Schema(name = "SimulationResult")
    public record Result(String ruleSetVersion, String ruleId, Location location, List<Unit> assignments,
            String ackWithin, boolean liaisonRequired, boolean takedownRequired, List<String> takedownUrls,
            List<String> explanation) {
    }

    @Schema(name = "SimulatedLocation")
    public record Location(String provinceCode, String provinceName, String communeCode, Resolution.Level level,
            List<String> notes) {
    }

    @Schema(name = "SimulatedAssignment")
    public record Unit(CaseRouted.Role role, String agencyCode, String agencyName, AgencyType agencyType,
            AgencyType requestedType, boolean registered) {
    }

    @Transactional
    public Result simulate(SimulationRequest request, String version) {
        validate(request);
        RoutingRules rules = version == null || version.isBlank() ? ruleSets.active()
                : ruleSets.byVersion(version.trim())
                        .orElseThrow(() -> ProblemException.notFound("No rule set " + version + "."));
        SimulationRequest.Location l = request.location();
        Resolution where = l == null ? locations.resolve(null, null, null, null)
                : locations.resolve(l.provinceCode(), l.communeCode(), l.districtCode(), l.wardCode());
        RoutingDecision decision = rules.decide(ReportFacts.of(asReport(request)));
        Jurisdiction.Plan plan = new Jurisdiction(agencies.activeOn(LocalDate.ofInstant(Instant.now(clock),
                config.timeZone()))).plan(decision, where);
        return new Result(decision.ruleSetVersion(), decision.ruleId(),
                new Location(where.provinceCode(), where.provinceName(), where.communeCode(), where.level(),
                        where.notes()),
                plan.assignments().stream().map(a -> new Unit(a.role(), a.unit().agencyCode(), a.unit().agencyName(),
                        a.unit().agencyType(), a.unit().requestedType(), a.unit().registered())).toList(),
                format(decision.ackWithin()), decision.liaisonRequired(), decision.takedownRequired(),
                decision.takedownUrls(), CaseRoutingService.explain(where, decision, plan));
    }

    private static void validate(SimulationRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.badRequest("A report body is required.", null);
        }
        if (request.category() == null) {
            errors.add(new Problem.FieldError("/category", "required"));
        }
        if (request.urgency() == null) {
            errors.add(new Problem.FieldError("/urgency", "required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " field(s) of the request are invalid.", errors);
        }
    }

    /** The routing facts of the body, as intake would publish them (no identity). */
    static ReportReceived asReport(SimulationRequest r) {
        SimulationRequest.Victim v = r.victim();
        boolean victimGiven = v != null && (v.ageYears() != null || v.gender() != null
                || (v.name() != null && !v.name().isBlank()) || (v.school() != null && !v.school().isBlank()));
        boolean schoolGiven = v != null && v.school() != null && !v.school().isBlank();
        SimulationRequest.Location l = r.location();
        return new ReportReceived(UUID.randomUUID(), Instant.now(), r.source() == null ? null : r.source().channel(),
                r.category(), r.urgency(), null,
                l == null ? null : new ReportReceived.Location(l.provinceCode(), l.communeCode(), l.districtCode(),
                        l.wardCode()),
                new ReportReceived.Victim(victimGiven, v == null ? null : v.ageYears(), v == null ? null : v.gender(),
                        schoolGiven),
                r.reporter() == null ? null : r.reporter().relationship(),
                r.content() == null ? List.of() : r.content().stream().filter(c -> c != null)
                        .map(c -> new ReportReceived.ContentItem(c.url(), c.platform(), c.sha256(), c.md5())).toList());
    }

    private static String format(Duration d) {
        return d.toString();
    }
}
