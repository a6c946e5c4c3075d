package vn.childsafe.notify.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of deliveries, newest first (an object, so that paging fields can be added later). */
@Schema(name = "DeliveryList")
public record DeliveryList(List<DeliveryView> items) {}
