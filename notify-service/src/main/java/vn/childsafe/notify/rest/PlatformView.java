package vn.childsafe.notify.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.notify.platform.Platform;

/** A platform as admins see it: secrets only as fingerprints. */
@Schema(name = "Platform")
public record PlatformView(
        String code,
        String name,
        List<String> domains,
        String takedownUrl,
        int secretCount,
        List<String> secretFingerprints,
        Instant createdAt,
        Instant updatedAt) {

    static PlatformView of(Platform p) {
        return new PlatformView(
                p.code,
                p.name,
                List.copyOf(p.domains),
                p.takedownUrl,
                p.secretFingerprints.size(),
                List.copyOf(p.secretFingerprints),
                p.createdAt,
                p.updatedAt);
    }
}
