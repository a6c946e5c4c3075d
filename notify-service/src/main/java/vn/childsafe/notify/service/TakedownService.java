package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.notify.config.TakedownConfig;
import vn.childsafe.notify.domain.AlertPayload;
import vn.childsafe.notify.domain.CaseAgency;
import vn.childsafe.notify.domain.CaseFacts;
import vn.childsafe.notify.domain.DeliveryChannel;
import vn.childsafe.notify.domain.DeliveryState;
import vn.childsafe.notify.domain.PlatformDomains;
import vn.childsafe.notify.domain.TakedownResult;
import vn.childsafe.notify.domain.TargetRole;
import vn.childsafe.notify.repository.ContactPointRepository;
import vn.childsafe.notify.repository.Delivery;
import vn.childsafe.notify.repository.DeliveryRepository;
import vn.childsafe.notify.repository.ManualTask;
import vn.childsafe.notify.repository.Platform;
import vn.childsafe.notify.repository.TakedownRequest;

/**
 * Drives platform takedowns to a result (yêu cầu gỡ bỏ nội dung, Nghị định 147/2024/NĐ-CP):
 * <ol>
 * <li>each content URL of a case goes to the platform whose domain matches, as a signed request with the legal
 * basis and a 24 h deadline (a TAKEDOWN delivery, retried like any alert) → TAKEDOWN_REQUESTED; a URL no platform
 * matches becomes a manual task for the case's information unit → MANUAL_TASK_CREATED;</li>
 * <li>the platform posts its result → TAKEDOWN_RESULT;</li>
 * <li>without a result by the deadline, the request is noticed again every 24 h → TAKEDOWN_RENOTICED, and the
 * first time it is escalated to the information unit (an alert on every channel) → TAKEDOWN_ESCALATED.</li>
 * </ol>
 * Every step is a NotifyEvent written in the transaction of the change, for the case timeline in routing.
 */
@ApplicationScoped
public class TakedownService {

    /** The takedown notice a platform receives (JSON, Standard Webhooks-signed). */
    public record TakedownNotice(String type, UUID takedownRequestId, UUID caseId, String platformCode, String url,
            String legalBasis, Instant requestedAt, Instant deadline, int notice, String resultEndpoint) {
    }

    /** Compliance of one platform. */
    public record Compliance(String platformCode, String platformName, long requests, long answered,
            long removedWithinDeadline, Double removedWithinDeadlinePercent, Long medianSecondsToRemoval,
            Long p90SecondsToRemoval) {
    }

    public static final String TYPE_REQUESTED = "takedown.requested";
    public static final String TYPE_RENOTICE = "takedown.renotice";
    private static final Logger LOG = Logger.getLogger(TakedownService.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TakedownConfig config;

    @Inject
    NotifyEvents notifyEvents;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    AlertDeliveries alertDeliveries;

    @Inject
    DeliveryDispatcher dispatcher;

    /**
     * Requests the takedown of {@code urls} for a case, in the case event's transaction. A URL already requested
     * (or already a manual task) for this case is skipped, so a URL named again by a later event is not sent twice.
     *
     * @return how many deliveries were created
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int onCaseEvent(String eventId, CaseFacts facts, List<String> urls, List<CaseAgency> assignments) {
        if (urls == null || urls.isEmpty()) {
            return 0;
        }
        // Microseconds, as PostgreSQL stores them: the times a platform receives are the times compared later.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Map<String, List<String>> domains = em.createQuery("SELECT p FROM Platform p", Platform.class)
                .getResultStream().collect(Collectors.toMap(p -> p.code, p -> p.domains));
        String informationAgency = assignments.stream()
                .filter(a -> "INFORMATION_PROVINCE".equals(a.agencyType())).map(CaseAgency::agencyCode)
                .findFirst().orElse(config.nationalInformationAgency());
        int created = 0;
        for (String url : new LinkedHashSet<>(urls)) {
            if (url == null || url.isBlank() || url.length() > 2048 || alreadyHandled(facts.caseId(), url)) {
                continue;
            }
            Optional<String> platform = PlatformDomains.match(url, domains);
            if (platform.isPresent()) {
                created += request(eventId, facts, url, platform.get(), informationAgency, now);
            } else {
                created += manualTask(eventId, facts, url, informationAgency, now);
            }
        }
        return created;
    }

    private boolean alreadyHandled(UUID caseId, String url) {
        return !em.createQuery("SELECT t.id FROM TakedownRequest t WHERE t.caseId = :c AND t.url = :u")
                .setParameter("c", caseId).setParameter("u", url).getResultList().isEmpty()
                || !em.createQuery("SELECT m.id FROM ManualTask m WHERE m.caseId = :c AND m.url = :u")
                        .setParameter("c", caseId).setParameter("u", url).getResultList().isEmpty();
    }

    private int request(String eventId, CaseFacts facts, String url, String platformCode, String informationAgency,
            Instant now) {
        TakedownRequest request = new TakedownRequest();
        request.id = UUID.randomUUID();
        request.caseId = facts.caseId();
        request.eventId = eventId;
        request.platformCode = platformCode;
        request.url = url;
        request.informationAgency = informationAgency;
        request.category = facts.category() == null ? null : facts.category().name();
        request.urgency = facts.urgency() == null ? null : facts.urgency().name();
        request.provinceCode = facts.provinceCode();
        request.communeCode = facts.communeCode();
        request.requestedAt = now;
        request.deadline = now.plus(config.deadline());
        request.notices = 1;
        request.nextNoticeAt = request.deadline;
        em.persist(request);
        persistNotice(request, now);
        notifyEvents.publish(NotifyEvent.takedownRequested(request.caseId, now,
                "Đã gửi yêu cầu gỡ bỏ nội dung tới nền tảng " + platformCode + " theo " + config.legalBasis()
                        + ", hạn xử lý " + request.deadline,
                platformCode, request.id, url, request.deadline));
        LOG.infof("Takedown request %s for case %s sent to platform %s", request.id, request.caseId, platformCode);
        return 1;
    }

    private static Lane laneOf(TakedownRequest request) {
        return Lane.of(request.urgency == null ? null : Urgency.valueOf(request.urgency));
    }

    /** A TAKEDOWN delivery carrying notice number {@code request.notices}. */
    private void persistNotice(TakedownRequest request, Instant now) {
        TakedownNotice notice = new TakedownNotice(request.notices == 1 ? TYPE_REQUESTED : TYPE_RENOTICE,
                request.id, request.caseId, request.platformCode, request.url, config.legalBasis(),
                request.requestedAt, request.deadline, request.notices,
                "/api/v1/takedown-requests/" + request.id + "/result");
        Delivery delivery = AlertDeliveries.newDelivery(laneOf(request),
                "takedown:" + request.id + ":" + request.notices, request.caseId, request.platformCode,
                TargetRole.PLATFORM, toJson(notice), now);
        delivery.channel = DeliveryChannel.TAKEDOWN;
        delivery.state = DeliveryState.PENDING;
        delivery.nextAttemptAt = now;
        deliveries.persist(delivery);
    }

    private int manualTask(String eventId, CaseFacts facts, String url, String agencyCode, Instant now) {
        ManualTask task = new ManualTask();
        task.id = UUID.randomUUID();
        task.caseId = facts.caseId();
        task.eventId = eventId;
        task.url = url;
        task.agencyCode = agencyCode;
        task.reason = "Không nền tảng đã đăng ký nào quản lý tên miền của đường dẫn này; cần xử lý thủ công.";
        task.createdAt = now;
        em.persist(task);
        notifyEvents.publish(NotifyEvent.manualTaskCreated(facts.caseId(), now,
                "Đường dẫn không thuộc nền tảng nào đã đăng ký: giao " + agencyCode + " xử lý thủ công",
                agencyCode, url));
        AlertPayload alert = new AlertPayload("takedown.manual-task", facts.caseId(), List.of(), agencyCode,
                TargetRole.ESCALATION, null, facts.category(), facts.urgency(), facts.provinceCode(),
                facts.communeCode(), null, null, now, List.of());
        return alertDeliveries.create(Lane.of(facts.urgency()), "manual-task:" + task.id, facts.caseId(),
                agencyCode, TargetRole.ESCALATION, toJson(alert), contactPoints.find(agencyCode).orElse(null));
    }

    /**
     * Re-notices every overdue request without a result and escalates those not yet escalated. Several instances
     * may run it: each request is locked ({@code SKIP LOCKED}) by one of them.
     *
     * @return how many requests were noticed
     */
    @Transactional
    public int noticeOverdue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<TakedownRequest> overdue = em.createNativeQuery("SELECT * FROM takedown_request WHERE result IS NULL "
                + "AND next_notice_at <= :now ORDER BY next_notice_at LIMIT 100 FOR UPDATE SKIP LOCKED",
                TakedownRequest.class).setParameter("now", now).getResultList();
        for (TakedownRequest request : overdue) {
            request.notices++;
            Instant next = request.nextNoticeAt.plus(config.renoticeInterval());
            request.nextNoticeAt = next.isAfter(now) ? next : now.plus(config.renoticeInterval());
            persistNotice(request, now);
            notifyEvents.publish(NotifyEvent.takedownRenoticed(request.caseId, now,
                    "Nền tảng " + request.platformCode + " chưa báo kết quả gỡ bỏ sau hạn " + request.deadline
                            + ": đã gửi nhắc lần " + (request.notices - 1),
                    request.platformCode, request.id, request.url, request.deadline));
            if (request.escalatedAt == null) {
                request.escalatedAt = now;
                notifyEvents.publish(NotifyEvent.takedownEscalated(request.caseId, now,
                        "Yêu cầu gỡ bỏ quá hạn 24 giờ: đã báo cáo " + request.informationAgency,
                        request.informationAgency, request.platformCode, request.id, request.url,
                        request.deadline));
                AlertPayload alert = new AlertPayload("takedown.escalated", request.caseId, List.of(),
                        request.informationAgency, TargetRole.ESCALATION, null,
                        request.category == null ? null : Category.valueOf(request.category),
                        request.urgency == null ? null : Urgency.valueOf(request.urgency), request.provinceCode,
                        request.communeCode, null, null, now, List.of());
                alertDeliveries.create(laneOf(request), "takedown:" + request.id + ":escalation", request.caseId,
                        request.informationAgency, TargetRole.ESCALATION, toJson(alert),
                        contactPoints.find(request.informationAgency).orElse(null));
            }
            LOG.infof("Takedown request %s of case %s is overdue: notice %d sent to platform %s", request.id,
                    request.caseId, request.notices, request.platformCode);
        }
        return overdue.size();
    }

    /** Runs {@link #noticeOverdue()} and sends what it created at once. */
    public int noticeOverdueAndSend() {
        int noticed = QuarkusTransaction.requiringNew().call(this::noticeOverdue);
        if (noticed > 0) {
            dispatcher.wakeUp();
        }
        return noticed;
    }

    /**
     * Records a platform's result. Only the platform the request went to may post it (another gets 404, as if
     * the request did not exist). Posting the same result again is harmless; a different one is a 409.
     */
    @Transactional
    public TakedownRequest recordResult(String platformCode, UUID id, TakedownResult result, Instant actedAt,
            String note) {
        TakedownRequest request = em.find(TakedownRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || platformCode == null || !platformCode.equals(request.platformCode)) {
            throw ProblemException.notFound("No takedown request " + id + " for this platform.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        if (result == null) {
            errors.add(new Problem.FieldError("/result", "is required: REMOVED, RESTRICTED, REJECTED or NOT_FOUND"));
        }
        if (actedAt == null) {
            errors.add(new Problem.FieldError("/actedAt", "is required"));
        } else if (actedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError("/actedAt", "must not be in the future"));
        } else if (actedAt.isBefore(request.requestedAt.minus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError("/actedAt", "must not be before the request was sent ("
                    + request.requestedAt + ")"));
        }
        if (note != null && note.length() > 2000) {
            errors.add(new Problem.FieldError("/note", "at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " field(s) of the result are invalid.", errors);
        }
        if (request.result != null) {
            if (request.result == result && request.actedAt.equals(actedAt)) {
                return request;
            }
            throw ProblemException.conflict("A result (" + request.result + ") was already recorded for this "
                    + "request at " + request.resultReceivedAt + ".");
        }
        request.result = result;
        request.actedAt = actedAt;
        request.resultNote = note;
        request.resultReceivedAt = now;
        request.nextNoticeAt = null;
        notifyEvents.publish(NotifyEvent.takedownResult(request.caseId, now,
                "Nền tảng " + platformCode + " báo kết quả " + result + " lúc " + actedAt
                        + (actedAt.isAfter(request.deadline) ? " (quá hạn)" : " (đúng hạn)"),
                platformCode, request.id, request.url, result.name(), request.deadline));
        return request;
    }

    /** Takedown requests of a case, oldest first. */
    @Transactional
    public List<TakedownRequest> ofCase(UUID caseId) {
        return em.createQuery("SELECT t FROM TakedownRequest t WHERE t.caseId = :c ORDER BY t.requestedAt, t.url",
                TakedownRequest.class).setParameter("c", caseId).getResultList();
    }

    /** Manual tasks, newest first, optionally of one case and/or one agency. */
    @Transactional
    public List<ManualTask> manualTasks(UUID caseId, String agencyCode, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT m FROM ManualTask m WHERE 1 = 1");
        if (caseId != null) {
            jpql.append(" AND m.caseId = :c");
        }
        if (agencyCode != null) {
            jpql.append(" AND m.agencyCode = :a");
        }
        var query = em.createQuery(jpql.append(" ORDER BY m.createdAt DESC").toString(), ManualTask.class)
                .setMaxResults(limit);
        if (caseId != null) {
            query.setParameter("c", caseId);
        }
        if (agencyCode != null) {
            query.setParameter("a", agencyCode);
        }
        return query.getResultList();
    }

    /**
     * Per platform: requests sent in [from, to), those answered, those removed or restricted within the deadline
     * (and their share of all requests), and the median and 90th percentile time from request to removal.
     */
    @Transactional
    public List<Compliance> compliance(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.code, p.name, count(t.id),
                       count(t.result),
                       count(t.id) FILTER (WHERE t.result IN ('REMOVED', 'RESTRICTED')
                                             AND t.acted_at <= t.deadline),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.acted_at - t.requested_at))
                           FILTER (WHERE t.result IN ('REMOVED', 'RESTRICTED')),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.acted_at - t.requested_at))
                           FILTER (WHERE t.result IN ('REMOVED', 'RESTRICTED'))
                FROM platform p
                LEFT JOIN takedown_request t ON t.platform_code = p.code
                     AND t.requested_at >= :from AND t.requested_at < :to
                GROUP BY p.code, p.name
                ORDER BY p.code""").setParameter("from", from).setParameter("to", to).getResultList();
        List<Compliance> result = new ArrayList<>();
        for (Object[] row : rows) {
            long requests = ((Number) row[2]).longValue();
            long removedInTime = ((Number) row[4]).longValue();
            result.add(new Compliance((String) row[0], (String) row[1], requests, ((Number) row[3]).longValue(),
                    removedInTime, requests == 0 ? null : Math.round(removedInTime * 1000.0 / requests) / 10.0,
                    row[5] == null ? null : Math.round(((Number) row[5]).doubleValue()),
                    row[6] == null ? null : Math.round(((Number) row[6]).doubleValue())));
        }
        return result;
    }

    private String toJson(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A takedown payload could not be serialised", e);
        }
    }
}
