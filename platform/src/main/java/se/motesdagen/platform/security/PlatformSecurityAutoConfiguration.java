package se.motesdagen.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security every service shares. It fails closed: only the paths a service lists in
 * {@code motesdagen.security.public-paths} (and the stylesheet, the error page and health) are open;
 * everything else needs the staff role, so a new endpoint is private until someone opens it on
 * purpose. The CSRF token lives in a cookie, so reading a public page never creates a session.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
        })
@EnableConfigurationProperties({SecurityProperties.class, StaffProperties.class})
public class PlatformSecurityAutoConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    static final List<String> ALWAYS_PUBLIC = List.of("/css/**", "/error", "/favicon.ico");

    PlatformSecurityAutoConfiguration(Environment environment) {
        StartupGuard.check(environment);
    }

    /** For a service that puts secret links into events, or mails them: {@code motesdagen.link-seal.keys}. */
    @Bean
    @ConditionalOnProperty("motesdagen.link-seal.keys")
    LinkSeal linkSeal(Environment environment) {
        return LinkSeal.of(environment.getProperty("motesdagen.link-seal.keys"));
    }

    @Bean
    LoginThrottle loginThrottle(SecurityProperties security, Clock clock, MessageSource messages) {
        return new LoginThrottle(security, clock, messages);
    }

    /** The throttle runs inside the security chain only, not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottleOutsideTheChain(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties security, LoginThrottle throttle)
            throws Exception {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(security.publicPaths());
        http.authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to("health", "prometheus", "info"))
                        .permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .hasRole("STAFF")
                        .requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .hasRole("STAFF"))
                .httpBasic(basic -> basic.realmName("Mötesdagen personal").authenticationEntryPoint(throttle))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(throttle))
                .addFilterBefore(throttle, BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .ignoringRequestMatchers(security.csrfExempt().toArray(String[]::new)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .formLogin(form -> form.disable());
        return http.build();
    }

    @Bean
    UserDetailsService staffUsers(StaffProperties staff) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(staff.username())
                .password(encoder.encode(staff.password()))
                .roles("STAFF")
                .build());
    }
}
