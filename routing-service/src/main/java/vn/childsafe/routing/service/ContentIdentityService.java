package vn.childsafe.routing.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.DuplicateMatch;
import vn.childsafe.routing.domain.ContentIdentity;
import vn.childsafe.routing.domain.KnownContentMatch;
import vn.childsafe.routing.hashlists.HashListRepository;

/**
 * Looks a report's content up (docs/routing-rules.md, section 7): the known-content hash lists it is on, and the
 * open case in the duplicate window holding the same content (canonical URL or exact hash first, else the nearest
 * usable PDQ). Timed as {@code childsafe.routing.content.lookup}, with percentiles, for routing and simulation alike.
 */
@ApplicationScoped
public class ContentIdentityService {

    @Inject
    CaseRepository cases;

    @Inject
    HashListRepository hashLists;

    private final Timer lookups;

    @Inject
    ContentIdentityService(MeterRegistry meters) {
        lookups = Timer.builder("childsafe.routing.content.lookup")
                .description("Looking a report's content up in the hash lists and the open cases")
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(meters);
    }

    /** What a report's content matches. */
    public record Lookup(List<KnownContentMatch> known, Optional<DuplicateMatch> duplicate) {}

    /** Looks {@code keys} up among the hash lists and the open cases created at or after {@code since}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Lookup lookUp(ContentKeys keys, ContentIdentity identity, Instant since) {
        Timer.Sample sample = Timer.start();
        try {
            List<KnownContentMatch> known =
                    hashLists.matches(keys.hashes(), keys.pictures(), identity.pdqMaxDistance());
            Optional<DuplicateMatch> duplicate = cases.openCaseWithContent(keys.canonicalUrls(), keys.hashes(), since)
                    .or(() -> keys.pictures().stream()
                            .map(pdq -> cases.openCaseWithPicture(
                                    pdq, identity.pdqMaxDistance(), identity.pdqMinQuality(), since))
                            .flatMap(Optional::stream)
                            .findFirst());
            return new Lookup(known, duplicate);
        } finally {
            sample.stop(lookups);
        }
    }
}
