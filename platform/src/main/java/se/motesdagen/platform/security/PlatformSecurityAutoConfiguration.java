package se.motesdagen.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import se.motesdagen.platform.web.WebAutoConfiguration;

/**
 * Security every service shares. It fails closed: only the paths a service lists in
 * {@code motesdagen.security.public-paths} (and the stylesheet, the error page and health) are open;
 * every other path needs a member of staff with a role that {@code motesdagen.staff.access} names for
 * it, and one that no rule names is for ADMIN alone, so a new endpoint is private until someone opens it
 * on purpose.
 *
 * <p>Staff are signed in by the gateway (OpenID Connect, code flow with PKCE) and each request carries
 * their access token, which every service checks for itself: the issuer's signature, expiry, issuer and
 * audience. No service keeps a session or a password. The CSRF token lives in a cookie, so reading a
 * public page never creates a session either.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@EnableConfigurationProperties({SecurityProperties.class, StaffProperties.class})
public class PlatformSecurityAutoConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    static final List<String> ALWAYS_PUBLIC = List.of("/css/**", "/error", "/favicon.ico");

    PlatformSecurityAutoConfiguration(Environment environment) {
        StartupGuard.check(environment);
        ConnectionGuard.check(environment);
    }

    /** For a service that puts secret links into events, or mails them: {@code motesdagen.link-seal.keys}. */
    @Bean
    @ConditionalOnProperty("motesdagen.link-seal.keys")
    LinkSeal linkSeal(Environment environment) {
        return linkSealOf(environment);
    }

    /** The ring of {@code motesdagen.link-seal.keys}; in production every key must name its service. */
    static LinkSeal linkSealOf(Environment environment) {
        LinkSeal seal = LinkSeal.of(environment.getProperty("motesdagen.link-seal.keys"));
        boolean production = environment.acceptsProfiles(Profiles.of("production"))
                && !environment.getProperty("motesdagen.local-stack", Boolean.class, false);
        if (production && !seal.keysOfNoService().isEmpty()) {
            throw new IllegalStateException("Refusing to start in production with link seal keys that name no"
                    + " service (" + String.join(", ", seal.keysOfNoService()) + "): give each key as"
                    + " service/id:base64-key, so that only its service can seal links in its events."
                    + " See the README, \"Outside the local stack\".");
        }
        return seal;
    }

    /**
     * The identity provider's keys are fetched on the first staff request, not at start, so a service
     * starts while the provider is down, and a provider that rotates its keys is asked again.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder staffTokenDecoder(StaffProperties staff) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(staff.keys().toString()).build();
        decoder.setJwtValidator(validatorFor(staff));
        return decoder;
    }

    /** Signature aside: not expired, from our issuer, for our audience. */
    public static OAuth2TokenValidator<Jwt> validatorFor(StaffProperties staff) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(staff.issuer().toString()),
                new JwtClaimValidator<List<String>>(
                        "aud", audience -> audience != null && audience.contains(staff.audience())));
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SecurityProperties security,
            StaffProperties staff,
            MessageSource messages,
            LocaleResolver locales,
            Environment environment)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        boolean secure = WebAutoConfiguration.secureCookies(environment);
        csrfTokens.setCookieCustomizer(
                cookie -> cookie.secure(secure).httpOnly(true).sameSite("Lax"));
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(security.publicPaths());
        StaffPages pages = new StaffPages(messages, locales, staff.signInUrl());
        StaffAuthorities authorities = new StaffAuthorities(staff);
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers(EndpointRequest.to("health", "prometheus", "info"))
                            .permitAll()
                            .requestMatchers(EndpointRequest.toAnyEndpoint())
                            .hasRole(StaffRole.ADMIN.name())
                            .requestMatchers(open.toArray(String[]::new))
                            .permitAll();
                    staff.access().forEach(rule -> permit(auth, rule));
                    auth.anyRequest().hasRole(StaffRole.ADMIN.name());
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(authorities))
                        .authenticationEntryPoint(pages)
                        .accessDeniedHandler(pages))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(pages).accessDeniedHandler(pages))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a staff request is authenticated anew by its token each time: rotating the CSRF token on
                // each authentication (the default, meant for a sign-in) would void the form of every other
                // open page; the token lives as long as the browser's cookie instead
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .withObjectPostProcessor(checkedEvenWithAToken(security)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new CsrfCookieForStaff(), CsrfFilter.class)
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }

    /**
     * The resource server's default is to skip CSRF for any request with a bearer token, right for a
     * program that sends its own token, wrong here: the gateway adds the token to every request of a
     * signed-in browser, so the token proves nothing about which page sent a form. Every unsafe request
     * outside the service's exempt paths (the JSON API, which takes no cookies) needs the CSRF token.
     */
    private static ObjectPostProcessor<CsrfFilter> checkedEvenWithAToken(SecurityProperties security) {
        List<RequestMatcher> exempt = security.csrfExempt().stream()
                .<RequestMatcher>map(PathPatternRequestMatcher.withDefaults()::matcher)
                .toList();
        RequestMatcher required = new AndRequestMatcher(
                CsrfFilter.DEFAULT_CSRF_MATCHER, new NegatedRequestMatcher(new OrRequestMatcher(exempt)));
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends CsrfFilter> O postProcess(O filter) {
                filter.setRequireCsrfProtectionMatcher(required);
                return filter;
            }
        };
    }

    /** One line of the route matrix: {@code GET /personal/forslag} or {@code /personal/program/**}. */
    private static void permit(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
            StaffProperties.Access rule) {
        String[] roles = rule.roles().stream().map(StaffRole::name).toArray(String[]::new);
        for (String path : rule.paths()) {
            String[] parts = path.strip().split("\\s+", 2);
            if (parts.length == 2) {
                auth.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).hasAnyRole(roles);
            } else {
                auth.requestMatchers(parts[0]).hasAnyRole(roles);
            }
        }
    }
}
