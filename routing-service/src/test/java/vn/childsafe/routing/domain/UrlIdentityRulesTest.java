package vn.childsafe.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.routing.domain.UrlIdentityRules.Canonical;
import vn.childsafe.routing.domain.UrlIdentityRules.PathRule;
import vn.childsafe.routing.domain.UrlIdentityRules.PlatformRule;

class UrlIdentityRulesTest {

    private static final UrlIdentityRules SHIPPED = load();

    private static UrlIdentityRules load() {
        try (InputStream in = UrlIdentityRulesTest.class.getResourceAsStream("/rules/content-identity.json")) {
            // The file also holds the PDQ thresholds; the URL rules are its platforms.
            ObjectMapper mapper = new ObjectMapper();
            return new UrlIdentityRules(mapper.convertValue(
                    mapper.readTree(in).get("platforms"), new TypeReference<List<PlatformRule>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per platform: the canonical form, and share variants of that one item that must all give it. */
    static Stream<Arguments> shareVariants() {
        return Stream.of(
                arguments(
                        "youtube",
                        "youtube.com/watch?v=dQw4w9WgXcQ",
                        List.of(
                                "https://youtu.be/dQw4w9WgXcQ?si=Xy12AbCdEfGh3456",
                                "youtu.be/dQw4w9WgXcQ",
                                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                                "https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&t=42s&si=Xy12AbCdEfGh3456",
                                "https://www.youtube.com/watch?app=desktop&v=dQw4w9WgXcQ&list=PL123&index=3",
                                "http://m.youtube.com/watch?v=dQw4w9WgXcQ#comments",
                                "https://youtube.com/shorts/dQw4w9WgXcQ?si=abc",
                                "https://www.youtube.com/SHORTS/dQw4w9WgXcQ/",
                                "https://www.youtube.com/embed/dQw4w9WgXcQ?start=10",
                                "https://www.youtube.com/live/dQw4w9WgXcQ?feature=shared",
                                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
                                "https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=x")),
                arguments(
                        "youtube",
                        "youtube.com/playlist?list=PLabc",
                        List.of(
                                "https://www.youtube.com/playlist?list=PLabc&si=x",
                                "https://www.youtube.com/embed/videoseries?list=PLabc")),
                // TikTok's short links (vt., vm., tiktok.com/t/) name no video: only fetching them would tell which,
                // so each keeps its own form and a duplicate shared that way is not found.
                arguments(
                        "tiktok",
                        "tiktok.com/video/7301234567890123456",
                        List.of(
                                "https://www.tiktok.com/@be.an/video/7301234567890123456?is_from_webapp=1&sender_device=pc",
                                "https://www.tiktok.com/@other.name/video/7301234567890123456?_r=1&_t=8abc",
                                "https://m.tiktok.com/v/7301234567890123456.html?u_code=x",
                                "https://m.tiktok.com/v/7301234567890123456",
                                "https://www.tiktok.com/embed/v2/7301234567890123456",
                                "tiktok.com/video/7301234567890123456/")),
                arguments(
                        "tiktok",
                        "tiktok.com/photo/7301234567890123999",
                        List.of(
                                "https://www.tiktok.com/@be.an/photo/7301234567890123999?is_from_webapp=1&sender_device=pc")),
                arguments("tiktok", "tiktok.com/t/ZTRabc123", List.of("https://www.tiktok.com/t/ZTRabc123/?k=1")),
                arguments(
                        "tiktok-vt",
                        "vt.tiktok.com/ZSabc123",
                        List.of("https://vt.tiktok.com/ZSabc123/", "vt.tiktok.com/ZSabc123?_r=1")),
                arguments(
                        "instagram",
                        "instagram.com/p/C1a2B3c4D5e",
                        List.of(
                                "https://www.instagram.com/p/C1a2B3c4D5e/?igsh=MWQ1ZGUxMzBkMA==",
                                "https://www.instagram.com/p/C1a2B3c4D5e/?img_index=2&utm_source=ig_web_copy_link",
                                "https://instagram.com/reel/C1a2B3c4D5e?igshid=abc",
                                "https://www.instagram.com/reels/C1a2B3c4D5e/",
                                "https://www.instagram.com/tv/C1a2B3c4D5e",
                                "https://www.instagram.com/some.user/p/C1a2B3c4D5e/",
                                "https://instagr.am/p/C1a2B3c4D5e")),
                arguments(
                        "facebook",
                        "facebook.com/watch?v=1234567890",
                        List.of(
                                "https://www.facebook.com/watch/?v=1234567890&mibextid=Nif5oz",
                                "https://m.facebook.com/watch?v=1234567890&rdid=abc&share_url=x",
                                "https://web.facebook.com/watch/live/?v=1234567890&ref=watch_permalink",
                                "https://www.facebook.com/video.php?v=1234567890",
                                "https://www.facebook.com/SomePage/videos/1234567890/?__tn__=%2CO&__cft__%5B0%5D=AZX",
                                "https://www.facebook.com/SomePage/videos/a-title/1234567890/",
                                "https://fb.com/watch/?v=1234567890&fbclid=IwAR0")),
                arguments(
                        "facebook",
                        "facebook.com/story.php?id=200&story_fbid=100",
                        List.of(
                                "https://m.facebook.com/story.php?story_fbid=100&id=200&mibextid=Nif5oz",
                                "https://mbasic.facebook.com/story.php?id=200&story_fbid=100&sfnsn=mo&refid=8",
                                "https://www.facebook.com/permalink.php?story_fbid=100&id=200&rdid=x")),
                arguments(
                        "facebook",
                        "facebook.com/photo?fbid=555&set=a.777",
                        List.of(
                                "https://www.facebook.com/photo/?fbid=555&set=a.777&mibextid=x",
                                "https://www.facebook.com/photo.php?fbid=555&set=a.777&type=3")),
                arguments(
                        "facebook",
                        "facebook.com/groups/tre.em/posts/987",
                        List.of(
                                "https://www.facebook.com/groups/tre.em/posts/987/?mibextid=rS40aB7S9Ucbxw6v",
                                "https://www.facebook.com/groups/tre.em/permalink/987/",
                                "https://m.facebook.com/groups/tre.em/posts/987?__cft__[0]=AZ&__tn__=R")),
                arguments(
                        "facebook",
                        "facebook.com/reel/31234",
                        List.of("https://www.facebook.com/reel/31234?mibextid=x&sfnsn=mo")),
                arguments(
                        "x",
                        "x.com/i/status/1790000000000000000",
                        List.of(
                                "https://x.com/someone/status/1790000000000000000?s=20&t=AbC",
                                "https://twitter.com/someone/status/1790000000000000000",
                                "https://mobile.twitter.com/SomeOne/status/1790000000000000000/photo/1",
                                "https://mobile.x.com/someone/status/1790000000000000000/video/1",
                                "https://twitter.com/i/web/status/1790000000000000000",
                                "https://x.com/i/status/1790000000000000000")),
                arguments(
                        "zalo",
                        "zalo.me/g/abcxyz123",
                        List.of("https://zalo.me/g/abcxyz123?src=qr", "https://chat.zalo.me/g/abcxyz123/")),
                // A comment is content of its own (it may be the harmful part), so ?comment= stays: see below.
                arguments(
                        "telegram",
                        "t.me/kenh_xau/1234",
                        List.of(
                                "https://t.me/kenh_xau/1234?single",
                                "https://t.me/s/kenh_xau/1234",
                                "https://telegram.me/kenh_xau/1234/",
                                "https://telegram.dog/kenh_xau/1234?embed=1")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("shareVariants")
    void shareVariantsOfOneItemGiveOneCanonicalForm(String ruleId, String form, List<String> urls) {
        for (String url : urls) {
            assertThat(SHIPPED.canonicalize(url)).as(url).isEqualTo(new Canonical(form, ruleId));
        }
    }

    @Test
    void shortLinksThatNameNoContentKeepTheirOwnForm() {
        assertThat(SHIPPED.canonicalize("https://fb.watch/aBcD12/?mibextid=x"))
                .isEqualTo(new Canonical("fb.watch/aBcD12", "fb-watch"));
        assertThat(SHIPPED.canonicalize("https://vm.tiktok.com/ZMabc123/"))
                .isEqualTo(new Canonical("vm.tiktok.com/ZMabc123", "tiktok-vm"));
        assertThat(SHIPPED.canonicalize("https://www.facebook.com/share/v/1AbCdE/?mibextid=x"))
                .isEqualTo(new Canonical("facebook.com/share/v/1AbCdE", "facebook"));
        assertThat(SHIPPED.canonicalize("https://www.instagram.com/share/reel/BAabc/?igsh=x"))
                .isEqualTo(new Canonical("instagram.com/share/reel/BAabc", "instagram"));
    }

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                arguments("https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcq"),
                arguments("https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?lc=UgzComment"),
                arguments("https://youtube.com/playlist?list=PLa", "https://youtube.com/playlist?list=PLb"),
                arguments("https://youtu.be/SomeChannel", "https://youtube.com/SomeChannel"),
                arguments("https://www.tiktok.com/@a/video/1", "https://www.tiktok.com/@a/video/2"),
                arguments("https://www.tiktok.com/@a/video/1", "https://www.tiktok.com/@a/photo/1"),
                arguments("https://vt.tiktok.com/ZSabc", "https://vm.tiktok.com/ZSabc"),
                arguments("https://www.instagram.com/p/AAA", "https://www.instagram.com/p/aaa"),
                arguments(
                        "https://m.facebook.com/story.php?story_fbid=100&id=200",
                        "https://m.facebook.com/story.php?story_fbid=101&id=200"),
                arguments(
                        "https://m.facebook.com/story.php?story_fbid=100&id=200",
                        "https://m.facebook.com/story.php?story_fbid=100&id=201"),
                arguments("https://www.facebook.com/watch?v=1", "https://www.facebook.com/watch?v=2"),
                arguments("https://www.facebook.com/profile.php?id=1", "https://www.facebook.com/profile.php?id=2"),
                arguments("https://www.facebook.com/groups/a/posts/1", "https://www.facebook.com/groups/b/posts/1"),
                arguments("https://www.facebook.com/x/posts/1", "https://www.facebook.com/x/posts/1?comment_id=9"),
                arguments("https://fb.watch/abc", "https://www.facebook.com/abc"),
                arguments("https://x.com/a/status/1", "https://x.com/a/status/2"),
                arguments("https://zalo.me/g/abc", "https://zalo.me/g/abd"),
                arguments("https://t.me/kenh_a/1", "https://t.me/kenh_b/1"),
                arguments("https://t.me/kenh_a/1", "https://t.me/kenh_a/2"),
                arguments("https://t.me/kenh_a/1", "https://t.me/kenh_a/1?comment=5"),
                // Paths no template knows keep every parameter not known as noise: merging two pieces of content
                // into one case would leave the second unalerted.
                arguments(
                        "https://www.youtube.com/results?search_query=a", "https://youtube.com/results?search_query=b"),
                arguments("https://www.facebook.com/events/1?event_time_id=2", "https://www.facebook.com/events/1"),
                arguments("https://zalo.me/s/1?post=1", "https://zalo.me/s/1?post=2"));
    }

    @Test
    void onPathsNoTemplateKnowsOnlyKnownNoiseIsDropped() {
        assertThat(SHIPPED.canonicalize(
                        "https://m.facebook.com/groups/x/posts/1/?mibextid=ab&rdid=c&utm_source=zalo&b=2&a=1"))
                .isEqualTo(new Canonical("facebook.com/groups/x/posts/1?a=1&b=2", "facebook"));
        assertThat(SHIPPED.canonicalize("https://www.instagram.com/some.user/?igsh=abc&hl=vi"))
                .isEqualTo(new Canonical("instagram.com/some.user", "instagram"));
    }

    @ParameterizedTest
    @MethodSource("nearMisses")
    void nearMissesStayDistinct(String one, String other) {
        assertThat(SHIPPED.canonicalize(one).form())
                .isNotEqualTo(SHIPPED.canonicalize(other).form());
    }

    /** The generic rule: what every URL got before platforms had rules, and what unknown hosts still get. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://www.example.vn/groups/x/posts/1?id=7 | example.vn/groups/x/posts/1?id=7",
                "http://M.Example.VN/groups/x/posts/1/?utm_source=zalo&id=7&fbclid=abc#c1 | example.vn/groups/x/posts/1?id=7",
                "'  https://example.vn/groups/x/posts/1?gclid=1&UTM_MEDIUM=x&id=7 ' | example.vn/groups/x/posts/1?id=7",
                "https://mobile.example.vn/a | mobile.example.vn/a",
                "not a url with spaces#frag | not a url with spaces",
                "Example.VN/Path/To/?b=2&a=1&& | example.vn/Path/To?b=2&a=1",
                "http://example.vn:8080/a/ | example.vn:8080/a",
                "https://example.vn:443/a | example.vn/a",
                "https://www.m.www.example.vn | example.vn",
                "ftp://files.example.vn/a.zip?x=%20y# | files.example.vn/a.zip?x=%20y",
                "https://user@example.vn/x? | example.vn/x",
                "https://[::1]:8443/x | [::1]:8443/x",
                "https://youtube.com:8080/watch?v=x&si=y | youtube.com:8080/watch?v=x&si=y",
                "https://evil-youtube.com/watch?v=dQw4w9WgXcQ&si=x | evil-youtube.com/watch?v=dQw4w9WgXcQ&si=x",
                "https://youtube.com.evil.vn/watch?v=1 | youtube.com.evil.vn/watch?v=1",
                "https://notyoutu.be/dQw4w9WgXcQ | notyoutu.be/dQw4w9WgXcQ",
                "https://faketiktok.com/@a/video/1?is_from_webapp=1 | faketiktok.com/@a/video/1?is_from_webapp=1",
                "https://www.example.vn/p/1?igsh=x&utm_source=y | example.vn/p/1?igsh=x"
            })
    void otherHostsGetTheGenericForm(String url, String form) {
        assertThat(SHIPPED.canonicalize(url)).isEqualTo(new Canonical(form, "generic"));
    }

    @Test
    void blankUrlsHaveNoCanonicalForm() {
        assertThat(SHIPPED.canonicalize(null)).isNull();
        assertThat(SHIPPED.canonicalize(" ")).isNull();
        assertThat(UrlIdentityRules.genericOnly().canonicalize("")).isNull();
    }

    @Test
    void theShippedRulesHaveNoProblems() {
        assertThat(SHIPPED.problems()).isEmpty();
        assertThat(SHIPPED.platforms())
                .extracting(PlatformRule::id)
                .contains("facebook", "tiktok", "youtube", "zalo", "instagram", "x", "telegram");
    }

    @Test
    void problemsPointAtBadTemplatesAndDuplicateIds() {
        UrlIdentityRules bad = new UrlIdentityRules(List.of(
                new PlatformRule(
                        "video",
                        List.of("video.example"),
                        "video.example",
                        List.of("v"),
                        List.of("s"),
                        List.of(
                                new PathRule(null, "watch/{id}", "/w/{id}"),
                                new PathRule(null, "/v/{id}", "/w/{vid}"),
                                new PathRule(null, "/a/**/{id}", "/w/{id}"),
                                new PathRule(null, "/a/{x}-{y}", "/w"),
                                new PathRule(List.of("other.example"), "/b/{id}?list={id}", "/w/{id}"))),
                new PlatformRule("video", List.of("www.other.example", "Video.Example"), null, null, null, null)));

        assertThat(bad.problems())
                .extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactly(
                        "/platforms/0/paths/0/match",
                        "/platforms/0/paths/1/canonical",
                        "/platforms/0/paths/2/match",
                        "/platforms/0/paths/3/match",
                        "/platforms/0/paths/4/hosts/0",
                        "/platforms/0/paths/4/match",
                        "/platforms/1/id",
                        "/platforms/1/hosts/0",
                        "/platforms/1/hosts/1",
                        "/platforms/1/canonicalHost");
        assertThat(bad.problems())
                .contains(
                        "/platforms/0/paths/0/match: must start with /",
                        "/platforms/0/paths/1/canonical: {vid} is not captured by match",
                        "/platforms/1/id: video is already used by /platforms/0");
    }

    @Test
    void problemsOfMissingPartsAndLimits() {
        UrlIdentityRules empty = new UrlIdentityRules(List.of(new PlatformRule(null, null, null, null, null, null)));
        assertThat(empty.problems())
                .containsExactly(
                        "/platforms/0/id: required, 1 to 40 of a-z, 0-9 and -",
                        "/platforms/0/hosts: at least one host",
                        "/platforms/0/canonicalHost: required");
        assertThat(new UrlIdentityRules(null).problems()).isEmpty();
        assertThat(empty.canonicalize("https://example.vn/a")).isEqualTo(new Canonical("example.vn/a", "generic"));

        PlatformRule generic =
                new PlatformRule("generic", List.of("a.example"), "a.example", List.of(), List.of(), List.of());
        assertThat(new UrlIdentityRules(List.of(generic)).problems())
                .containsExactly("/platforms/0/id: generic is already used for URLs of no platform");
        List<PlatformRule> many = Stream.generate(() -> generic).limit(51).toList();
        assertThat(new UrlIdentityRules(many).problems()).contains("/platforms: at most 50");
    }
}
