package se.motesdagen.platform.messaging;

import tools.jackson.databind.JsonNode;

/** A CloudEvent as read from Kafka: its attributes and its body, already checked against the contract. */
public record IncomingEvent(String id, String type, String source, String subject, JsonNode data) {}
