package se.motesdagen.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local stack's identity provider: OpenID Connect (Spring Authorization Server) standing in for
 * the municipality's (Entra ID, Keycloak), with one invented user per staff role, so the gateway's
 * sign-in, the services' token checks and the roles work here as they will there.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
