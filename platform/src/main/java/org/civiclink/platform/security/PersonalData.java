package org.civiclink.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what personal data an endpoint reads or changes. The shared access filter uses it for
 * the audit record; an endpoint without it (and without {@link NoPersonalData}) is treated as
 * personal data of category "unclassified", so forgetting the annotation never skips the checks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PersonalData {

    /** Data categories, e.g. "identity", "housing", "referral". */
    String[] categories();

    /** READ, CREATE, UPDATE or DELETE. */
    String action() default "READ";
}
