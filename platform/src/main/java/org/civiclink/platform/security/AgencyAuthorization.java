package org.civiclink.platform.security;

import java.util.Objects;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;

/** An agency system may act only under its own agency code, the "agency" claim of its token. */
@RequestScoped
public class AgencyAuthorization {

    public static final String AGENCY_CLAIM = "agency";

    @Inject
    JsonWebToken token;

    public void requireOwnAgency(String agencyCode) {
        String own = token.getClaim(AGENCY_CLAIM);
        if (own == null || !Objects.equals(own, agencyCode)) {
            throw new ForbiddenException("token agency does not match the event's agencyCode");
        }
    }

    public String callerAgency() {
        return token.getClaim(AGENCY_CLAIM);
    }
}
