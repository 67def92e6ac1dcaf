package org.civiclink.platform.security;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.container.ResourceInfo;

/** What an endpoint declares about personal data; unannotated endpoints count as personal data. */
public record PersonalDataEndpoint(List<String> categories, String action) {

    private static final PersonalDataEndpoint UNCLASSIFIED = new PersonalDataEndpoint(List.of("unclassified"), "READ");

    /** Empty when the endpoint is marked {@link NoPersonalData}. */
    public static Optional<PersonalDataEndpoint> of(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null) {
            return Optional.empty();
        }
        if (method.isAnnotationPresent(NoPersonalData.class)
                || (type.isAnnotationPresent(NoPersonalData.class) && !method.isAnnotationPresent(PersonalData.class))) {
            return Optional.empty();
        }
        PersonalData declared = method.getAnnotation(PersonalData.class);
        if (declared == null) {
            declared = type.getAnnotation(PersonalData.class);
        }
        return Optional.of(declared == null ? UNCLASSIFIED
                : new PersonalDataEndpoint(List.of(declared.categories()), declared.action()));
    }
}
