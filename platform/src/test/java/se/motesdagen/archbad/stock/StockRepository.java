package se.motesdagen.archbad.stock;

import org.springframework.data.repository.Repository;

/** Fixture: another feature's repository. */
public interface StockRepository extends Repository<Object, String> {

    long count();
}
