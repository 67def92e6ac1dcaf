package org.civiclink.recommendation.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.civiclink.events.Urgency;
import org.civiclink.events.VerificationStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;

/**
 * Reads rule files and refuses invalid ones. Every problem is reported at once, each prefixed with the
 * file it is in: a missing or malformed field, a condition CEL rejects, a duplicate id or need, an example that
 * does not behave as the file says. A rule whose examples fail is invalid: the examples are its contract.
 */
final class RuleLoader {

    /** Lists the shipped rule files; a test checks it names every file in the folder. */
    static final String SHIPPED_INDEX = "rules/index.txt";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A rule file's name and text. */
    record Source(String name, String text) {
    }

    private RuleLoader() {
    }

    static List<CompiledRule> shipped() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Source> sources = new ArrayList<>();
        for (String name : read(loader, SHIPPED_INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            sources.add(new Source(name, read(loader, "rules/" + name)));
        }
        return load(sources);
    }

    /** Every *.yaml or *.yml file of an operator's folder, in name order. */
    static List<CompiledRule> directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleValidationException(List.of(dir + ": not a directory"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Source> sources = new ArrayList<>();
            for (Path file : files.filter(RuleLoader::isRuleFile).sorted().toList()) {
                sources.add(new Source(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return load(sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRuleFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    static List<CompiledRule> load(List<Source> sources) {
        List<String> problems = new ArrayList<>();
        List<CompiledRule> rules = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        Map<String, String> fileByNeed = new HashMap<>();
        if (sources.isEmpty()) {
            problems.add("no rule files");
        }
        for (Source source : sources) {
            List<String> fileProblems = new ArrayList<>();
            compile(source, fileProblems).ifPresent(rule -> {
                String previous = fileById.putIfAbsent(rule.definition().id(), source.name());
                // A referral names one rule, and a client has one open referral per need: a second rule for
                // the need would never be shown, so its explanation would be lost without a word.
                String sameNeed = fileByNeed.get(rule.definition().need());
                if (previous != null) {
                    fileProblems.add("id '" + rule.definition().id() + "' is already used by " + previous);
                } else if (sameNeed != null) {
                    fileProblems.add("need '" + rule.definition().need() + "' is already the need of " + sameNeed
                            + "; one rule per need (merge the two conditions, or give this rule its own need)");
                } else {
                    fileByNeed.put(rule.definition().need(), source.name());
                    rules.add(rule);
                }
            });
            fileProblems.forEach(problem -> problems.add(source.name() + ": " + problem));
        }
        if (!problems.isEmpty()) {
            throw new RuleValidationException(problems);
        }
        return List.copyOf(rules);
    }

    private static Optional<CompiledRule> compile(Source source, List<String> problems) {
        RuleFile file;
        try {
            file = YAML.readValue(source.text(), RuleFile.class);
        } catch (JsonProcessingException e) {
            problems.add("not a valid rule file: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
            return Optional.empty();
        }
        if (file == null) {
            problems.add("empty file");
            return Optional.empty();
        }
        required(problems, "id", file.id());
        required(problems, "version", file.version());
        required(problems, "title", file.title());
        required(problems, "reason", file.reason());
        required(problems, "citation", file.citation());
        required(problems, "need", file.need());
        required(problems, "condition", file.condition());
        if (file.id() != null && !ID.matcher(file.id()).matches()) {
            problems.add("id '" + file.id() + "' must be lower-case words joined by '-'");
        }
        if (file.id() != null && !stem(source.name()).equals(file.id())) {
            problems.add("id '" + file.id() + "' must match the file name");
        }
        if (file.serviceTaxonomyTerms() == null || file.serviceTaxonomyTerms().isEmpty()
                || file.serviceTaxonomyTerms().stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.add("serviceTaxonomyTerms: at least one term, none blank");
        }
        Urgency urgency = urgency(file.urgency(), problems);
        Duration respondWithin = duration(file.respondWithin(), problems);
        Program condition = null;
        if (file.condition() != null) {
            try {
                condition = CelRules.condition(file.condition());
            } catch (CelValidationException | CelEvaluationException e) {
                problems.add("condition: " + e.getMessage());
            }
        }
        List<Program> evidence = new ArrayList<>();
        if (file.evidence() == null || file.evidence().isEmpty()) {
            problems.add("evidence: at least one fact selector, so a referral shows the facts behind it");
        } else {
            for (int i = 0; i < file.evidence().size(); i++) {
                try {
                    evidence.add(CelRules.selector(file.evidence().get(i)));
                } catch (CelValidationException | CelEvaluationException | NullPointerException e) {
                    problems.add("evidence[" + i + "]: " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        ReferralRuleDefinition definition = new ReferralRuleDefinition(file.id(), file.version(), file.title().strip(),
                file.reason().strip(), file.citation().strip(), file.need(), List.copyOf(file.serviceTaxonomyTerms()),
                urgency, respondWithin);
        CompiledRule rule = new CompiledRule(source.name(), definition, condition, List.copyOf(evidence), file.examples());
        checkExamples(rule, problems);
        return problems.isEmpty() ? Optional.of(rule) : Optional.empty();
    }

    private static void checkExamples(CompiledRule rule, List<String> problems) {
        RuleFile.Examples examples = rule.examples();
        if (examples == null || examples.mustTrigger() == null || examples.mustTrigger().isEmpty()
                || examples.mustNotTrigger() == null || examples.mustNotTrigger().isEmpty()) {
            problems.add("examples: at least one mustTrigger and one mustNotTrigger situation");
            return;
        }
        for (RuleFile.Example example : examples.mustTrigger()) {
            checkExample(rule, example, true).ifPresent(p -> problems.add("example '" + example.name() + "': " + p));
        }
        for (RuleFile.Example example : examples.mustNotTrigger()) {
            checkExample(rule, example, false).ifPresent(p -> problems.add("example '" + example.name() + "': " + p));
        }
    }

    /** Why the example does not behave as its file says, if it does not. */
    static Optional<String> checkExample(CompiledRule rule, RuleFile.Example example, boolean mustTrigger) {
        if (example.name() == null || example.asOf() == null) {
            return Optional.of("every example needs a name and asOf");
        }
        Optional<RuleMatch> match;
        try {
            if (example.facts() != null) {
                for (RuleFile.ExampleFact f : example.facts()) {
                    if (f.agency() == null || f.category() == null || f.code() == null) {
                        return Optional.of("every fact needs agency, category and code");
                    }
                    if (f.verification() != null) {
                        VerificationStatus.valueOf(f.verification());
                    }
                }
            }
            match = rule.evaluate(ExampleSituations.of(example));
        } catch (CelEvaluationException e) {
            return Optional.of("condition failed to evaluate: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Optional.of("bad verification status: " + e.getMessage());
        }
        if (mustTrigger && match.isEmpty()) {
            return Optional.of("must trigger the rule but does not");
        }
        if (!mustTrigger && match.isPresent()) {
            return Optional.of("must not trigger the rule but does");
        }
        if (mustTrigger && example.expectFacts() != null) {
            List<String> supporting = match.get().facts().stream().map(f -> f.getCategory() + "/" + f.getCode()).toList();
            for (String expected : example.expectFacts()) {
                if (!supporting.contains(expected)) {
                    return Optional.of("expected supporting fact " + expected + " but the facts were " + supporting);
                }
            }
        }
        return Optional.empty();
    }

    private static Urgency urgency(String text, List<String> problems) {
        try {
            Urgency urgency = Urgency.valueOf(String.valueOf(text));
            if (urgency != Urgency.UNKNOWN) {
                return urgency;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add("urgency: one of ROUTINE, SOON, URGENT");
        return null;
    }

    private static Duration duration(String text, List<String> problems) {
        try {
            Duration duration = Duration.parse(String.valueOf(text));
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add("respondWithin: a positive ISO-8601 duration such as P7D or PT48H");
        return null;
    }

    private static void required(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": required");
        }
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RuleValidationException(List.of(resource + ": missing"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
