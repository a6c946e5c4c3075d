package vn.childsafe.routing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.outbox.Outbox;
import vn.childsafe.routing.cases.Assignment;
import vn.childsafe.routing.cases.CaseReport;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.RoutingCase;

/**
 * Appends a {@link CaseEvent} for a change of a case to the outbox (topic {@code cases.events.v1}, key = case id,
 * type = {@code kind.eventType()}), in the caller's transaction. The event carries the case's current status and
 * current assignments, so intake's status and access rights are right after applying the latest event alone.
 */
@ApplicationScoped
public class CaseEvents {

    @Inject
    Outbox outbox;

    @Inject
    CaseRepository cases;

    /** Appends the event of {@code change} to case {@code c}, whose assignments are {@code assignments}. */
    public void append(RoutingCase c, List<Assignment> assignments, CaseChange change) {
        CaseEvent event = new CaseEvent(
                c.id,
                change.kind(),
                c.status.name(),
                cases.reportsOf(c.id).stream().map((CaseReport r) -> r.reportId).toList(),
                change.at(),
                c.category,
                c.urgency,
                c.provinceCode,
                c.communeCode,
                assignments.stream()
                        .filter(a -> a.state.isCurrent())
                        .sorted((x, y) ->
                                x.role == y.role ? Integer.compare(x.position, y.position) : x.role.compareTo(y.role))
                        .map(a -> new CaseEvent.Assignment(
                                a.id,
                                a.agencyCode,
                                a.agencyName,
                                a.agencyType.name(),
                                a.role,
                                a.ackDeadline,
                                a.state.name()))
                        .toList(),
                change.alerts(),
                change.takedownUrls(),
                change.detail(),
                change.noteGiven(),
                change.actor());
        outbox.append(
                Lane.of(c.urgency),
                EventTypes.CASES_TOPIC,
                CaseRoutingService.CASE_AGGREGATE,
                c.id.toString(),
                change.kind().eventType(),
                event);
    }
}
