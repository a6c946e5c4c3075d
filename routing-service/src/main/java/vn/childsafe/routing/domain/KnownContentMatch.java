package vn.childsafe.routing.domain;

import java.util.Locale;

import vn.childsafe.commons.domain.Category;

/**
 * A report's content found on an imported known-content hash list (danh sách mã băm nội dung đã biết), such as a
 * national or hotline list of abuse material (docs/routing-rules.md, section 7). Only the list's name, source and
 * category leave the routing service; its hashes never do.
 *
 * @param listName  the list's name, e.g. {@code iwf-2026-11}
 * @param source    who publishes the list, e.g. {@code IWF}
 * @param category  the category the list gives its content
 * @param hashKind  {@code SHA256}, {@code MD5} or {@code PDQ}
 * @param distance  for PDQ, the Hamming distance to the listed hash; else null
 */
public record KnownContentMatch(String listName, String source, Category category, String hashKind, Integer distance) {

    /** "sha256 on list iwf-2026-11 (IWF, CSAM)", "PDQ at distance 12 on list …". */
    public String describe() {
        return (distance == null ? hashKind.toLowerCase(Locale.ROOT) : "PDQ at distance " + distance) + " on list "
                + listName + " (" + source + ", " + category + ")";
    }
}
