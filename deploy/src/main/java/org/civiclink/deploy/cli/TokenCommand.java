package org.civiclink.deploy.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import org.civiclink.deploy.security.DevRole;
import org.civiclink.deploy.security.DevTokens;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a development bearer token that the local stack's services accept, and nothing else,"
                + " so that TOKEN=$(./civiclink token --role caseworker) works.")
class TokenCommand implements Callable<Integer> {

    private static final int MAX_HOURS = 24 * 30;

    @Option(names = "--role", required = true, converter = RoleConverter.class, completionCandidates = RoleCandidates.class,
            description = "One of: ${COMPLETION-CANDIDATES}")
    DevRole role;

    @Option(names = "--subject", description = "Default: <agency>-system for agency-system, dev-<role> otherwise.")
    String subject;

    @Option(names = "--agency", defaultValue = DevTokens.DEMO_CASEWORKER_AGENCY,
            description = "Agency code claim; a caseworker sees the referrals of her agency's team (default: ${DEFAULT-VALUE}).")
    String agency;

    @Option(names = "--hours", defaultValue = "12", description = "Lifetime in hours (default: ${DEFAULT-VALUE}).")
    int hours;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new ParameterException(spec.commandLine(), "--hours must be between 1 and " + MAX_HOURS);
        }
        if (agency.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--agency must not be blank");
        }
        String effectiveSubject = subject != null ? subject
                : role == DevRole.AGENCY_SYSTEM ? agency + "-system" : "dev-" + role.claim();
        spec.commandLine().getOut().println(DevTokens.issue(effectiveSubject, agency, role, Duration.ofHours(hours)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static class RoleConverter implements ITypeConverter<DevRole> {
        @Override
        public DevRole convert(String value) {
            try {
                return DevRole.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static class RoleCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DevRole.values()).map(DevRole::claim).iterator();
        }
    }
}
