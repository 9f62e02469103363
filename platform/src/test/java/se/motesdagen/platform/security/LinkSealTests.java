package se.motesdagen.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** A sealed link opens only with a key of the ring, for its own context, unchanged. */
class LinkSealTests {

    static final String LINK =
            "https://motesdagen.test/anmalan/bekrafta?token=Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";
    static final String OLD = "old:" + key('a');
    static final String NEW = "new:" + key('b');

    @Test
    void aSealedLinkOpensForItsContextAndHidesTheLink() {
        LinkSeal seal = LinkSeal.of(NEW);

        String sealed = seal.seal(LINK, "reg-1");

        assertThat(sealed).startsWith("seal1.new.").doesNotContain("token").doesNotContain("motesdagen");
        assertThat(sealed).matches("seal1\\.new\\.[A-Za-z0-9_-]+");
        assertThat(seal.open(sealed, "reg-1")).isEqualTo(LINK);
        assertThat(seal.seal(LINK, "reg-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherContextAChangedTextOrAnotherKeyDoesNotOpen() {
        LinkSeal seal = LinkSeal.of(NEW);
        String sealed = seal.seal(LINK, "reg-1");
        char last = sealed.charAt(sealed.length() - 5);
        String changed = sealed.substring(0, sealed.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 4);

        assertThatThrownBy(() -> seal.open(sealed, "reg-2")).isInstanceOf(LinkSeal.UnopenableLinkException.class);
        assertThatThrownBy(() -> seal.open(changed, "reg-1")).isInstanceOf(LinkSeal.UnopenableLinkException.class);
        assertThatThrownBy(() -> LinkSeal.of("new:" + key('c')).open(sealed, "reg-1"))
                .isInstanceOf(LinkSeal.UnopenableLinkException.class);
        assertThatThrownBy(() -> seal.open(LINK, "reg-1"))
                .isInstanceOf(LinkSeal.UnopenableLinkException.class)
                .hasMessageNotContaining("token");
        assertThatThrownBy(() -> seal.open("seal1.new.!!!", "reg-1"))
                .isInstanceOf(LinkSeal.UnopenableLinkException.class);
    }

    @Test
    void theCipherAThreadKeepsWorksAfterALinkThatDidNotOpenAndUnderEveryKey() {
        LinkSeal seal = LinkSeal.of(NEW + "," + OLD);
        LinkSeal old = LinkSeal.of(OLD);
        String sealed = seal.seal(LINK, "reg-1");

        assertThatThrownBy(() -> seal.open(sealed, "reg-2")).isInstanceOf(LinkSeal.UnopenableLinkException.class);
        // the same thread's cipher, after a failed check of the tag, then sealing under another key
        String underOld = old.seal(LINK + "&n=2", "reg-2");
        assertThat(seal.open(sealed, "reg-1")).isEqualTo(LINK);
        assertThat(seal.open(underOld, "reg-2")).isEqualTo(LINK + "&n=2");
        for (int i = 0; i < 50; i++) {
            String again = seal.seal(LINK + i, "reg-" + i);
            assertThat(seal.open(again, "reg-" + i)).isEqualTo(LINK + i);
        }
    }

    @Test
    void aLinkInAProducersEventOpensOnlyUnderThatProducersKeys() {
        String registrationKey = "registration/reg-1:" + key('r');
        String visitKey = "visit/vis-1:" + key('v');
        LinkSeal registration = LinkSeal.of(registrationKey);
        LinkSeal visit = LinkSeal.of(visitKey);
        LinkSeal notification = LinkSeal.of("notification/not-1:" + key('n') + "," + registrationKey + "," + visitKey);

        String genuine = registration.seal(LINK, "reg-1");
        assertThat(genuine).startsWith("seal1.reg-1.");
        assertThat(notification.open(genuine, "reg-1", "registration")).isEqualTo(LINK);
        // the visit service (or whoever has its key) cannot seal a link the registration service's events carry
        String forged = visit.seal(LINK, "reg-1");
        assertThatThrownBy(() -> notification.open(forged, "reg-1", "registration"))
                .isInstanceOf(LinkSeal.UnopenableLinkException.class)
                .hasMessageContaining("key vis-1 of the visit service, not of registration");
        assertThat(notification.open(forged, "reg-1", "visit")).isEqualTo(LINK);
        // a key of no service (the local stack's) opens for any, and is what production refuses to start with
        assertThat(LinkSeal.of(NEW).open(LinkSeal.of(NEW).seal(LINK, "reg-1"), "reg-1", "registration"))
                .isEqualTo(LINK);
        assertThat(LinkSeal.of(NEW + "," + registrationKey).keysOfNoService()).containsExactly("new");
        assertThat(notification.keysOfNoService()).isEmpty();
        assertThatThrownBy(() -> LinkSeal.of("Registration/x:" + key('r')))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void productionRefusesToStartWithAKeyThatNamesNoService() {
        MockEnvironment production = new MockEnvironment().withProperty("motesdagen.link-seal.keys", NEW);
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> PlatformSecurityAutoConfiguration.linkSealOf(production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("name no service (new)");
        production.setProperty("motesdagen.link-seal.keys", "registration/reg-1:" + key('r'));
        assertThat(PlatformSecurityAutoConfiguration.linkSealOf(production).keysOfNoService())
                .isEmpty();
        MockEnvironment local = new MockEnvironment()
                .withProperty("motesdagen.link-seal.keys", NEW)
                .withProperty("motesdagen.local-stack", "true");
        local.setActiveProfiles("production");
        assertThat(PlatformSecurityAutoConfiguration.linkSealOf(local)).isNotNull();
    }

    @Test
    void rotationSealsWithTheFirstKeyAndOpensWithAnyUntilAKeyLeavesTheRing() {
        String sealedBefore = LinkSeal.of(OLD).seal(LINK, "reg-1");
        LinkSeal rotated = LinkSeal.of(NEW + ", " + OLD);

        assertThat(rotated.open(sealedBefore, "reg-1")).isEqualTo(LINK);
        assertThat(rotated.seal(LINK, "reg-1")).startsWith("seal1.new.");
        assertThatThrownBy(() -> LinkSeal.of(NEW).open(sealedBefore, "reg-1"))
                .isInstanceOf(LinkSeal.UnopenableLinkException.class)
                .hasMessageContaining("key old, which is not in the ring");
    }

    @Test
    void aRingThatCannotWorkIsRefusedAtStart() {
        assertThatThrownBy(() -> LinkSeal.of("")).hasMessageContaining("at least one key");
        assertThatThrownBy(() -> LinkSeal.of("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("16 bytes; it needs 32");
        assertThatThrownBy(() -> LinkSeal.of("k1:not base64")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> LinkSeal.of("no id")).hasMessageContaining("id:base64-key");
        assertThatThrownBy(() -> LinkSeal.of(NEW + "," + NEW)).hasMessageContaining("twice");
    }

    private static String key(char fill) {
        return Base64.getEncoder()
                .encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
    }
}
