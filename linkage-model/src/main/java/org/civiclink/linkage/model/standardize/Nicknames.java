package org.civiclink.linkage.model.standardize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The formal names a given name may stand for (Bill -> WILLIAM; Pat -> PATRICIA, PATRICK). A nickname may
 * stand for several formal names, but two formal names are never made one: the relation "may be the same
 * name" is whether two names' sets of formal names intersect, and it is deliberately not transitive, so Pat
 * matches Patrick and Patricia while Patrick and Patricia stay different names.
 */
public final class Nicknames {

    private static final String RESOURCE = "/org/civiclink/linkage/model/nicknames.csv";
    private static final Nicknames DEFAULT = load();

    private final Map<String, List<String>> formalNames;
    private final Set<String> formal;

    Nicknames(Map<String, List<String>> formalNames, Set<String> formal) {
        this.formalNames = Map.copyOf(formalNames);
        this.formal = Set.copyOf(formal);
    }

    public static Nicknames standard() {
        return DEFAULT;
    }

    /**
     * The formal names a folded given name may stand for, sorted: a formal name gives itself (plus any formal
     * name that lists it as a spelling variant); a name the table does not know gives itself; null gives null.
     */
    public List<String> formalNames(String foldedName) {
        if (foldedName == null) {
            return null;
        }
        List<String> known = formalNames.get(foldedName);
        return known != null ? known : List.of(foldedName);
    }

    /** Whether the table lists the name as a formal name of its own (first column), not only as a nickname. */
    public boolean isFormal(String foldedName) {
        return foldedName != null && formal.contains(foldedName);
    }

    /** Whether two sets of formal names share a name: the two given names may be one person's. */
    public static boolean mayBeSameName(List<String> formalNamesA, List<String> formalNamesB) {
        return formalNamesA != null && formalNamesB != null && !Collections.disjoint(formalNamesA, formalNamesB);
    }

    private static Nicknames load() {
        Map<String, Set<String>> names = new HashMap<>();
        Set<String> formal = new TreeSet<>();
        try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(",");
                String formalName = Text.fold(columns[0]);
                if (formalName == null) {
                    continue;
                }
                formal.add(formalName);
                for (String column : columns) {
                    String name = Text.fold(column);
                    if (name != null) {
                        names.computeIfAbsent(name, n -> new TreeSet<>()).add(formalName);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> sorted = new HashMap<>();
        names.forEach((name, formals) -> sorted.put(name, List.copyOf(formals)));
        return new Nicknames(sorted, formal);
    }
}
