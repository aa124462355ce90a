package org.claimledger.axon;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Jackson serialization that stores events under their pinned names ({@code ClaimRecorded}, revision
 * {@code 1}) rather than Java class names, so code can be reorganised without rewriting history.
 * Anything else (tracking tokens, metadata) keeps Axon's class-name typing.
 */
final class PinnedNameSerializer extends JacksonSerializer {

    PinnedNameSerializer(Builder builder) {
        super(builder);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null) {
            var pinned = EventTypes.nameOf(type);
            if (pinned.isPresent()) {
                return new SimpleSerializedType(pinned.get(), getRevisionResolver().revisionOf(type));
            }
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventTypes.classOf(serializedType.getName()).map(Class::getName).orElse(serializedType.getName());
    }
}
