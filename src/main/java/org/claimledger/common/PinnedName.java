package org.claimledger.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name an event is stored under in the event log. It never changes once events carry it:
 * Java classes may be renamed or moved, history may not. Together with Axon's {@code @Revision}
 * it identifies an event's schema.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PinnedName {
    String value();
}
