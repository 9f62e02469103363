package se.motesdagen.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The single public address: routes in application.yml, one per owning service. */
@SpringBootApplication
public class GatewayApplication {

    /**
     * Idle connections to each service the JDK keeps for reuse (its default is 5): one per concurrent
     * request, or every request over five opens a connection of its own.
     */
    static final String KEPT_CONNECTIONS = "100";

    public static void main(String[] args) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", KEPT_CONNECTIONS);
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
