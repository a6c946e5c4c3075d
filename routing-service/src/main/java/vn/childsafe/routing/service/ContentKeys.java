package vn.childsafe.routing.service;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import vn.childsafe.routing.cases.CaseContent;
import vn.childsafe.routing.domain.ContentIdentity;
import vn.childsafe.routing.domain.Pdq;

/**
 * What a report's content is looked up by (docs/routing-rules.md, section 7).
 *
 * @param canonicalUrls the distinct canonical URLs
 * @param hashes        the distinct sha256 and md5 values
 * @param pictures      the distinct PDQ hashes of usable quality
 */
public record ContentKeys(List<String> canonicalUrls, List<String> hashes, List<Pdq> pictures) {

    /** The keys of a report's content under the rule set's content identity. */
    public static ContentKeys of(List<CaseContent> content, ContentIdentity identity) {
        return new ContentKeys(
                content.stream()
                        .map(c -> c.canonicalUrl)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList(),
                content.stream()
                        .flatMap(c -> Stream.of(c.sha256, c.md5))
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList(),
                content.stream()
                        .filter(c -> c.pdq != null && identity.usable(c.pdqQuality))
                        .map(c -> Pdq.parse(c.pdq))
                        .distinct()
                        .toList());
    }

    /**
     * The advisory-lock keys that serialise reports with the same URL, hash or picture, so that two of them
     * consumed at once cannot both open a case. A near (not identical) picture is not covered: two near copies
     * routed in the same instant may open two cases, which stay linked by later reports.
     */
    public List<String> lockKeys() {
        return Stream.of(
                        canonicalUrls.stream(),
                        hashes.stream(),
                        pictures.stream().map(p -> "pdq:" + p))
                .flatMap(s -> s)
                .toList();
    }
}
