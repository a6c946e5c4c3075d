package vn.childsafe.routing.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.domain.ContentIdentity;
import vn.childsafe.routing.domain.RoutingRules;
import vn.childsafe.routing.domain.RuleSet;
import vn.childsafe.routing.rules.RuleSetDefinition;
import vn.childsafe.routing.rules.RuleSetRepository;
import vn.childsafe.routing.rules.RuleSetRepository.StoredRuleSet;

/**
 * Versioned rule sets stored as JSON: seeds the shipped default (docs/routing-rules.md, section 2) on start, serves the active set to
 * routing (every instance reads which version is active from the database, so an activation reaches all of them),
 * and lets admins add drafts and activate them. Stored definitions never change, so parsed sets are cached by
 * version.
 */
@ApplicationScoped
public class RuleSetService {

    private static final Logger LOG = Logger.getLogger(RuleSetService.class);
    private static final String SHIPPED_IDENTITY = "/rules/content-identity.json";

    @Inject
    RuleSetRepository repository;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Clock clock;

    private final Map<String, RoutingRules> parsed = new ConcurrentHashMap<>();

    private volatile ContentIdentity shippedIdentity;

    /** A stored rule set, without or with its definition. */
    @Schema(name = "RuleSet")
    public record RuleSetView(
            String version,
            String status,
            String description,
            Instant createdAt,
            String createdBy,
            Instant activatedAt,
            RuleSetDefinition definition) {}

    /**
     * The content identity shipped with the service: the platform URL rules of
     * {@value #SHIPPED_IDENTITY} and the default PDQ thresholds. Rule sets that define none use it.
     */
    public ContentIdentity shippedIdentity() {
        if (shippedIdentity == null) {
            try (InputStream in = RuleSetService.class.getResourceAsStream(SHIPPED_IDENTITY)) {
                List<Problem.FieldError> errors = new ArrayList<>();
                ContentIdentity identity = objectMapper
                        .readValue(in, RuleSetDefinition.ContentIdentityDefinition.class)
                        .toContentIdentity(errors);
                if (identity == null) {
                    throw new IllegalStateException(SHIPPED_IDENTITY + " is invalid: " + errors);
                }
                shippedIdentity = identity;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + SHIPPED_IDENTITY, e);
            }
        }
        return shippedIdentity;
    }

    /** The rule set shipped with the service: the rules of docs/routing-rules.md, section 2, and {@link #shippedIdentity()}. */
    public RuleSet shippedDefault() {
        RuleSet rules = RoutingRules.defaultRuleSet();
        return new RuleSet(rules.version(), rules.rules(), rules.policies(), shippedIdentity());
    }

    void seed(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(this::seedDefault);
        } catch (RuntimeException e) {
            // Another instance seeding at the same moment: its default is the same.
            LOG.infof("Default rule set not seeded here (%s); another instance did", e.toString());
        }
    }

    private void seedDefault() {
        RuleSet defaults = shippedDefault();
        repository.insertShippedDraft(
                defaults.version(),
                "Rules R1-R6, the default policies and the platform URL rules of docs/routing-rules.md, shipped with the service",
                json(RuleSetDefinition.of(defaults, null)),
                now());
        // A newer shipped default replaces an older one that no admin replaced; an admin's choice is kept.
        repository.lockAll();
        repository.retireActiveShippedOtherThan(defaults.version());
        boolean activated = repository.activateIfNoneActive(defaults.version(), now());
        if (activated) {
            LOG.infof("Rule set %s seeded and activated", defaults.version());
        }
    }

    /** The active rule set; the shipped default if none is active (never the case after start-up). */
    @Transactional
    public RoutingRules active() {
        return repository
                .active()
                .map(a -> parsed.computeIfAbsent(
                        a.version(), v -> new RoutingRules(parse(a.definition()).toRuleSet(shippedIdentity()))))
                .orElseGet(RoutingRules::defaults);
    }

    /** A stored rule set by version (draft, active or retired). */
    @Transactional
    public Optional<RoutingRules> byVersion(String version) {
        RoutingRules cached = parsed.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        return find(version)
                .map(v -> parsed.computeIfAbsent(
                        version, x -> new RoutingRules(v.definition().toRuleSet(shippedIdentity()))));
    }

    @Transactional
    public List<RuleSetView> list() {
        return repository.list().stream().map(r -> view(r, null)).toList();
    }

    @Transactional
    public RuleSetView get(String version) {
        return find(version).orElseThrow(() -> ProblemException.notFound("No rule set " + version + "."));
    }

    /** Stores a new draft; 400 with pointers if invalid, 409 if the version exists. */
    @Transactional
    public RuleSetView create(RuleSetDefinition definition, String actor) {
        if (definition == null) {
            throw ProblemException.badRequest("A rule set definition is required.", null);
        }
        RuleSet set;
        try {
            set = definition.toRuleSet(shippedIdentity());
        } catch (RuleSetDefinition.InvalidRuleSetException e) {
            throw ProblemException.badRequest(
                    "The rule set is invalid: " + e.errors().size() + " problem(s).", e.errors());
        }
        if (find(set.version()).isPresent()) {
            throw ProblemException.conflict(
                    "Rule set " + set.version() + " exists; stored rule sets never change, " + "create a new version.");
        }
        String description = definition.description() == null
                ? null
                : definition.description().strip();
        if (description != null && description.length() > 2000) {
            description = description.substring(0, 2000);
        }
        repository.insert(set.version(), description, json(RuleSetDefinition.of(set, description)), now(), actor);
        return get(set.version());
    }

    /** Makes a version the active one; the previously active one is RETIRED. */
    @Transactional
    public RuleSetView activate(String version) {
        RuleSetView target = get(version);
        if ("ACTIVE".equals(target.status())) {
            throw ProblemException.conflict("Rule set " + version + " is already active.");
        }
        // Serialises concurrent activations: both lock the table's rows in the same order.
        repository.lockAll();
        repository.retireActive();
        repository.activate(version, now());
        LOG.infof("Rule set %s activated", version);
        return get(version);
    }

    private Optional<RuleSetView> find(String version) {
        return repository.find(version).map(r -> view(r, parse(r.definition())));
    }

    private static RuleSetView view(StoredRuleSet row, RuleSetDefinition definition) {
        return new RuleSetView(
                row.version(),
                row.status(),
                row.description(),
                row.createdAt(),
                row.createdBy(),
                row.activatedAt(),
                definition);
    }

    private RuleSetDefinition parse(String json) {
        try {
            return objectMapper.readValue(json, RuleSetDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored rule set cannot be read", e);
        }
    }

    private String json(RuleSetDefinition definition) {
        try {
            return objectMapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
