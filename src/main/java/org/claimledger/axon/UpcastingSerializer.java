package org.claimledger.axon;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event serializer, upcasting old revisions as it reads. Axon's event store upcasts through its
 * upcaster chain before it deserializes; our own readers of the log (the verdicts' fold reading a
 * proposition's history as of an instant) deserialize rows themselves, and get the same upcasting
 * here, so no reader can see a revision-1 event in the current class's clothes by accident.
 */
final class UpcastingSerializer implements Serializer {

    private final Serializer delegate;

    UpcastingSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!SourceDetailsUpcaster.applies(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode payload = delegate.getConverter().convert(serializedObject.getData(),
                serializedObject.getContentType(), JsonNode.class);
        return delegate.deserialize(new SimpleSerializedObject<>(SourceDetailsUpcaster.upgrade(payload),
                JsonNode.class, SourceDetailsUpcaster.upcastType(serializedObject.getType())));
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
