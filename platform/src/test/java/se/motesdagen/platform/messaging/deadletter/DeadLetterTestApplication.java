package se.motesdagen.platform.messaging.deadletter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import se.motesdagen.platform.messaging.IncomingEvents;

/** A service of one consumer, on the platform's auto-configuration, for DeadLetterIntegrationTests. */
@SpringBootApplication
class DeadLetterTestApplication {

    static final String TYPE = "se.motesdagen.test.thing-happened.v1";

    /** The things handled, in order; one whose id starts with "boom" fails every time it is tried. */
    final List<String> handled = new CopyOnWriteArrayList<>();

    record ThingHappened(String thingId) {}

    @Bean
    Consumer<Message<byte[]>> recordThing(IncomingEvents incoming) {
        return incoming.consumer(TYPE, ThingHappened.class, (event, thing) -> {
            if (thing.thingId().startsWith("boom")) {
                throw new IllegalStateException("the handler fails for " + thing.thingId());
            }
            handled.add(thing.thingId());
        });
    }
}
