package se.motesdagen.notification.mail;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface MessageRepository extends MongoRepository<OutgoingMessage, String> {

    List<OutgoingMessage> findAllByOrderByCreatedAtDesc(Pageable page);
}
