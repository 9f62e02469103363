package se.motesdagen.authserver;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/** The provider's endpoints, its one client (the gateway), its users and what their tokens say. */
@Configuration(proxyBeanMethods = false)
class AuthServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthServerConfiguration.class);

    /**
     * @param issuer the address the services and the gateway know the provider by
     * @param data where the users' passwords and the signing key are kept
     * @param publicBaseUrl the gateway's public address: sign-in returns there, sign-out too
     * @param clientSecret the gateway's secret (the run script makes one per data folder)
     */
    @ConfigurationProperties("motesdagen.auth")
    record Settings(String issuer, Path data, String publicBaseUrl, String clientSecret) {}

    /**
     * One chain: the protocol endpoints (OpenID Connect), the sign-in form for everything else, and
     * health open for the run script. A browser that is not signed in is sent to the form.
     */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    StaffUsers staffUsers(Settings settings) {
        StaffUsers users = StaffUsers.in(settings.data().resolve("staff-users.properties"));
        log.info(
                "Staff users: {} (passwords in {})",
                users.all().stream().map(StaffUsers.StaffUser::username).toList(),
                settings.data().resolve("staff-users.properties"));
        return users;
    }

    @Bean
    SignInLimits signInLimits(Settings settings) {
        return SignInLimits.in(settings.data().resolve("sign-in-failures.properties"), Clock.systemUTC());
    }

    /** A locked account is refused before its password is looked at (Spring Security's pre-checks). */
    @Bean
    UserDetailsService userDetailsService(StaffUsers users, SignInLimits limits) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return username -> users.find(username)
                .map(user -> User.withUsername(user.username())
                        .password(encoder.encode(user.password()))
                        .authorities("USER")
                        .accountLocked(limits.isLocked(username))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** Each failed sign-in counts against its account, a good one clears the count. */
    @Bean
    ApplicationListener<AbstractAuthenticationEvent> signInOutcomes(SignInLimits limits) {
        return event -> {
            if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
                return; // the client's own authentication at the token endpoint is not a person's sign-in
            }
            String username = event.getAuthentication().getName();
            if (event instanceof AuthenticationFailureBadCredentialsEvent) {
                limits.failed(username);
            } else if (event instanceof AuthenticationSuccessEvent) {
                limits.succeeded(username);
            }
        };
    }

    @Bean
    RegisteredClientRepository clients(Settings settings) {
        String gateway = settings.publicBaseUrl().replaceAll("/+$", "");
        RegisteredClient gatewayClient = RegisteredClient.withId(
                        UUID.nameUUIDFromBytes("motesdagen".getBytes()).toString())
                .clientId("motesdagen")
                .clientSecret("{noop}" + settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(gateway + "/login/oauth2/code/motesdagen")
                .postLogoutRedirectUri(gateway + "/")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(10))
                        .refreshTokenTimeToLive(Duration.ofHours(8))
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(gatewayClient);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(Settings settings) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.in(settings.data().resolve("signing-key.json"))));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(Settings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    /** Name, e-mail and roles in the access token (for the services) and the ID token (for the gateway). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> staffClaims(StaffUsers users) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = "id_token".equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            users.find(context.getPrincipal().getName())
                    .ifPresent(user -> context.getClaims()
                            .claim("name", user.name())
                            .claim("email", user.email())
                            .claim("roles", user.roles()));
        };
    }
}
