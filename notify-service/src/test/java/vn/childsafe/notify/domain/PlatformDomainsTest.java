package vn.childsafe.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlatformDomainsTest {

    private static final Map<String, List<String>> PLATFORMS = Map.of(
            "TIKTOK", List.of("tiktok.com"),
            "META", List.of("facebook.com", "fb.watch"),
            "YT", List.of("youtube.com", "youtu.be"),
            "YTKIDS", List.of("kids.youtube.com"));

    @Test
    void hostsAreCanonicalisedBeforeMatching() {
        assertThat(PlatformDomains.canonicalHost("HTTPS://WWW.TikTok.com/@a/video/1"))
                .contains("tiktok.com");
        assertThat(PlatformDomains.canonicalHost("https://m.facebook.com./story.php?id=1"))
                .contains("facebook.com");
        assertThat(PlatformDomains.canonicalHost("tiktok.com/@a")).contains("tiktok.com");
        assertThat(PlatformDomains.canonicalHost("not a url")).isEmpty();
        assertThat(PlatformDomains.canonical("www.m.Facebook.com")).isEqualTo("facebook.com");
        assertThat(PlatformDomains.canonical("m.vn"))
                .as("a bare m.vn is a domain, not a prefix")
                .isEqualTo("m.vn");
    }

    @Test
    void subdomainsMatchTheirPlatformAndTheLongestDomainWins() {
        assertThat(PlatformDomains.match("https://vt.tiktok.com/ZSabc/", PLATFORMS))
                .contains("TIKTOK");
        assertThat(PlatformDomains.match("https://m.facebook.com/groups/1", PLATFORMS))
                .contains("META");
        assertThat(PlatformDomains.match("https://fb.watch/xyz", PLATFORMS)).contains("META");
        assertThat(PlatformDomains.match("https://kids.youtube.com/watch?v=1", PLATFORMS))
                .contains("YTKIDS");
        assertThat(PlatformDomains.match("https://www.youtube.com/watch?v=1", PLATFORMS))
                .contains("YT");
    }

    @Test
    void lookAlikeHostsDoNotMatch() {
        assertThat(PlatformDomains.match("https://nottiktok.com/a", PLATFORMS)).isEmpty();
        assertThat(PlatformDomains.match("https://tiktok.com.evil.vn/a", PLATFORMS))
                .isEmpty();
        assertThat(PlatformDomains.match("https://example.vn/?u=tiktok.com", PLATFORMS))
                .isEmpty();
    }

    @Test
    void registeredDomainsAreCheckedInCanonicalForm() {
        assertThat(PlatformDomains.isValidDomain("WWW.TikTok.com.")).isTrue();
        assertThat(PlatformDomains.isValidDomain("tiktokv.com")).isTrue();
        for (String domain : new String[] {null, "", "localhost", "tiktok.com/@x", "-bad.com", "a b.com"}) {
            assertThat(PlatformDomains.isValidDomain(domain))
                    .as(String.valueOf(domain))
                    .isFalse();
        }
    }
}
