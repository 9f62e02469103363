package se.motesdagen.devinfra;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the local store writes a collection's documents into its file: as BSON, the form they arrive in
 * over the wire. The stock backend leaves them to H2's default type, which writes every document with
 * Java serialisation; under load that was a fifth of the store process's CPU (JFR), and every commit
 * re-serialises each document on a changed page. As BSON it was 8 % in the same benchmark. A document
 * that BSON cannot hold (none is expected: everything in the store came over the wire or from an update
 * operator) falls back to the default type, and so do the documents of a file written before, which
 * carry the default type's tag instead of {@link #BSON}.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** A tag H2's {@link ObjectDataType} never writes first (its tags are 0–14, 19, 32–49 and 64–119). */
    private static final byte BSON = 127;

    private final ObjectDataType fallback = new ObjectDataType();

    private BsonDocumentType() {}

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON).putVarInt(bson.readableBytes()).put(bson.nioBuffer());
        } catch (RuntimeException notBson) {
            fallback.write(buffer, document);
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) fallback.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        int start = buffer.position();
        buffer.position(start + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
    }

    /**
     * A rough size in memory, for the store's page splits and cache: walking the document is far cheaper
     * than encoding it, and is not fooled by one document that grew to hundreds of kilobytes.
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, estimate(document));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private static long estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            long size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            long size = 40;
            for (Object each : values) {
                size += 8 + estimate(each);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 40 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }
}
