package vn.childsafe.routing.agency;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the agency register.
 *
 * @param items agencies in code order
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total agencies over all pages
 */
@Schema(name = "AgencyPage")
public record AgencyPage(List<AgencyView> items, int page, int size, long total) {}
