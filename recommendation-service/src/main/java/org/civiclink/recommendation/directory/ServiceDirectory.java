package org.civiclink.recommendation.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.civiclink.platform.api.Page;
import org.civiclink.platform.api.PageRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * The HSDS service directory, held in memory: it is small, holds no personal data and changes
 * with a deployment, so every instance imports the same files at startup. A file that does not
 * import stops the service, naming the file and the field.
 */
@ApplicationScoped
public class ServiceDirectory {

    private static final Logger LOG = Logger.getLogger(ServiceDirectory.class);

    @Inject
    ObjectMapper mapper;

    /** Classpath resources ("classpath:...") or file paths, imported in order. */
    @ConfigProperty(name = "civiclink.directory.sources")
    List<String> sources;

    private volatile Map<String, HsdsService> services = Map.of();

    void onStart(@Observes StartupEvent start) {
        load();
    }

    synchronized void load() {
        HsdsImporter importer = new HsdsImporter(mapper);
        Map<String, HsdsService> loaded = new LinkedHashMap<>();
        for (String source : sources) {
            try (InputStream in = open(source)) {
                importer.read(source, in).forEach(service -> loaded.put(service.id(), service));
            } catch (IOException e) {
                throw new UncheckedIOException("Service directory " + source + " cannot be read", e);
            }
        }
        services = Map.copyOf(loaded);
        LOG.infof("Service directory: %d services from %s", loaded.size(), sources);
    }

    public Optional<HsdsService> byId(String id) {
        return Optional.ofNullable(services.get(id));
    }

    /** Services by taxonomy term code and/or words in name, description or organization; sorted by name. */
    public Page<HsdsService> search(String taxonomyTerm, String text, PageRequest paging) {
        Stream<HsdsService> found = services.values().stream();
        if (taxonomyTerm != null && !taxonomyTerm.isBlank()) {
            String code = taxonomyTerm.strip().toLowerCase(Locale.ROOT);
            found = found.filter(service -> service.taxonomyCodes().contains(code));
        }
        if (text != null && !text.isBlank()) {
            List<String> words = List.of(text.strip().toLowerCase(Locale.ROOT).split("\\s+"));
            found = found.filter(service -> words.stream().allMatch(service.searchText()::contains));
        }
        List<HsdsService> all = found.sorted(Comparator.comparing(HsdsService::name).thenComparing(HsdsService::id)).toList();
        int from = (int) Math.min((long) paging.page() * paging.size(), all.size());
        int to = Math.min(from + paging.size(), all.size());
        return new Page<>(all.subList(from, to), paging.page(), paging.size(), all.size());
    }

    /** Active services offering any of the terms, for naming on a referral. */
    public List<ServiceSummary> matching(List<String> taxonomyTerms) {
        List<String> codes = taxonomyTerms.stream().map(term -> term.toLowerCase(Locale.ROOT)).toList();
        List<ServiceSummary> matches = new ArrayList<>();
        services.values().stream()
                .filter(HsdsService::active)
                .filter(service -> service.hasAnyTerm(codes))
                .sorted(Comparator.comparing(HsdsService::name))
                .forEach(service -> matches.add(new ServiceSummary(service.id(), service.name(), service.organizationName(),
                        service.taxonomyCodes().stream().filter(codes::contains).toList())));
        return matches;
    }

    public List<String> taxonomyCodes() {
        return services.values().stream().flatMap(s -> s.taxonomyCodes().stream()).distinct().sorted().toList();
    }

    private static InputStream open(String source) throws IOException {
        if (source.startsWith("classpath:")) {
            String resource = source.substring("classpath:".length());
            InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new DirectoryImportException(source, "is not on the classpath");
            }
            return in;
        }
        return Files.newInputStream(Path.of(source));
    }
}
