package se.motesdagen.archgood.shop;

import org.springframework.data.repository.Repository;

/** Fixture: the feature's repository. */
public interface OrderRepository extends Repository<Object, String> {

    long count();
}
