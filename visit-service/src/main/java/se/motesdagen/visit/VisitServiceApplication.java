package se.motesdagen.visit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Owns the hosts, the visit requests and the visit plan; publishes {@code visit.events}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VisitServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VisitServiceApplication.class, args);
    }
}
