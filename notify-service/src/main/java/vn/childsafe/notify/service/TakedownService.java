package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.notify.config.TakedownConfig;
import vn.childsafe.notify.contact.ContactPointRepository;
import vn.childsafe.notify.delivery.Delivery;
import vn.childsafe.notify.delivery.DeliveryRepository;
import vn.childsafe.notify.domain.AlertPayload;
import vn.childsafe.notify.domain.CaseAgency;
import vn.childsafe.notify.domain.CaseFacts;
import vn.childsafe.notify.domain.DeliveryChannel;
import vn.childsafe.notify.domain.DeliveryState;
import vn.childsafe.notify.domain.PlatformDomains;
import vn.childsafe.notify.domain.TargetRole;
import vn.childsafe.notify.platform.PlatformRepository;
import vn.childsafe.notify.takedown.CaseContentUrl;
import vn.childsafe.notify.takedown.ManualTask;
import vn.childsafe.notify.takedown.ManualTaskRepository;
import vn.childsafe.notify.takedown.TakedownNotice;
import vn.childsafe.notify.takedown.TakedownRequest;
import vn.childsafe.notify.takedown.TakedownRequestRepository;

/**
 * Drives platform takedowns to a result (yêu cầu gỡ bỏ nội dung, Nghị định 147/2024/NĐ-CP):
 * <ol>
 * <li>each content URL of a case goes to the platform whose domain matches, as a signed request with the legal
 * basis and a 24 h deadline (a TAKEDOWN delivery, retried like any alert) → TAKEDOWN_REQUESTED; a URL no platform
 * matches becomes a manual task for the case's information unit → MANUAL_TASK_CREATED;</li>
 * <li>the platform posts its result → TAKEDOWN_RESULT ({@link TakedownResultService});</li>
 * <li>without a result by the deadline, the request is noticed again every 24 h → TAKEDOWN_RENOTICED, and the
 * first time it is escalated to the information unit (an alert on every channel) → TAKEDOWN_ESCALATED.</li>
 * </ol>
 * Every step is a NotifyEvent written in the transaction of the change, for the case timeline in routing.
 */
@ApplicationScoped
public class TakedownService {

    /** Requests noticed per transaction; a full batch means more may be overdue. */
    public static final int NOTICE_BATCH = 100;

    private static final Logger LOG = Logger.getLogger(TakedownService.class);

    @Inject
    TakedownRequestRepository requests;

    @Inject
    ManualTaskRepository manualTasks;

    @Inject
    PlatformRepository platforms;

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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, List<String>> domains = platforms.domainsByCode();
        String informationAgency = assignments.stream()
                .filter(a -> "INFORMATION_PROVINCE".equals(a.agencyType()))
                .map(CaseAgency::agencyCode)
                .findFirst()
                .orElse(config.nationalInformationAgency());
        int created = 0;
        for (String url : new LinkedHashSet<>(urls)) {
            if (url == null
                    || url.isBlank()
                    || url.length() > 2048
                    || requests.existsFor(facts.caseId(), url)
                    || manualTasks.existsFor(facts.caseId(), url)) {
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

    private int request(
            String eventId, CaseFacts facts, String url, String platformCode, String informationAgency, Instant now) {
        TakedownRequest request = newFor(new TakedownRequest(), eventId, facts, url);
        request.platformCode = platformCode;
        request.informationAgency = informationAgency;
        request.category = facts.category() == null ? null : facts.category().name();
        request.urgency = facts.urgency() == null ? null : facts.urgency().name();
        request.provinceCode = facts.provinceCode();
        request.communeCode = facts.communeCode();
        request.requestedAt = now;
        request.deadline = now.plus(config.deadline());
        request.notices = 1;
        request.nextNoticeAt = request.deadline;
        requests.persist(request);
        persistNotice(request, now);
        notifyEvents.publish(NotifyEvent.takedownRequested(
                request.caseId,
                now,
                "Đã gửi yêu cầu gỡ bỏ nội dung tới nền tảng " + platformCode + " theo " + config.legalBasis()
                        + ", hạn xử lý " + request.deadline,
                platformCode,
                request.id,
                url,
                request.deadline));
        LOG.infof("Takedown request %s for case %s sent to platform %s", request.id, request.caseId, platformCode);
        return 1;
    }

    /** {@code entity} with a fresh id, for {@code url} of the case, as event {@code eventId} asked. */
    private static <T extends CaseContentUrl> T newFor(T entity, String eventId, CaseFacts facts, String url) {
        entity.id = UUID.randomUUID();
        entity.caseId = facts.caseId();
        entity.eventId = eventId;
        entity.url = url;
        return entity;
    }

    private static Lane laneOf(TakedownRequest request) {
        return Lane.of(request.urgency == null ? null : Urgency.valueOf(request.urgency));
    }

    /** A TAKEDOWN delivery carrying notice number {@code request.notices}. */
    private void persistNotice(TakedownRequest request, Instant now) {
        TakedownNotice notice = TakedownNotice.of(request, config.legalBasis());
        Delivery delivery = AlertDeliveries.newDelivery(
                laneOf(request),
                "takedown:" + request.id + ":" + request.notices,
                request.caseId,
                request.platformCode,
                TargetRole.PLATFORM,
                toJson(notice),
                now);
        delivery.channel = DeliveryChannel.TAKEDOWN;
        delivery.state = DeliveryState.PENDING;
        delivery.nextAttemptAt = now;
        deliveries.persist(delivery);
    }

    private int manualTask(String eventId, CaseFacts facts, String url, String agencyCode, Instant now) {
        ManualTask task = newFor(new ManualTask(), eventId, facts, url);
        task.agencyCode = agencyCode;
        task.reason = "Không nền tảng đã đăng ký nào quản lý tên miền của đường dẫn này; cần xử lý thủ công.";
        task.createdAt = now;
        manualTasks.persist(task);
        notifyEvents.publish(NotifyEvent.manualTaskCreated(
                facts.caseId(),
                now,
                "Đường dẫn không thuộc nền tảng nào đã đăng ký: giao " + agencyCode + " xử lý thủ công",
                agencyCode,
                url));
        return escalate("takedown.manual-task", "manual-task:" + task.id, facts, agencyCode, now);
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
        List<TakedownRequest> overdue = requests.lockOverdue(now, NOTICE_BATCH);
        for (TakedownRequest request : overdue) {
            request.notices++;
            Instant next = request.nextNoticeAt.plus(config.renoticeInterval());
            request.nextNoticeAt = next.isAfter(now) ? next : now.plus(config.renoticeInterval());
            persistNotice(request, now);
            notifyEvents.publish(NotifyEvent.takedownRenoticed(
                    request.caseId,
                    now,
                    "Nền tảng " + request.platformCode + " chưa báo kết quả gỡ bỏ sau hạn " + request.deadline
                            + ": đã gửi nhắc lần " + (request.notices - 1),
                    request.platformCode,
                    request.id,
                    request.url,
                    request.deadline));
            if (request.escalatedAt == null) {
                request.escalatedAt = now;
                notifyEvents.publish(NotifyEvent.takedownEscalated(
                        request.caseId,
                        now,
                        "Yêu cầu gỡ bỏ quá hạn 24 giờ: đã báo cáo " + request.informationAgency,
                        request.informationAgency,
                        request.platformCode,
                        request.id,
                        request.url,
                        request.deadline));
                escalate(
                        "takedown.escalated",
                        "takedown:" + request.id + ":escalation",
                        factsOf(request),
                        request.informationAgency,
                        now);
            }
            LOG.infof(
                    "Takedown request %s of case %s is overdue: notice %d sent to platform %s",
                    request.id, request.caseId, request.notices, request.platformCode);
        }
        return overdue.size();
    }

    /** Alerts {@code agencyCode}, the unit that handles the case's online content, about one of its takedowns. */
    private int escalate(String alertType, String eventId, CaseFacts facts, String agencyCode, Instant now) {
        return alertDeliveries.create(
                Lane.of(facts.urgency()),
                eventId,
                facts.caseId(),
                agencyCode,
                TargetRole.ESCALATION,
                toJson(AlertPayload.escalation(alertType, facts, agencyCode, now)),
                contactPoints.findById(agencyCode));
    }

    /** The case facts a request copied from the case event that asked for it. */
    private static CaseFacts factsOf(TakedownRequest request) {
        return new CaseFacts(
                request.caseId,
                request.category == null ? null : Category.valueOf(request.category),
                request.urgency == null ? null : Urgency.valueOf(request.urgency),
                request.provinceCode,
                request.communeCode);
    }

    /** Runs {@link #noticeOverdue()} and sends what it created at once. */
    public int noticeOverdueAndSend() {
        int noticed = QuarkusTransaction.requiringNew().call(this::noticeOverdue);
        if (noticed > 0) {
            dispatcher.wakeUp();
        }
        return noticed;
    }

    private String toJson(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A takedown payload could not be serialised", e);
        }
    }
}
