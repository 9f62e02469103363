package se.motesdagen.devinfra;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A unique index of the local store (every {@code _id} index among them) whose keys are compared as the
 * bytes they are stored as. The stock index keeps mongo-java-server's {@link KeyValue} under H2's
 * default type, and a {@code KeyValue} is not {@link Comparable}, so H2 compares two keys by
 * Java-serialising both, at every step of every lookup's descent: about 13 % of the store's CPU at
 * 80 registrations a second (JFR). Here a key is serialised once when it arrives and the descent
 * compares byte arrays.
 *
 * <p>The bytes, the order and the file format are exactly the stock ones (H2 writes a serialised object
 * as tag 19, its length and the bytes, and orders by those bytes), so a file written before opens as it
 * is, and two keys are the same key here exactly when they were before.
 */
final class SerializedKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<Key, Object> map;

    SerializedKeyIndex(MVMap<Key, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    static MVMap.Builder<Key, Object> mapBuilder() {
        return new MVMap.Builder<Key, Object>().keyType(KeyType.INSTANCE).valueType(new ObjectDataType());
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(Key.of(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(Key.of(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(Key.of(key));
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .<Map.Entry<KeyValue, Object>>map(entry ->
                        new AbstractMap.SimpleImmutableEntry<>(entry.getKey().keyValue(), entry.getValue()))
                .iterator();
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /** A {@link KeyValue} as the bytes Java serialisation makes of it. */
    static final class Key {

        private final byte[] bytes;

        private Key(byte[] bytes) {
            this.bytes = bytes;
        }

        static Key of(KeyValue keyValue) {
            return new Key(ObjectDataType.serialize(keyValue));
        }

        KeyValue keyValue() {
            return (KeyValue) ObjectDataType.deserialize(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(bytes, key.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return keyValue().toString();
        }
    }

    /** Reads and writes a key the way H2's {@link ObjectDataType} writes a serialised object. */
    static final class KeyType extends BasicDataType<Key> {

        static final KeyType INSTANCE = new KeyType();

        /** H2's tag for a Java-serialised object ({@code ObjectDataType.TYPE_SERIALIZED_OBJECT}). */
        private static final byte SERIALIZED_OBJECT = 19;

        private KeyType() {}

        @Override
        public int compare(Key a, Key b) {
            return ObjectDataType.compareNotNull(a.bytes, b.bytes);
        }

        @Override
        public int getMemory(Key key) {
            return 24 + key.bytes.length;
        }

        @Override
        public void write(WriteBuffer buffer, Key key) {
            buffer.put(SERIALIZED_OBJECT).putVarInt(key.bytes.length).put(key.bytes);
        }

        @Override
        public Key read(ByteBuffer buffer) {
            byte tag = buffer.get();
            if (tag != SERIALIZED_OBJECT) {
                throw new IllegalStateException("an index key with H2 type tag " + tag
                        + " where a serialised KeyValue (tag " + SERIALIZED_OBJECT + ") was expected");
            }
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            return new Key(bytes);
        }

        @Override
        public Key[] createStorage(int size) {
            return new Key[size];
        }
    }
}
