package se.motesdagen.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.motesdagen.platform.test.WebSliceTest;
import se.motesdagen.platform.web.WebAutoConfiguration;

/**
 * The cookies every service sets, the form's CSRF token and the language: never readable by script,
 * kept off cross-site requests, and sent only over HTTPS outside the local stack (which is plain
 * http://localhost).
 */
class CookieSecurityTests {

    @RestController
    static class Form {

        @GetMapping("/oppen")
        String page(CsrfToken token) {
            return token.getToken();
        }
    }

    @Test
    void outsideTheLocalStackTheCookiesAreSecureUnlessSaidOtherwise() {
        assertThat(WebAutoConfiguration.secureCookies(new MockEnvironment())).isTrue();
        assertThat(WebAutoConfiguration.secureCookies(
                        new MockEnvironment().withProperty("motesdagen.local-stack", "true")))
                .isFalse();
        assertThat(WebAutoConfiguration.secureCookies(
                        new MockEnvironment().withProperty("motesdagen.cookies.secure", "false")))
                .isFalse();
    }

    @Nested
    @WebSliceTest(Form.class)
    @ContextConfiguration(classes = Form.class)
    @TestPropertySource(
            properties = {
                "motesdagen.local-stack=true",
                "motesdagen.cookies.secure=true",
                "spring.messages.basename=platform-messages",
                "motesdagen.security.public-paths=/oppen"
            })
    class AsInProduction {

        @Autowired
        MockMvc mvc;

        @Test
        void theFormTokenAndTheLanguageCookiesAreSecureHttpOnlyAndSameSiteLax() throws Exception {
            Cookie[] cookies = mvc.perform(get("/oppen").param("lang", "en"))
                    .andReturn()
                    .getResponse()
                    .getCookies();
            assertThat(cookies).extracting(Cookie::getName).containsExactlyInAnyOrder("XSRF-TOKEN", "motesdagen-lang");
            assertThat(cookies).allSatisfy(c -> {
                assertThat(c.getSecure()).as(c.getName()).isTrue();
                assertThat(c.isHttpOnly()).as(c.getName()).isTrue();
                assertThat(c.getAttribute("SameSite")).as(c.getName()).isEqualTo("Lax");
            });
        }
    }

    @Nested
    @WebSliceTest(Form.class)
    @ContextConfiguration(classes = Form.class)
    @TestPropertySource(
            properties = {
                "motesdagen.local-stack=true",
                "spring.messages.basename=platform-messages",
                "motesdagen.security.public-paths=/oppen"
            })
    class OnTheLocalStack {

        @Autowired
        MockMvc mvc;

        @Test
        void theCookiesWorkOverPlainHttp() throws Exception {
            Cookie[] cookies = mvc.perform(get("/oppen").param("lang", "en"))
                    .andReturn()
                    .getResponse()
                    .getCookies();
            assertThat(cookies).hasSize(2).allSatisfy(c -> {
                assertThat(c.getSecure()).as(c.getName()).isFalse();
                assertThat(c.isHttpOnly()).as(c.getName()).isTrue();
                assertThat(c.getAttribute("SameSite")).as(c.getName()).isEqualTo("Lax");
            });
        }
    }
}
