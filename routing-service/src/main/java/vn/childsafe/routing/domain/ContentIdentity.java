package vn.childsafe.routing.domain;

/**
 * How a rule set recognises the same content in different reports (docs/routing-rules.md, section 7): per-platform
 * URL canonicalisation and the PDQ thresholds.
 *
 * @param urls           the URL canonicalisation rules
 * @param pdqMaxDistance PDQ hashes at most this many bits apart show the same picture (0-{@value Pdq#MAX_DISTANCE})
 * @param pdqMinQuality  hashes of lower PDQ quality (flat or blank images) are stored but never matched (0-100)
 */
public record ContentIdentity(UrlIdentityRules urls, int pdqMaxDistance, int pdqMinQuality) {

    /** The published PDQ match threshold. */
    public static final int DEFAULT_PDQ_MAX_DISTANCE = 31;
    /** Below this quality PDQ's authors advise not to trust a hash. */
    public static final int DEFAULT_PDQ_MIN_QUALITY = 50;

    public ContentIdentity {
        if (urls == null) {
            throw new IllegalArgumentException("content identity needs URL rules");
        }
        if (pdqMaxDistance < 0 || pdqMaxDistance > Pdq.MAX_DISTANCE) {
            throw new IllegalArgumentException("the PDQ distance must be 0-" + Pdq.MAX_DISTANCE);
        }
        if (pdqMinQuality < 0 || pdqMinQuality > 100) {
            throw new IllegalArgumentException("the PDQ quality must be 0-100");
        }
    }

    /** Generic URL canonicalisation only, default thresholds. */
    public static ContentIdentity generic() {
        return new ContentIdentity(UrlIdentityRules.genericOnly(), DEFAULT_PDQ_MAX_DISTANCE, DEFAULT_PDQ_MIN_QUALITY);
    }

    /** Whether a hash of this quality may be matched; a hash sent without quality is trusted. */
    public boolean usable(Integer pdqQuality) {
        return pdqQuality == null || pdqQuality >= pdqMinQuality;
    }
}
