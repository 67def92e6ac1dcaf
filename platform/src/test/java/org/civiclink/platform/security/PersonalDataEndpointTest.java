package org.civiclink.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;

import jakarta.ws.rs.container.ResourceInfo;

import org.junit.jupiter.api.Test;

class PersonalDataEndpointTest {

    static class Resources {
        @PersonalData(categories = {"referral", "housing"}, action = "UPDATE")
        public void declared() {
        }

        public void forgotten() {
        }

        @NoPersonalData
        public void directory() {
        }
    }

    @NoPersonalData
    static class PublicResources {
        public void listing() {
        }

        @PersonalData(categories = "identity")
        public void exception() {
        }
    }

    @Test
    void declaredCategoriesAndActionAreUsed() {
        PersonalDataEndpoint endpoint = PersonalDataEndpoint.of(info(Resources.class, "declared")).orElseThrow();
        assertEquals(List.of("referral", "housing"), endpoint.categories());
        assertEquals("UPDATE", endpoint.action());
    }

    @Test
    void anUnannotatedEndpointIsStillPersonalData() {
        PersonalDataEndpoint endpoint = PersonalDataEndpoint.of(info(Resources.class, "forgotten")).orElseThrow();
        assertEquals(List.of("unclassified"), endpoint.categories());
    }

    @Test
    void onlyAnExplicitMarkExemptsAnEndpoint() {
        assertTrue(PersonalDataEndpoint.of(info(Resources.class, "directory")).isEmpty());
        assertTrue(PersonalDataEndpoint.of(info(PublicResources.class, "listing")).isEmpty());
        assertEquals(List.of("identity"),
                PersonalDataEndpoint.of(info(PublicResources.class, "exception")).orElseThrow().categories());
    }

    private static ResourceInfo info(Class<?> type, String methodName) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                try {
                    return type.getMethod(methodName);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        };
    }
}
