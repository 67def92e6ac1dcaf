package org.civiclink.platform.security;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.civiclink.platform.problem.Problem;
import org.civiclink.platform.problem.ProblemException;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Before any personal-data endpoint runs: the caller is authenticated and has declared a valid
 * purpose of use. Roles are checked by each endpoint's @RolesAllowed.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class AccessControlFilter implements ContainerRequestFilter {

    /** Request property holding the parsed {@link PurposeOfUse} for the audit filter. */
    public static final String PURPOSE_PROPERTY = "civiclink.purpose";
    /** Request property holding why the request was refused here, for the audit filter. */
    public static final String DENIAL_PROPERTY = "civiclink.denial";

    @Context
    ResourceInfo resourceInfo;

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ContainerRequestContext request) {
        if (PersonalDataEndpoint.of(resourceInfo).isEmpty()) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        String header = request.getHeaderString(PurposeOfUse.HEADER);
        PurposeOfUse purpose = PurposeOfUse.parse(header).orElseThrow(() -> refuse(request, PurposeOfUse.HEADER,
                header == null ? "missing; declare why you use this data" : "must be one of " + PurposeOfUse.allowedValues()));
        if (purpose.reasonRequired() && blank(request.getHeaderString(PurposeOfUse.REASON_HEADER))) {
            throw refuse(request, PurposeOfUse.REASON_HEADER, "required with " + purpose.name());
        }
        request.setProperty(PURPOSE_PROPERTY, purpose);
    }

    private static ProblemException refuse(ContainerRequestContext request, String header, String reason) {
        String detail = "Header " + header + " is " + reason + ".";
        request.setProperty(DENIAL_PROPERTY, detail);
        return new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "purpose-of-use", detail)
                .withInvalidParams(List.of(new Problem.InvalidParam(header, reason))));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
