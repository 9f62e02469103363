package se.motesdagen.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns what happens in the other services into e-mails, and keeps the log of what was sent. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationServiceApplication {

    public static void main(String[] args) {
        // Jakarta Mail looks its stream provider up through the service loader for every part it encodes
        // (a scan of every jar, costly in a nested Spring Boot jar) unless this names it
        System.setProperty(
                "jakarta.mail.util.StreamProvider",
                System.getProperty(
                        "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"));
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
