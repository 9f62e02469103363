package se.motesdagen.registration.seats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import se.motesdagen.registration.seats.SessionSeats.Place;
import se.motesdagen.registration.seats.SessionSeats.State;

class PlaceConversionsTests {

    static final Instant CLAIMED = Instant.parse("2027-05-02T09:15:30.123Z");

    final MappingMongoConverter reflective = reflectiveMapping();

    @ParameterizedTest
    @EnumSource(State.class)
    void aPlaceIsStoredInTheShapeTheReflectiveMappingGaveItSoStoredSeatsReadTheSame(State state) {
        Place place = place(state);

        Document byHand = PlaceConversions.Write.PLACE.convert(place);

        assertThat(byHand).isEqualTo(reflective.convertToMongoType(place));
        assertThat(PlaceConversions.Read.PLACE.convert(byHand)).isEqualTo(place);
        assertThat(reflective.read(Place.class, byHand)).isEqualTo(place);
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void whatTheReflectiveMappingStoredIsReadByHand(State state) {
        Place place = place(state);

        var stored = (Document) reflective.convertToMongoType(place);

        assertThat(PlaceConversions.Read.PLACE.convert(stored)).isEqualTo(place);
    }

    private static Place place(State state) {
        return new Place(
                "reg-1",
                "att-2",
                42,
                state,
                state == State.SEATED,
                CLAIMED,
                state == State.HELD ? CLAIMED.plusSeconds(86_400) : null);
    }

    /** Spring Data's own mapping, as the service used it before the hand-written converters. */
    private static MappingMongoConverter reflectiveMapping() {
        var none = MongoCustomConversions.create(conversions -> {});
        var context = new MongoMappingContext();
        context.setSimpleTypeHolder(none.getSimpleTypeHolder());
        context.afterPropertiesSet();
        var converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(none);
        converter.afterPropertiesSet();
        return converter;
    }
}
