package vn.childsafe.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void host_case_mobile_and_www_prefixes_tracking_parameters_fragment_and_scheme_do_not_matter() {
        String canonical = CanonicalUrl.of("https://www.facebook.com/groups/x/posts/1?id=7");
        assertThat(canonical).isEqualTo("facebook.com/groups/x/posts/1?id=7");
        assertThat(CanonicalUrl.of("http://M.FaceBook.com/groups/x/posts/1/?utm_source=zalo&id=7&fbclid=abc#c1"))
                .isEqualTo(canonical);
        assertThat(CanonicalUrl.of("  https://facebook.com/groups/x/posts/1?gclid=1&UTM_MEDIUM=x&id=7 "))
                .isEqualTo(canonical);
    }

    @Test
    void meaningful_differences_remain() {
        assertThat(CanonicalUrl.of("https://facebook.com/groups/x/posts/1?id=8"))
                .isNotEqualTo(CanonicalUrl.of("https://facebook.com/groups/x/posts/1?id=7"));
        assertThat(CanonicalUrl.of("https://tiktok.com/@a/video/1")).isNotEqualTo(CanonicalUrl.of("https://tiktok.com/@a/video/2"));
        assertThat(CanonicalUrl.of("https://mobile.example.vn/a")).isEqualTo("mobile.example.vn/a");
        assertThat(CanonicalUrl.of(" ")).isNull();
        assertThat(CanonicalUrl.of("not a url with spaces#frag")).isEqualTo("not a url with spaces");
    }
}
