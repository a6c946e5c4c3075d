package vn.childsafe.routing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.commons.outbox.Outbox;
import vn.childsafe.routing.agency.AgencyRepository;
import vn.childsafe.routing.cases.Assignment;
import vn.childsafe.routing.cases.CaseContent;
import vn.childsafe.routing.cases.CaseReport;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.DuplicateMatch;
import vn.childsafe.routing.cases.RoutingCase;
import vn.childsafe.routing.cases.TimelineEntry;
import vn.childsafe.routing.config.RoutingConfig;
import vn.childsafe.routing.domain.AgencyDirectory;
import vn.childsafe.routing.domain.AssignmentState;
import vn.childsafe.routing.domain.CaseStatus;
import vn.childsafe.routing.domain.ContentIdentity;
import vn.childsafe.routing.domain.Jurisdiction;
import vn.childsafe.routing.domain.KnownContentMatch;
import vn.childsafe.routing.domain.LocationResolver;
import vn.childsafe.routing.domain.Pdq;
import vn.childsafe.routing.domain.ReportFacts;
import vn.childsafe.routing.domain.Resolution;
import vn.childsafe.routing.domain.RoutingDecision;
import vn.childsafe.routing.domain.RoutingRules;
import vn.childsafe.routing.domain.UrlIdentityRules;

/**
 * Routes an accepted report (điều phối phản ánh): resolves its location, applies the rules, picks the units by
 * jurisdiction, stores the case with its assignments and appends {@code CaseRouted} to the outbox (in the case's
 * lane), in the consumer's transaction, which also holds the inbox entry that makes redelivery harmless.
 */
@ApplicationScoped
public class CaseRoutingService {

    /** Inbox consumer name of this service. */
    public static final String CONSUMER = "routing-service";
    /** Outbox aggregate type of case events. */
    public static final String CASE_AGGREGATE = "case";

    private static final Logger LOG = Logger.getLogger(CaseRoutingService.class);

    @Inject
    Outbox outbox;

    @Inject
    CaseRepository cases;

    @Inject
    AgencyRepository agencies;

    @Inject
    LocationResolver locations;

    @Inject
    RuleSetService ruleSets;

    @Inject
    DuplicateLinking duplicates;

    @Inject
    ContentIdentityService contentIdentity;

    @Inject
    RoutingConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    /** One timer per lane, built once: routing records one per report. */
    private final Map<Lane, Timer> routedLatency = new ConcurrentHashMap<>();

    /**
     * What routing needs for every report of a batch, loaded once per batch: the active rule set and the agency
     * register as of the routing day, remembering its answers.
     */
    public record Context(RoutingRules rules, AgencyDirectory agencies) {}

    /** The context for a batch of reports routed now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Context context() {
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), config.timeZone());
        return new Context(ruleSets.active(), agencies.activeOn(today).remembering());
    }

    /**
     * Routes one {@code reports.received.v1} event in the caller's transaction (the consumer's batch, which holds
     * the inbox entry); a failure rolls the whole batch back.
     *
     * @param eventId the event's {@code ce_id}, recorded with the report on its case
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RoutingResult route(String eventId, ReportReceived report, Context context) {
        Optional<UUID> existing = cases.caseIdOfReport(report.reportId());
        if (existing.isPresent()) {
            LOG.infof(
                    "Report %s arrived again under event %s; it is already in case %s",
                    report.reportId(), eventId, existing.get());
            return new RoutingResult(RoutingResult.Outcome.REPORT_ALREADY_ROUTED, existing.get());
        }

        // Microseconds: what PostgreSQL stores, so the event and a later read of the case agree to the digit.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        ContentIdentity identity = context.rules().ruleSet().contentIdentity();
        List<CaseContent> content = content(report, identity, now);
        ContentKeys keys = ContentKeys.of(content, identity);
        cases.lockContent(keys.lockKeys());
        ContentIdentityService.Lookup lookup =
                contentIdentity.lookUp(keys, identity, now.minus(config.duplicateWindow()));
        List<KnownContentMatch> known = lookup.known();
        ReportReceived effective = withKnownContent(report, known);
        Optional<DuplicateMatch> duplicate = lookup.duplicate();
        if (duplicate.isPresent()) {
            UUID caseId = duplicate.get().caseId();
            CaseReport link = caseReport(caseId, report, eventId, now);
            link.matchedBy = duplicate.get().matchedBy();
            if (duplicates.linkDuplicate(caseId, effective, link, content, known, now)) {
                LOG.infof("Report %s linked to open case %s (%s)", report.reportId(), caseId, link.matchedBy);
                meters.counter("childsafe.routing.reports.linked").increment();
                return new RoutingResult(RoutingResult.Outcome.LINKED, caseId);
            }
        }
        if (!known.isEmpty()) {
            LOG.infof(
                    "Report %s: content on known-content list(s) %s",
                    report.reportId(),
                    known.stream().map(KnownContentMatch::listName).distinct().toList());
            meters.counter("childsafe.routing.reports.known_content").increment();
        }
        Resolution where = resolve(report.location());
        RoutingDecision decision = context.rules().decide(ReportFacts.of(report).withKnownContent(known));
        Jurisdiction.Plan plan = new Jurisdiction(context.agencies()).plan(decision, where);

        RoutingCase routingCase = newCase(effective, where, decision, plan, now);
        List<Assignment> assignments = assignments(routingCase.id, decision, plan, now);
        cases.persist(routingCase, caseReport(routingCase.id, report, eventId, now), assignments);
        content.forEach(item -> {
            item.caseId = routingCase.id;
            cases.persist(item);
        });
        cases.addTimeline(TimelineEntry.of(
                routingCase.id,
                now,
                "ROUTED",
                CaseChanges.SYSTEM,
                "điều phối theo quy tắc " + decision.ruleId() + " của bộ quy tắc " + decision.ruleSetVersion()
                        + ", đơn vị chủ trì " + assignments.get(0).agencyCode,
                assignments.get(0).id));
        outbox.append(
                Lane.of(routingCase.urgency),
                EventTypes.CASES_TOPIC,
                CASE_AGGREGATE,
                routingCase.id.toString(),
                EventTypes.CASE_ROUTED,
                caseRouted(routingCase, report, assignments, known));

        Assignment lead = assignments.get(0);
        LOG.infof(
                "Report %s routed: case %s, rule %s/%s, province %s, lead %s (%s)",
                report.reportId(),
                routingCase.id,
                decision.ruleSetVersion(),
                decision.ruleId(),
                where.provinceCode(),
                lead.agencyCode,
                lead.agencyType);
        meters.counter("childsafe.routing.cases.routed", "rule", decision.ruleId(), "lead_type", lead.agencyType.name())
                .increment();
        routedLatency
                .computeIfAbsent(
                        Lane.of(routingCase.urgency),
                        lane -> Timer.builder("childsafe.report.routed.latency")
                                .description("From intake's acceptance of a report to its case being routed")
                                .tag("lane", lane.name().toLowerCase(Locale.ROOT))
                                .publishPercentileHistogram()
                                .register(meters))
                .record(Duration.between(report.receivedAt(), now));
        return new RoutingResult(RoutingResult.Outcome.ROUTED, routingCase.id);
    }

    private Resolution resolve(ReportReceived.Location location) {
        return location == null
                ? locations.resolve(null, null, null, null)
                : locations.resolve(
                        location.provinceCode(), location.communeCode(), location.districtCode(), location.wardCode());
    }

    private static RoutingCase newCase(
            ReportReceived report, Resolution where, RoutingDecision decision, Jurisdiction.Plan plan, Instant now) {
        RoutingCase routingCase = new RoutingCase();
        routingCase.id = UUID.randomUUID();
        routingCase.status = CaseStatus.ROUTED;
        routingCase.category = report.category();
        routingCase.urgency = decision.urgency();
        routingCase.provinceCode = where.provinceCode();
        routingCase.provinceName = where.provinceName();
        routingCase.communeCode = where.communeCode();
        routingCase.locationLevel = where.level();
        routingCase.locationNotes = new ArrayList<>(where.notes());
        routingCase.ruleSetVersion = decision.ruleSetVersion();
        routingCase.ruleId = decision.ruleId();
        routingCase.liaisonRequired = decision.liaisonRequired();
        routingCase.takedownRequired = decision.takedownRequired();
        routingCase.takedownUrls = new ArrayList<>(decision.takedownUrls());
        routingCase.explanation = explain(where, decision, plan);
        routingCase.createdAt = now;
        routingCase.routedAt = now;
        routingCase.updatedAt = now;
        routingCase.victimGiven = report.victim() != null && report.victim().given();
        return routingCase;
    }

    /** Why a report goes where it goes: location, rule, policies, every fallback; one line each. */
    public static List<String> explain(Resolution where, RoutingDecision decision, Jurisdiction.Plan plan) {
        List<String> explanation = new ArrayList<>();
        explanation.add(describe(where));
        where.notes().forEach(note -> explanation.add("location: " + note));
        explanation.addAll(decision.explanation());
        explanation.addAll(plan.explanation());
        return explanation;
    }

    private static String describe(Resolution where) {
        return switch (where.level()) {
            case NONE -> "location: none resolved, routed to national units";
            case PROVINCE -> "location: province " + where.provinceCode() + " (" + where.provinceName() + ")";
            case COMMUNE ->
                "location: province " + where.provinceCode() + " (" + where.provinceName() + "), commune "
                        + where.communeCode();
        };
    }

    private static List<Assignment> assignments(
            UUID caseId, RoutingDecision decision, Jurisdiction.Plan plan, Instant now) {
        List<Assignment> assignments = new ArrayList<>();
        for (Jurisdiction.PlannedAssignment planned : plan.assignments()) {
            Assignment assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.caseId = caseId;
            assignment.position = assignments.size();
            assignment.agencyCode = planned.unit().agencyCode();
            assignment.agencyName = planned.unit().agencyName();
            assignment.agencyType = planned.unit().agencyType();
            assignment.requestedType = planned.unit().requestedType();
            assignment.role = planned.role();
            assignment.ackDeadline = now.plus(decision.ackWithin());
            assignment.state = AssignmentState.PENDING;
            assignment.createdAt = now;
            assignments.add(assignment);
        }
        return assignments;
    }

    /**
     * The report as routing treats it once its content was found on hash lists: the first list's category and
     * urgency at least {@link ReportFacts#KNOWN_CONTENT_URGENCY}.
     */
    static ReportReceived withKnownContent(ReportReceived report, List<KnownContentMatch> known) {
        if (known.isEmpty()) {
            return report;
        }
        ReportFacts facts = ReportFacts.of(report).withKnownContent(known);
        return new ReportReceived(
                report.reportId(),
                report.receivedAt(),
                report.sourceChannel(),
                facts.category(),
                facts.urgency(),
                report.occurredAt(),
                report.location(),
                report.victim(),
                report.reporterRelationship(),
                report.content());
    }

    /** The report's content, canonicalised by the rule set's URL rules; hashes in lower case. */
    public static List<CaseContent> content(ReportReceived report, ContentIdentity identity, Instant now) {
        List<CaseContent> items = new ArrayList<>();
        if (report.content() == null) {
            return items;
        }
        for (ReportReceived.ContentItem item : report.content()) {
            if (item == null) {
                continue;
            }
            CaseContent content = new CaseContent();
            content.reportId = report.reportId();
            content.url = item.url() == null || item.url().isBlank()
                    ? null
                    : item.url().strip();
            UrlIdentityRules.Canonical canonical = identity.urls().canonicalize(item.url());
            if (canonical != null) {
                content.canonicalUrl = canonical.form();
                content.canonicalRule = canonical.ruleId();
            }
            content.sha256 = hash(item.sha256());
            content.md5 = hash(item.md5());
            Pdq pdq = Pdq.isHex(hash(item.pdq())) ? Pdq.parse(item.pdq()) : null;
            if (pdq != null) {
                content.pdq = pdq.toString();
                content.pdqQuality = item.pdqQuality();
                content.pdqBands = pdq.bandKeys();
            }
            content.platform = platform(item.platform(), content.canonicalUrl);
            content.createdAt = now;
            if (content.url != null || content.sha256 != null || content.md5 != null || content.pdq != null) {
                items.add(content);
            }
        }
        return items;
    }

    private static String platform(String platform, String canonicalUrl) {
        if (platform != null && !platform.isBlank()) {
            String p = platform.strip().toLowerCase(Locale.ROOT);
            return p.length() <= 100 ? p : p.substring(0, 100);
        }
        if (canonicalUrl == null) {
            return null;
        }
        int slash = canonicalUrl.indexOf('/');
        String host = slash < 0 ? canonicalUrl : canonicalUrl.substring(0, slash);
        return host.length() <= 100 ? host : host.substring(0, 100);
    }

    private static String hash(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static CaseReport caseReport(UUID caseId, ReportReceived report, String eventId, Instant now) {
        CaseReport caseReport = new CaseReport();
        caseReport.reportId = report.reportId();
        caseReport.caseId = caseId;
        caseReport.receivedAt = report.receivedAt();
        caseReport.sourceChannel = report.sourceChannel();
        caseReport.eventId = eventId;
        caseReport.linkedAt = now;
        return caseReport;
    }

    private static CaseRouted caseRouted(
            RoutingCase routingCase,
            ReportReceived report,
            List<Assignment> assignments,
            List<KnownContentMatch> known) {
        return new CaseRouted(
                routingCase.id,
                routingCase.status.name(),
                List.of(report.reportId()),
                routingCase.routedAt,
                routingCase.category,
                routingCase.urgency,
                routingCase.provinceCode,
                routingCase.communeCode,
                routingCase.ruleSetVersion,
                routingCase.ruleId,
                assignments.stream()
                        .map(a -> new CaseRouted.Assignment(
                                a.id, a.agencyCode, a.agencyName, a.agencyType.name(), a.role, a.ackDeadline))
                        .toList(),
                routingCase.liaisonRequired,
                routingCase.takedownRequired,
                List.copyOf(routingCase.takedownUrls),
                known.stream().map(KnownContentMatch::listName).distinct().toList());
    }
}
