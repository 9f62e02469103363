package se.motesdagen.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Staff sign in here, once, for every service behind this address: OpenID Connect with the
 * municipality's identity provider (authorization code with PKCE). The session stays on the gateway;
 * each request to a service carries the member of staff's access token (the TokenRelay filter of every
 * service route), which the service checks and reads the roles from. A staff path without a session
 * starts the sign-in and comes back to it. Signing out ends the session here and at the provider, so
 * it is signed out everywhere.
 *
 * <p>The gateway keeps no CSRF token of its own: the services check theirs on every form, and the
 * session cookie is SameSite=Lax, so another site cannot sign a person out by a cross-site POST.
 */
@Configuration(proxyBeanMethods = false)
class StaffSignIn {

    static final String REGISTRATION = "motesdagen";

    /** Every service's staff pages: {@code /personal/…} of the registration service, {@code /besok/personal/…} of the others. */
    static final String[] STAFF_PATHS = {"/personal", "/personal/**", "/personal.*", "/*/personal", "/*/personal/**"};

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, ClientRegistrationRepository clients) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce =
                new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler everywhere = new OidcClientInitiatedLogoutSuccessHandler(clients);
        everywhere.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(auth -> auth.requestMatchers(STAFF_PATHS)
                        .authenticated()
                        .requestMatchers(SignInPages.SIGN_IN)
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                        .failureUrl(SignInPages.FAILED))
                .logout(logout -> logout.logoutRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SignInPages.SIGN_OUT))
                        .logoutSuccessHandler(everywhere))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
