package se.motesdagen.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The one staff login until OpenID Connect arrives; the same in every service. */
@ConfigurationProperties("motesdagen.staff")
public record StaffProperties(String username, String password) {}
