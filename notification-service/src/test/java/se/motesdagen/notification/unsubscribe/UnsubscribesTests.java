package se.motesdagen.notification.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import se.motesdagen.notification.NotificationTestBase;
import se.motesdagen.platform.messaging.AddressKey;

/** Unsubscribe links: each one new, stored only as a hash, running out; the old clear tokens hashed once. */
class UnsubscribesTests extends NotificationTestBase {

    @Test
    void everyReminderGetsALinkOfItsOwnAndATokenStoredInClearBeforeBecomesAHashedLinkThatStillWorks() {
        String address = "gammal-lank@testbageri.example";
        String oldToken = "Q2xlYXJUb2tlbkZyb21CZWZvcmVIYXNo"; // 24 bytes in base64url, as they were made
        mongo.save(new Document("_id", AddressKey.of(address)).append("token", oldToken), "unsubscribes");

        Unsubscribes unsubscribes =
                new Unsubscribes(mongo, Clock.systemUTC(), "http://localhost:8080", Duration.ofDays(180));

        assertThat(mongo.findById(AddressKey.of(address), Document.class, "unsubscribes"))
                .as("the clear token is gone")
                .doesNotContainKey("token");
        assertThat(unsubscribes.known(oldToken)).isTrue();
        String first = unsubscribes.link(address);
        String second = unsubscribes.link(address);
        assertThat(first).isNotEqualTo(second);
        assertThat(unsubscribes.hasUnsubscribed(address)).isFalse();
        assertThat(unsubscribes.unsubscribe(oldToken)).isTrue();
        assertThat(unsubscribes.hasUnsubscribed(address)).isTrue();
        assertThat(unsubscribes.unsubscribe("x".repeat(43))).isFalse();
    }
}
