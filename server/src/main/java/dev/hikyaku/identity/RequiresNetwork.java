package dev.hikyaku.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method whose request must come from a network the admin allowed for {@link
 * #value()}, e.g. {@code @RequiresNetwork(IpScope.SEND)} on "start this send". A request from
 * elsewhere gets 403 naming the rule, and an audit entry.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresNetwork {
  IpScope value();
}
