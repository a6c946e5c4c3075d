package vn.childsafe.routing.cases;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the case list.
 *
 * @param items cases, newest first
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total cases over all pages
 */
@Schema(name = "CasePage")
public record CasePage(List<CaseSummary> items, int page, int size, long total) {}
