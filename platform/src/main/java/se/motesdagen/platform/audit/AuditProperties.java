package se.motesdagen.platform.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit log is kept ({@code motesdagen.audit.retention}; the municipality's
 * gallringsbeslut decides, two years unless set).
 */
@ConfigurationProperties("motesdagen.audit")
public record AuditProperties(@DefaultValue("730d") Duration retention) {}
