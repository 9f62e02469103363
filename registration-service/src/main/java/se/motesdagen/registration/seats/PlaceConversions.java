package se.motesdagen.registration.seats;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import se.motesdagen.registration.seats.SessionSeats.Place;
import se.motesdagen.registration.seats.SessionSeats.State;

/**
 * Writes and reads a {@link Place} by hand, in the same shape the mapping would give it. A session's
 * seats document holds every place of the session, its waiting list included, and is read and written
 * for every group of changes: under load that was a third of the service's CPU (JFR, 20 registrations a
 * second, a line of 1,200-1,800 places), most of it Spring Data mapping each place by reflection. With
 * these converters the same share of CPU carried a line twice as long (2,400-3,600 places): about half
 * the cost per place. What is left is the conversion service's lookups and the driver's encoding.
 */
@Configuration(proxyBeanMethods = false)
class PlaceConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(
                conversions -> conversions.registerConverter(Write.PLACE).registerConverter(Read.PLACE));
    }

    @WritingConverter
    enum Write implements Converter<Place, Document> {
        PLACE;

        @Override
        public Document convert(Place place) {
            Document document = new Document()
                    .append("registrationId", place.registrationId())
                    .append("attendeeId", place.attendeeId())
                    .append("ticket", place.ticket())
                    .append("state", place.state().name())
                    .append("confirmed", place.confirmed())
                    .append("claimedAt", date(place.claimedAt()));
            if (place.heldUntil() != null) {
                document.append("heldUntil", date(place.heldUntil()));
            }
            return document;
        }

        private static Date date(Instant instant) {
            return instant == null ? null : Date.from(instant);
        }
    }

    @ReadingConverter
    enum Read implements Converter<Document, Place> {
        PLACE;

        @Override
        public Place convert(Document document) {
            return new Place(
                    document.getString("registrationId"),
                    document.getString("attendeeId"),
                    ((Number) document.get("ticket")).longValue(),
                    State.valueOf(document.getString("state")),
                    Boolean.TRUE.equals(document.getBoolean("confirmed")),
                    instant(document.getDate("claimedAt")),
                    instant(document.getDate("heldUntil")));
        }

        private static Instant instant(Date date) {
            return date == null ? null : date.toInstant();
        }
    }
}
