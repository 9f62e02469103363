package se.motesdagen.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The JSON API of a service.
 *
 * @param pathPrefix where it lives, relative to the service's context path
 * @param maxBodySize the largest request body it reads; larger ones get 413
 */
@ConfigurationProperties("motesdagen.api")
public record ApiProperties(
        @DefaultValue("/api/") String pathPrefix,
        @DefaultValue("64KB") DataSize maxBodySize) {

    boolean covers(String path) {
        return path.startsWith(pathPrefix);
    }
}
