package vn.childsafe.routing.service;

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
import vn.childsafe.routing.cases.CaseContent;
import vn.childsafe.routing.cases.DuplicateMatch;
import vn.childsafe.routing.config.RoutingConfig;
import vn.childsafe.routing.domain.AgencyType;
import vn.childsafe.routing.domain.ContentIdentity;
import vn.childsafe.routing.domain.Jurisdiction;
import vn.childsafe.routing.domain.KnownContentMatch;
import vn.childsafe.routing.domain.LocationResolver;
import vn.childsafe.routing.domain.Pdq;
import vn.childsafe.routing.domain.ReportFacts;
import vn.childsafe.routing.domain.Resolution;
import vn.childsafe.routing.domain.RoutingDecision;
import vn.childsafe.routing.domain.RoutingRules;
import vn.childsafe.routing.rules.SimulationRequest;

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
    ContentIdentityService contentIdentity;

    @Inject
    Clock clock;

    /** The decision and why. */
    @Schema(name = "SimulationResult")
    public record Result(
            String ruleSetVersion,
            String ruleId,
            Location location,
            List<Unit> assignments,
            String ackWithin,
            boolean liaisonRequired,
            boolean takedownRequired,
            List<String> takedownUrls,
            List<String> explanation,

            @Schema(description = "The content as the rule set recognises it")
            List<SimulatedContent> content,

            @Schema(
                    description =
                            "The open case the report would join instead of opening one, and why; null if " + "none")
            DuplicateMatch duplicateOf,

            @Schema(description = "Known-content hash lists the content is on")
            List<KnownContentMatch> knownContent) {}

    /** A content URL's canonical form and the rule that made it. */
    @Schema(name = "SimulatedContent")
    public record SimulatedContent(String url, String canonicalUrl, String canonicalRule) {}

    @Schema(name = "SimulatedLocation")
    public record Location(
            String provinceCode, String provinceName, String communeCode, Resolution.Level level, List<String> notes) {}

    @Schema(name = "SimulatedAssignment")
    public record Unit(
            CaseRouted.Role role,
            String agencyCode,
            String agencyName,
            AgencyType agencyType,
            AgencyType requestedType,
            boolean registered) {}

    @Transactional
    public Result simulate(SimulationRequest request, String version) {
        validate(request);
        RoutingRules rules = version == null || version.isBlank()
                ? ruleSets.active()
                : ruleSets.byVersion(version.trim())
                        .orElseThrow(() -> ProblemException.notFound("No rule set " + version + "."));
        SimulationRequest.Location l = request.location();
        Resolution where = l == null
                ? locations.resolve(null, null, null, null)
                : locations.resolve(l.provinceCode(), l.communeCode(), l.districtCode(), l.wardCode());
        ReportReceived report = asReport(request);
        ContentIdentity identity = rules.ruleSet().contentIdentity();
        Instant now = Instant.now(clock);
        List<CaseContent> content = CaseRoutingService.content(report, identity, now);
        ContentIdentityService.Lookup lookup = contentIdentity.lookUp(
                ContentKeys.of(content, identity), identity, now.minus(config.duplicateWindow()));
        List<KnownContentMatch> known = lookup.known();
        DuplicateMatch duplicate = lookup.duplicate().orElse(null);
        RoutingDecision decision = rules.decide(ReportFacts.of(report).withKnownContent(known));
        Jurisdiction.Plan plan =
                new Jurisdiction(agencies.activeOn(LocalDate.ofInstant(now, config.timeZone()))).plan(decision, where);
        List<String> explanation = new ArrayList<>(CaseRoutingService.explain(where, decision, plan));
        if (duplicate != null) {
            explanation.add(
                    0,
                    "duplicate: would join open case " + duplicate.caseId() + " (" + duplicate.matchedBy()
                            + ") instead of opening one");
        }
        return new Result(
                decision.ruleSetVersion(),
                decision.ruleId(),
                new Location(
                        where.provinceCode(), where.provinceName(), where.communeCode(), where.level(), where.notes()),
                plan.assignments().stream()
                        .map(a -> new Unit(
                                a.role(),
                                a.unit().agencyCode(),
                                a.unit().agencyName(),
                                a.unit().agencyType(),
                                a.unit().requestedType(),
                                a.unit().registered()))
                        .toList(),
                format(decision.ackWithin()),
                decision.liaisonRequired(),
                decision.takedownRequired(),
                decision.takedownUrls(),
                explanation,
                content.stream()
                        .filter(c -> c.url != null)
                        .map(c -> new SimulatedContent(c.url, c.canonicalUrl, c.canonicalRule))
                        .toList(),
                duplicate,
                known);
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
        if (request.content() != null) {
            for (int i = 0; i < request.content().size(); i++) {
                SimulationRequest.Content c = request.content().get(i);
                if (c != null && c.pdq() != null && !Pdq.isHex(c.pdq())) {
                    errors.add(new Problem.FieldError("/content/" + i + "/pdq", "must be 64 hex digits"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " field(s) of the request are invalid.", errors);
        }
    }

    /** The routing facts of the body, as intake would publish them (no identity). */
    static ReportReceived asReport(SimulationRequest r) {
        SimulationRequest.Victim v = r.victim();
        boolean victimGiven = v != null
                && (v.ageYears() != null
                        || v.gender() != null
                        || (v.name() != null && !v.name().isBlank())
                        || (v.school() != null && !v.school().isBlank()));
        boolean schoolGiven = v != null && v.school() != null && !v.school().isBlank();
        SimulationRequest.Location l = r.location();
        return new ReportReceived(
                UUID.randomUUID(),
                Instant.now(),
                r.source() == null ? null : r.source().channel(),
                r.category(),
                r.urgency(),
                null,
                l == null
                        ? null
                        : new ReportReceived.Location(
                                l.provinceCode(), l.communeCode(), l.districtCode(), l.wardCode()),
                new ReportReceived.Victim(
                        victimGiven, v == null ? null : v.ageYears(), v == null ? null : v.gender(), schoolGiven),
                r.reporter() == null ? null : r.reporter().relationship(),
                r.content() == null
                        ? List.of()
                        : r.content().stream()
                                .filter(c -> c != null)
                                .map(c -> new ReportReceived.ContentItem(
                                        c.url(), c.platform(), c.sha256(), c.md5(), c.pdq(), c.pdqQuality()))
                                .toList());
    }

    private static String format(Duration d) {
        return d.toString();
    }
}
