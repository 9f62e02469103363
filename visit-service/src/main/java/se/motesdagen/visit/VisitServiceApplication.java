package se.motesdagen.visit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns the hosts, the visit requests and the visit plan; publishes {@code visit.events}. */
@SpringBootApplication
public class VisitServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VisitServiceApplication.class, args);
    }
}
