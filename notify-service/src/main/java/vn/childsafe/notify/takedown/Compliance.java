package vn.childsafe.notify.takedown;

/** How well one platform meets the takedown deadline (docs/guide-platforms.md). */
public record Compliance(
        String platformCode,
        String platformName,
        long requests,
        long answered,
        long removedWithinDeadline,
        Double removedWithinDeadlinePercent,
        Long medianSecondsToRemoval,
        Long p90SecondsToRemoval) {}
